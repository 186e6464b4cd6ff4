package io.perfharness.core.latency;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * An interval log merged per tag: for each tag the exact HdrHistogram sum of its intervals and how many
 * there were, plus the lines a lenient read skipped. Immutable: histograms are handed out as copies.
 */
public final class HlogTotals {
    private final Path file;
    private final Map<String, Histogram> histogramByTag;
    private final Map<String, Integer> intervalCountByTag;
    private final List<HlogProblem> problems;

    private HlogTotals(Path file, Map<String, Histogram> histogramByTag, Map<String, Integer> intervalCountByTag,
                       List<HlogProblem> problems) {
        this.file = file;
        this.histogramByTag = histogramByTag;
        this.intervalCountByTag = intervalCountByTag;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    /** The tags seen, sorted; {@link HlogInterval#UNTAGGED} ("") stands for untagged intervals. */
    public SortedSet<String> tags() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(histogramByTag.keySet()));
    }

    /** Intervals read for a tag, 0 for a tag never seen. */
    public int intervalCount(String tag) {
        return intervalCountByTag.getOrDefault(tag, 0);
    }

    /** Intervals read over all tags. */
    public int intervalCount() {
        return intervalCountByTag.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The merged histogram of a tag (a copy), with the bucket layout of the tag's first interval.
     *
     * @throws IllegalArgumentException if the tag was never seen
     */
    public Histogram histogram(String tag) {
        Histogram histogram = histogramByTag.get(tag);
        if (histogram == null) {
            throw new IllegalArgumentException("tag must be one of " + tags() + " but was '" + tag + "'");
        }
        return histogram.copy();
    }

    /** Lines skipped by a lenient read, in file order; always empty after a strict read. */
    public List<HlogProblem> problems() {
        return problems;
    }

    /** Sums intervals as they stream by, so a long log never has to be held in memory. Mutable. */
    static final class Builder {
        private final Path file;
        private final Map<String, Histogram> histogramByTag = new TreeMap<>();
        private final Map<String, Integer> intervalCountByTag = new TreeMap<>();

        Builder(Path file) {
            this.file = file;
        }

        void add(HlogInterval interval) {
            Histogram total = histogramByTag.computeIfAbsent(interval.tag(), tag -> emptyLike(interval));
            interval.addTo(total);
            intervalCountByTag.merge(interval.tag(), 1, Integer::sum);
        }

        HlogTotals build(List<HlogProblem> problems) {
            return new HlogTotals(file, histogramByTag, intervalCountByTag, problems);
        }

        /** Same layout as the first interval, so adding intervals of that layout is exact bucket by bucket. */
        private static Histogram emptyLike(HlogInterval first) {
            Histogram layout = first.histogram();
            Histogram total = new Histogram(layout.getLowestDiscernibleValue(), layout.getHighestTrackableValue(),
                layout.getNumberOfSignificantValueDigits());
            // Later intervals may reach higher values than the first one's range.
            total.setAutoResize(true);
            return total;
        }
    }
}
