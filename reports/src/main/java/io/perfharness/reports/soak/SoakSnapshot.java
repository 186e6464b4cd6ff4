package io.perfharness.reports.soak;

import io.perfharness.profiling.heap.ClassHistogram;
import io.perfharness.profiling.heap.ClassHistogramEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a soak run measured of the target at one moment. A measurement the target did not offer is null
 * (e.g. no pool gauges in its {@code /metrics}); a class absent from {@code classCounts} had no live
 * instances. Immutable.
 *
 * @param epochMillis when the snapshot was taken
 * @param completedRequests requests completed since the run started, the x axis of every trend
 * @param heapAfterGcBytes heap used right after a full GC (the histogram's own GC, or the last GC)
 * @param classCounts live instances and bytes per class name, from a class histogram
 * @param liveThreads live threads of the target
 * @param dbPoolActiveConnections connections borrowed from the target's database pool
 * @param openFileDescriptors open files and sockets of the target process
 */
public record SoakSnapshot(long epochMillis, long completedRequests, Long heapAfterGcBytes,
        Map<String, ClassCount> classCounts, Long liveThreads, Long dbPoolActiveConnections,
        Long openFileDescriptors) {
    public SoakSnapshot {
        if (completedRequests < 0) {
            throw new IllegalArgumentException("completedRequests must be >= 0 but was " + completedRequests);
        }
        classCounts = classCounts == null ? Map.of() : Map.copyOf(new TreeMap<>(classCounts));
    }

    /**
     * The class counts of a histogram; classes of the same name from different class loaders are added
     * up, as a leak of either grows the name.
     */
    public static Map<String, ClassCount> classCountsOf(ClassHistogram histogram) {
        Map<String, ClassCount> counts = new HashMap<>();
        for (ClassHistogramEntry entry : histogram.entries()) {
            counts.merge(entry.className(), new ClassCount(entry.instances(), entry.bytes()),
                    (a, b) -> new ClassCount(a.instances() + b.instances(), a.bytes() + b.bytes()));
        }
        return counts;
    }
}
