package io.perfharness.profiling.heap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A class histogram of one JVM at one moment, entries in the JVM's order (largest bytes first).
 * Immutable.
 *
 * @param timestamp when it was taken
 * @param totalInstances the JVM's {@code Total} line, equal to the sum over the entries
 * @param totalBytes the JVM's {@code Total} line, equal to the sum over the entries
 */
public record ClassHistogram(Instant timestamp, List<ClassHistogramEntry> entries, long totalInstances,
        long totalBytes) {
    public ClassHistogram {
        entries = List.copyOf(entries);
    }

    /** The entry of {@code className}, if the class had live instances. */
    public Optional<ClassHistogramEntry> entry(String className) {
        return entries.stream().filter(e -> e.className().equals(className)).findFirst();
    }
}
