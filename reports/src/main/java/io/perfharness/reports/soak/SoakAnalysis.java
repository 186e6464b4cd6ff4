package io.perfharness.reports.soak;

import java.util.List;
import java.util.Optional;

/**
 * The leak analysis of one soak run: verdicts for heap after GC, threads, pool connections and open files,
 * and every class ranked as a suspect. A series the target did not offer is empty. Immutable.
 *
 * @param classes every class seen, LEAK SUSPECTED first, then ranked as {@link SoakAnalyzer} documents
 */
public record SoakAnalysis(int snapshots, long completedRequests, Optional<SeriesVerdict> heapAfterGc,
        Optional<SeriesVerdict> threads, Optional<SeriesVerdict> dbPoolActiveConnections,
        Optional<SeriesVerdict> openFileDescriptors, List<ClassLeakFinding> classes) {
    public SoakAnalysis {
        classes = List.copyOf(classes);
    }

    /** The classes with a LEAK SUSPECTED verdict, best suspect first. */
    public List<ClassLeakFinding> suspects() {
        return classes.stream().filter(c -> c.verdict() == LeakVerdict.LEAK_SUSPECTED).toList();
    }
}
