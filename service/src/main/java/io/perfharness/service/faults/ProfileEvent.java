package io.perfharness.service.faults;

import java.util.Locale;

/**
 * The kind of evidence that shows a planted fault: an async-profiler event, or a soak run's series over
 * time (class histograms, threads, pool connections).
 */
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
    HEAP,
    /** live thread count over time (a soak run): threads that are started and never end */
    THREADS,
    /** the database pool's active connections over time (a soak run): connections never given back */
    CONNECTIONS;

    /** The name the harness uses on its command line ({@code -Dperf.events=cpu,alloc,...}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
