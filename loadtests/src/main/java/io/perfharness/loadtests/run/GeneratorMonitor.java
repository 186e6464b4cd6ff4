package io.perfharness.loadtests.run;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Watches the load generator itself: how late each virtual user started against its intended
 * arrival time, how many users started inside the measurement window, and the generator JVM's own
 * CPU. Thread-safe.
 *
 * <p>Lag is measured against the schedule's best-kept point: every user's {@code actual -
 * intended} start is recorded, and lag is that value minus the smallest one seen, so a late first
 * user does not make every other user look early.
 */
public final class GeneratorMonitor {
  /** Shift so that users which started earlier than the first one still fit the histogram. */
  private static final long SHIFT_MICROS = 60_000_000L;

  private final ConcurrentHistogram startDeltaMicros = new ConcurrentHistogram(3_600_000_000L, 3);
  private final AtomicLong firstAnchorNanos = new AtomicLong(Long.MIN_VALUE);
  private final LongAdder startedInWindow = new LongAdder();
  private final long warmupNanos;
  private final long windowEndNanos;
  private volatile long cpuAtWindowStartNanos = -1;
  private volatile long cpuAtWindowEndNanos = -1;
  private volatile long wallAtWindowStartNanos;
  private volatile long wallAtWindowEndNanos;

  public GeneratorMonitor(long warmupNanos, long durationNanos) {
    this.warmupNanos = warmupNanos;
    this.windowEndNanos = warmupNanos + durationNanos;
  }

  /**
   * Called when a virtual user starts.
   *
   * @return true if this was the first user, whose start anchors the schedule
   */
  public boolean userStarted(long intendedOffsetNanos, long nowNanos) {
    boolean first = firstAnchorNanos.compareAndSet(Long.MIN_VALUE, nowNanos - intendedOffsetNanos);
    long anchor = firstAnchorNanos.get();
    long deltaMicros = (nowNanos - anchor - intendedOffsetNanos) / 1_000 + SHIFT_MICROS;
    startDeltaMicros.recordValue(Math.max(0, Math.min(deltaMicros, startDeltaMicros.getHighestTrackableValue())));
    long actualOffset = nowNanos - anchor;
    if (actualOffset >= warmupNanos && actualOffset < windowEndNanos) {
      startedInWindow.increment();
    }
    return first;
  }

  /** Monotonic time of the schedule's zero, as seen by the first user. */
  public long anchorNanos() {
    return firstAnchorNanos.get();
  }

  public void windowStarted() {
    wallAtWindowStartNanos = System.nanoTime();
    cpuAtWindowStartNanos = processCpuNanos();
  }

  public void windowEnded() {
    wallAtWindowEndNanos = System.nanoTime();
    cpuAtWindowEndNanos = processCpuNanos();
  }

  public long startedInWindow() {
    return startedInWindow.sum();
  }

  /** Snapshot of the lag distribution, in microseconds. */
  public Lag lag() {
    Histogram copy = startDeltaMicros.copy();
    if (copy.getTotalCount() == 0) {
      return new Lag(0, 0, 0, 0);
    }
    long min = copy.getMinValue();
    return new Lag(copy.getTotalCount(), copy.getValueAtPercentile(50) - min,
        copy.getValueAtPercentile(99) - min, copy.getMaxValue() - min);
  }

  /** The generator JVM's CPU during the window as a share of the whole machine (0..1), or NaN. */
  public double cpuShareOfMachine() {
    if (cpuAtWindowStartNanos < 0 || cpuAtWindowEndNanos < 0) {
      return Double.NaN;
    }
    double wall = wallAtWindowEndNanos - wallAtWindowStartNanos;
    return (cpuAtWindowEndNanos - cpuAtWindowStartNanos) / (wall * Runtime.getRuntime().availableProcessors());
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Start lag of the virtual users, in microseconds. */
  public record Lag(long users, long p50Micros, long p99Micros, long maxMicros) {}
}
