package io.perfharness.profiling.event;

import java.util.Locale;

/** The unit of the counts in a collapsed profile of one event. */
public enum CountUnit {
    /** Number of samples; multiply by the sampling interval to get time. */
    SAMPLES("samples"),
    /** Bytes (for allocation: an estimate from sampled allocations). */
    BYTES("bytes"),
    /** Nanoseconds (for locks: time spent waiting to acquire). */
    NANOSECONDS("ns");

    private final String label;

    CountUnit(String label) {
        this.label = label;
    }

    /** Lower-case name for machine-readable files ({@code run.json}): samples, bytes, nanoseconds. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Short label for rendered text, e.g. {@code samples}, {@code ns}. */
    public String label() {
        return label;
    }
}
