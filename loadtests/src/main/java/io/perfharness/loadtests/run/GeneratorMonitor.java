package io.perfharness.loadtests.run;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.Arrays;

/**
 * Watches the load generator itself: how late each virtual user started against its intended
 * arrival time, how many users started inside the measurement window, and the generator JVM's own
 * CPU. Thread-safe; memory is two array slots per scheduled arrival (the schedule is bounded).
 *
 * <p>Lag is measured against the schedule's best-kept point: every user's {@code actual -
 * intended} start is recorded, and lag is that value minus the smallest one seen, so a late first
 * user does not make every other user look early.
 */
public final class GeneratorMonitor {
  /** actual - intended start of each arrival relative to the first user's anchor, by schedule position. */
  private final long[] startDeltaNanos;
  private final boolean[] started;
  private final boolean[] inWindow;
  private final AtomicLong firstAnchorNanos = new AtomicLong(Long.MIN_VALUE);
  private final LongAdder startedInWindow = new LongAdder();
  private final long warmupNanos;
  private final long windowEndNanos;
  private volatile long cpuAtWindowStartNanos = -1;
  private volatile long cpuAtWindowEndNanos = -1;
  private volatile long wallAtWindowStartNanos;
  private volatile long wallAtWindowEndNanos;

  public GeneratorMonitor(int arrivals, long warmupNanos, long durationNanos) {
    this.startDeltaNanos = new long[arrivals];
    this.started = new boolean[arrivals];
    this.inWindow = new boolean[arrivals];
    this.warmupNanos = warmupNanos;
    this.windowEndNanos = warmupNanos + durationNanos;
  }

  /**
   * Called when a virtual user starts.
   *
   * @return true if this was the first user, whose start anchors the schedule
   */
  public boolean userStarted(int seq, long intendedOffsetNanos, boolean intendedInWindow, long nowNanos) {
    boolean first = firstAnchorNanos.compareAndSet(Long.MIN_VALUE, nowNanos - intendedOffsetNanos);
    long anchor = firstAnchorNanos.get();
    synchronized (startDeltaNanos) {
      startDeltaNanos[seq] = nowNanos - anchor - intendedOffsetNanos;
      started[seq] = true;
      inWindow[seq] = intendedInWindow;
    }
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

  /**
   * The lag distribution of the measurement window's users, in microseconds, exact; the reference
   * point (the best-kept start) is taken over all users, warm-up included.
   */
  public Lag lag() {
    long[] deltas;
    long min = Long.MAX_VALUE;
    synchronized (startDeltaNanos) {
      int n = 0;
      deltas = new long[startDeltaNanos.length];
      for (int i = 0; i < deltas.length; i++) {
        if (started[i]) {
          min = Math.min(min, startDeltaNanos[i]);
          if (inWindow[i]) {
            deltas[n++] = startDeltaNanos[i];
          }
        }
      }
      deltas = Arrays.copyOf(deltas, n);
    }
    if (deltas.length == 0) {
      return new Lag(0, 0, 0, 0);
    }
    Arrays.sort(deltas);
    return new Lag(deltas.length, (percentile(deltas, 50) - min) / 1_000,
        (percentile(deltas, 99) - min) / 1_000, (deltas[deltas.length - 1] - min) / 1_000);
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
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
