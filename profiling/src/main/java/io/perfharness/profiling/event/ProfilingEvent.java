package io.perfharness.profiling.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The profiling events perf-harness captures, each with the unit its collapsed counts are in.
 *
 * <p>The ids are the names used on the command line ({@code -Dperf.events=cpu,alloc,lock,wall})
 * and in file names ({@code profile/cpu.collapsed}).
 */
public enum ProfilingEvent {
    /** On-CPU samples; one sample stands for one sampling interval of CPU time of one thread. */
    CPU("cpu", CountUnit.SAMPLES),
    /** Sampled heap allocations, weighted to an estimate of allocated bytes. */
    ALLOC("alloc", CountUnit.BYTES),
    /** Contended monitor enters and ReentrantLock/Semaphore parks, as waiting nanoseconds. */
    LOCK("lock", CountUnit.NANOSECONDS),
    /** Wall-clock samples of all threads, running or not; one sample stands for one interval. */
    WALL("wall", CountUnit.SAMPLES);

    private final String id;
    private final CountUnit countUnit;

    ProfilingEvent(String id, CountUnit countUnit) {
        this.id = id;
        this.countUnit = countUnit;
    }

    /** The lower-case name, e.g. {@code cpu}. */
    public String id() {
        return id;
    }

    /** What one unit of a collapsed count of this event is. */
    public CountUnit countUnit() {
        return countUnit;
    }

    /** The event with this id (case-insensitive), if there is one. */
    public static Optional<ProfilingEvent> byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.id.equals(wanted)).findFirst();
    }

    /** The ids of all events, comma-separated, for messages. */
    public static String knownIds() {
        return Arrays.stream(values()).map(ProfilingEvent::id).collect(Collectors.joining(", "));
    }
}
