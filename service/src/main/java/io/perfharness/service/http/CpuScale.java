package io.perfharness.service.http;

import io.javalin.http.Context;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

/**
 * The {@code --cpu-scale=F} knob: a CPU regression of known strength. The {@code before} hook reads the
 * request thread's CPU clock; the {@code after} hook (after the handlers, before Javalin writes the
 * response) reads it again and hashes in {@link #burnExtra} until the thread has used (F - 1) times
 * that much more CPU. Latency feels it as it would feel slower handler code. Thread-safe.
 */
public final class CpuScale {
    /** The factor that switches the knob off. */
    public static final double OFF = 1.0;
    /** The largest factor accepted. */
    public static final double MAX = 10.0;

    /** Murmur3 finalizer rounds between two reads of the CPU clock (a few microseconds of work). */
    static final int ROUNDS_PER_CHUNK = 1024;

    private static final String START = "shop.cpuScale.start";

    /** Keeps the hash observable so the JIT cannot drop the work. */
    private static volatile long sink;

    private final double factor;
    private final LongSupplier threadCpuNanos;
    private final DoubleConsumer extraCpuSeconds;

    /**
     * @param factor F, from {@link #OFF} to {@link #MAX}
     * @param threadCpuNanos the calling thread's CPU clock in nanoseconds
     * @param extraCpuSeconds told the extra CPU burnt for each request (a counter), in seconds
     */
    public CpuScale(double factor, LongSupplier threadCpuNanos, DoubleConsumer extraCpuSeconds) {
        if (!(factor >= OFF && factor <= MAX)) {
            throw new IllegalArgumentException(
                    "cpu scale must be a number from " + OFF + " to " + MAX + " but was " + factor);
        }
        this.factor = factor;
        this.threadCpuNanos = threadCpuNanos;
        this.extraCpuSeconds = extraCpuSeconds;
    }

    /**
     * A knob reading the JVM's per-thread CPU clock.
     *
     * @throws IllegalStateException when the knob is on and this JVM cannot measure a thread's CPU time
     */
    public static CpuScale withThreadCpuClock(double factor, DoubleConsumer extraCpuSeconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (factor > OFF) {
            if (!threads.isCurrentThreadCpuTimeSupported()) {
                throw new IllegalStateException(
                        "--cpu-scale needs per-thread CPU time, which this JVM does not measure");
            }
            if (!threads.isThreadCpuTimeEnabled()) {
                threads.setThreadCpuTimeEnabled(true);
            }
        }
        return new CpuScale(factor, threads::getCurrentThreadCpuTime, extraCpuSeconds);
    }

    public double factor() {
        return factor;
    }

    public boolean isOn() {
        return factor > OFF;
    }

    /** The {@code before} hook: where the request's CPU starts counting. */
    void start(Context ctx) {
        ctx.attribute(START, new Start(Thread.currentThread().getId(), threadCpuNanos.getAsLong()));
    }

    /** The {@code after} hook: (F - 1) x the CPU the request used on this thread since {@link #start}. */
    void scale(Context ctx) {
        Start start = ctx.attribute(START);
        if (start == null || start.threadId() != Thread.currentThread().getId()) {
            return; // another thread's clock would measure nothing of this request
        }
        long usedCpuNanos = threadCpuNanos.getAsLong() - start.cpuNanos();
        if (usedCpuNanos > 0) {
            long burntCpuNanos = burnExtra(extraCpuNanos(usedCpuNanos));
            extraCpuSeconds.accept(burntCpuNanos / 1e9);
        }
    }

    /** (F - 1) x {@code usedCpuNanos}, rounded down. */
    long extraCpuNanos(long usedCpuNanos) {
        return (long) ((factor - OFF) * usedCpuNanos);
    }

    /**
     * Hashes in chunks of {@link #ROUNDS_PER_CHUNK} rounds until this thread's CPU clock has advanced by
     * {@code extraCpuNanos}; the last chunk may overshoot by a few microseconds.
     *
     * @return the CPU nanoseconds actually used, clock reads included
     */
    long burnExtra(long extraCpuNanos) {
        long startCpuNanos = threadCpuNanos.getAsLong();
        long deadlineCpuNanos = startCpuNanos + extraCpuNanos;
        long hash = startCpuNanos;
        long nowCpuNanos = startCpuNanos;
        while (nowCpuNanos < deadlineCpuNanos) {
            for (int round = 0; round < ROUNDS_PER_CHUNK; round++) {
                // MurmurHash3's 64-bit finalizer over a running state: no closed form, nothing to hoist
                hash += 0x9E3779B97F4A7C15L;
                hash ^= hash >>> 33;
                hash *= 0xFF51AFD7ED558CCDL;
                hash ^= hash >>> 33;
                hash *= 0xC4CEB9FE1A85EC53L;
                hash ^= hash >>> 33;
            }
            nowCpuNanos = threadCpuNanos.getAsLong();
        }
        sink = hash;
        return nowCpuNanos - startCpuNanos;
    }

    /** Where a request's CPU started counting, and on which thread. */
    private record Start(long threadId, long cpuNanos) {}
}
