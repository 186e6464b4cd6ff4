package io.perfharness.service.faults;

import java.util.Locale;

/** The kind of evidence that shows a planted fault: an async-profiler event, or heap histograms over time. */
public enum ProfileEvent {
    /** on-CPU samples */
    CPU,
    /** allocation samples (bytes allocated per request) */
    ALLOC,
    /** contended monitor and lock waits */
    LOCK,
    /** wall-clock samples of all threads, running or waiting */
    WALL,
    /** class histograms over time (a soak run): live instances that only grow */
    HEAP;

    /** The name the harness uses on its command line ({@code -Dperf.events=cpu,alloc,...}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
