package io.perfharness.profiling.capture;

import io.perfharness.profiling.event.ProfilingEvent;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which events to capture and how often to sample each. Immutable.
 *
 * @param events             the events, at least one, iterated in declaration order (cpu, alloc,
 *                           lock, wall); async-profiler 4.5 records all of them in one session
 *                           into one JFR file
 * @param cpuIntervalNanos   CPU time between cpu samples of a thread, in ns
 * @param wallIntervalNanos  wall time between wall-clock samples, in ns
 * @param allocIntervalBytes allocated bytes between allocation samples
 * @param lockThresholdNanos lock wait time between lock samples, in ns: a contended acquisition
 *                           is recorded each time the accumulated wait passes another threshold,
 *                           so every wait longer than it is recorded and shorter ones are sampled
 */
public record CaptureSettings(Set<ProfilingEvent> events, long cpuIntervalNanos, long wallIntervalNanos,
                              long allocIntervalBytes, long lockThresholdNanos) {
    /** 10 ms: 100 samples per second per busy core, about 1% overhead. */
    public static final long DEFAULT_CPU_INTERVAL_NANOS = 10_000_000L;
    /** 20 ms: wall samples all threads, so it is kept coarser than cpu. */
    public static final long DEFAULT_WALL_INTERVAL_NANOS = 20_000_000L;
    /** 512 KiB. */
    public static final long DEFAULT_ALLOC_INTERVAL_BYTES = 512L * 1024;
    /** 10 us. */
    public static final long DEFAULT_LOCK_THRESHOLD_NANOS = 10_000L;

    public CaptureSettings {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events must not be empty; choose from " + ProfilingEvent.knownIds());
        }
        // An unmodifiable EnumSet iterates in declaration order: stable manifests and command lines.
        events = Collections.unmodifiableSet(EnumSet.copyOf(events));
        requirePositive("cpuIntervalNanos", cpuIntervalNanos);
        requirePositive("wallIntervalNanos", wallIntervalNanos);
        requirePositive("allocIntervalBytes", allocIntervalBytes);
        requirePositive("lockThresholdNanos", lockThresholdNanos);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0 but was " + value);
        }
    }

    /** These events with the default intervals. */
    public static CaptureSettings defaults(Collection<ProfilingEvent> events) {
        Set<ProfilingEvent> set = events.isEmpty() ? EnumSet.noneOf(ProfilingEvent.class) : EnumSet.copyOf(events);
        return new CaptureSettings(set, DEFAULT_CPU_INTERVAL_NANOS, DEFAULT_WALL_INTERVAL_NANOS,
                DEFAULT_ALLOC_INTERVAL_BYTES, DEFAULT_LOCK_THRESHOLD_NANOS);
    }

    public boolean has(ProfilingEvent event) {
        return events.contains(event);
    }

    /**
     * The interval asked for {@code event}, in the unit asprof takes it: nanoseconds for cpu, wall
     * and lock (threshold), bytes for alloc.
     */
    public long intervalFor(ProfilingEvent event) {
        switch (event) {
            case CPU:
                return cpuIntervalNanos;
            case WALL:
                return wallIntervalNanos;
            case ALLOC:
                return allocIntervalBytes;
            case LOCK:
                return lockThresholdNanos;
            default:
                throw new IllegalArgumentException("no interval for event " + event);
        }
    }

    /**
     * The sampling interval that turns one cpu or wall sample into time, in ns; 0 for alloc and
     * lock, whose counts are already bytes and nanoseconds.
     */
    public long sampleIntervalNanos(ProfilingEvent event) {
        switch (event) {
            case CPU:
                return cpuIntervalNanos;
            case WALL:
                return wallIntervalNanos;
            default:
                return 0;
        }
    }
}
