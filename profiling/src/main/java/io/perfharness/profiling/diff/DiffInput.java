package io.perfharness.profiling.diff;

import java.util.List;
import java.util.Objects;

/**
 * One side of a diff: a label (e.g. {@code baseline}) and its runs, each a fresh JVM, all of the
 * same event and unit. Immutable.
 *
 * @param label for messages and reports; not blank
 * @param runs  at least one run, in a stable order (per-run values keep it)
 */
public record DiffInput(String label, List<RunProfileSample> runs) {

    public DiffInput {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank but was '" + label + "'");
        }
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("side '" + label + "' must have at least one run but had 0");
        }
    }

    /** A side of the given runs. */
    public static DiffInput of(String label, RunProfileSample... runs) {
        return new DiffInput(label, List.of(runs));
    }

    /** Sum of completed requests over the runs. */
    public long completedRequests() {
        long sum = 0;
        for (RunProfileSample run : runs) {
            sum = Math.addExact(sum, run.completedRequests());
        }
        return sum;
    }
}
