package io.perfharness.reports.soak;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.query.MatchedStack;
import io.perfharness.profiling.query.StackMatches;
import io.perfharness.profiling.query.StackQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Turns a {@link SoakAnalysis} (and the run's allocation profile, if any) into a {@link SoakReport}. Stateless. */
public final class SoakReportBuilder {
    /** Classes kept in soak.json, best ranked first. */
    public static final int MAX_CLASSES = 20;
    /** Suspects whose allocation stacks are looked up, and stacks kept per class. */
    public static final int CLASSES_WITH_STACKS = 5;
    public static final int STACKS_PER_CLASS = 3;

    private SoakReportBuilder() {}

    /**
     * @param allocation the run's collapsed {@code alloc} profile, null when it was not captured
     * @param allocationFile its path relative to the run, for the report
     */
    public static SoakReport build(String runId, long intervalMillis, String covers, SoakAnalysis analysis,
            List<SoakReport.Point> timeline, CollapsedProfile allocation, String allocationFile, List<String> notes) {
        Map<String, SoakReport.Series> series = new TreeMap<>();
        put(series, "heapAfterGc", analysis.heapAfterGc());
        put(series, "threads", analysis.threads());
        put(series, "dbPoolActiveConnections", analysis.dbPoolActiveConnections());
        put(series, "openFileDescriptors", analysis.openFileDescriptors());
        double heapSlope = analysis.heapAfterGc().map(v -> v.trend().slopePerThousandRequests()).orElse(Double.NaN);
        List<SoakReport.SuspectClass> classes = new ArrayList<>();
        int rank = 0;
        for (ClassLeakFinding c : analysis.classes()) {
            if (rank == MAX_CLASSES) {
                break;
            }
            rank++;
            List<String> stacks = null;
            Long sampled = null;
            if (allocation != null && rank <= CLASSES_WITH_STACKS && c.verdict() == LeakVerdict.LEAK_SUSPECTED) {
                StackMatches m = StackQuery.through(allocation, allocatedClass(c.className()), STACKS_PER_CLASS);
                sampled = m.matchedTotalCount();
                stacks = m.rows().stream().map(SoakReportBuilder::collapsedLine).toList();
            }
            SeriesTrend t = c.instances().trend();
            LinearTrend fit = t.fit();
            classes.add(new SoakReport.SuspectClass(rank, c.className(), c.verdict().label(), c.instances().reason(),
                    c.jdkClass(), t.firstValue(), t.lastValue(), finite(c.instancesPerThousandRequests()),
                    finite(c.bytesPerThousandRequests()), c.ownedBytesPerThousandRequests(), c.lockstepClasses(),
                    c.shareOfHeapGrowth() == null ? null : finite(c.shareOfHeapGrowth()),
                    heapSlope > 0 ? finite(c.ownedBytesPerThousandRequests() / heapSlope) : null,
                    fit == null ? null : finite(fit.rSquared()), fit == null ? null : finite(fit.pValueSlopePositive()),
                    sampled, stacks));
        }
        long first = timeline.isEmpty() ? 0 : timeline.get(0).completedRequests();
        long last = timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).completedRequests();
        return new SoakReport(SoakReport.SCHEMA_VERSION, runId, intervalMillis, covers, true, analysis.snapshots(),
                first, last, series, analysis.classes().size(), analysis.suspects().size(), classes,
                List.copyOf(timeline), allocation == null ? null : allocationFile, List.copyOf(notes));
    }

    /**
     * Frames that create or fill instances of the class: the frame async-profiler puts on top of an
     * allocation of it (the class name, dotted as in the histogram, possibly with an {@code _[i]} /
     * {@code _[k]} annotation when not normalized), or any method of the class itself, its constructor
     * included. A leaked object is often tiny and seldom sampled (a 40-byte listener at a 512 KB interval),
     * while what it holds is allocated in its constructor (the listener's {@code long[512]}).
     */
    static Pattern allocatedClass(String className) {
        return Pattern.compile("^" + Pattern.quote(className) + "(_\\[[a-z]\\]|\\.[^.]+)?$");
    }

    private static String collapsedLine(MatchedStack stack) {
        return String.join(";", stack.frames()) + " " + stack.count();
    }

    private static void put(Map<String, SoakReport.Series> series, String key, Optional<SeriesVerdict> verdict) {
        verdict.ifPresent(v -> {
            SeriesTrend t = v.trend();
            LinearTrend fit = t.fit();
            series.put(key, new SoakReport.Series(v.verdict().label(), v.reason(), v.unit(), t.firstValue(),
                    t.lastValue(), fit == null ? null : finite(fit.slopePerThousandRequests()),
                    fit == null ? null : finite(fit.rSquared()), fit == null ? null : finite(fit.pValueSlopePositive()),
                    finite(t.growthOverRun()), finite(t.increasingStepFraction()), finite(t.decreasingStepFraction()),
                    finite(t.lateSlopePerThousandRequests())));
        });
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
