package io.perfharness.profiling.query;

/** The unit of a per-request cost. */
public enum PerRequestUnit {
    /** Milliseconds of CPU time per completed request (cpu event). */
    CPU_MILLIS("cpu-ms/req"),
    /** Milliseconds of thread wall time per completed request, summed over threads (wall event). */
    WALL_MILLIS("wall-ms/req"),
    /** Bytes allocated per completed request (alloc event). */
    BYTES("bytes/req"),
    /** Milliseconds spent waiting for locks per completed request (lock event). */
    WAIT_MILLIS("wait-ms/req");

    private final String label;

    PerRequestUnit(String label) {
        this.label = label;
    }

    /** Compact label for rendered text, e.g. {@code cpu-ms/req}. */
    public String label() {
        return label;
    }
}
