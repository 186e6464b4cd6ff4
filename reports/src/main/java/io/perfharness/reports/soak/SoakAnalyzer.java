package io.perfharness.reports.soak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes a {@link SoakAnalysis} from a run's snapshots, every trend against completed requests (so a
 * slower or faster run gives the same slopes). A class is LEAK SUSPECTED only when heap after GC is too
 * (when measured); otherwise it takes the heap's verdict, its reason kept. Classes are ranked: LEAK
 * SUSPECTED, then INCONCLUSIVE, then NO LEAK; within a verdict application classes before JDK classes and
 * arrays (a leaked {@code Listener} holds the {@code long[]}, not the other way round), then by the bytes
 * they plausibly own (their own plus those of suspected JDK classes growing in lockstep, see
 * {@link ClassLeakFinding#lockstepClasses()}), then by name. Stateless.
 */
public final class SoakAnalyzer {
    /** Instance slopes within this fraction of each other count as growing in lockstep. */
    public static final double LOCKSTEP_TOLERANCE = 0.05;
    private static final String JDK_PREFIXES = "java. javax. jdk. sun. com.sun. [";

    private SoakAnalyzer() {}

    /**
     * @param snapshots in any order; sorted by time here
     * @throws IllegalArgumentException when completed requests go down over time
     */
    public static SoakAnalysis analyze(List<SoakSnapshot> snapshots, LeakThresholds thresholds) {
        List<SoakSnapshot> sorted = new ArrayList<>(snapshots);
        sorted.sort(Comparator.comparingLong(SoakSnapshot::epochMillis));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).completedRequests() < sorted.get(i - 1).completedRequests()) {
                throw new IllegalArgumentException("completed requests must not go down over time but went from "
                        + sorted.get(i - 1).completedRequests() + " to " + sorted.get(i).completedRequests()
                        + " at epochMillis " + sorted.get(i).epochMillis());
            }
        }
        SeriesJudge judge = new SeriesJudge(thresholds);
        Optional<SeriesVerdict> heap = series(sorted, SoakSnapshot::heapAfterGcBytes).map(s -> judge.judge(
                "heap after GC", "bytes", s.x(), s.y(),
                Math.max(thresholds.minHeapGrowthBytes(), thresholds.minHeapGrowthFraction() * s.y()[0])));
        Optional<SeriesVerdict> threads = series(sorted, SoakSnapshot::liveThreads).map(s -> judge.judge(
                "live threads", "threads", s.x(), s.y(), thresholds.minThreadGrowth()));
        Optional<SeriesVerdict> connections = series(sorted, SoakSnapshot::dbPoolActiveConnections).map(s ->
                judge.judge("database pool active connections", "connections", s.x(), s.y(),
                        thresholds.minConnectionGrowth()));
        Optional<SeriesVerdict> files = series(sorted, SoakSnapshot::openFileDescriptors).map(s -> judge.judge(
                "open file descriptors", "files", s.x(), s.y(), thresholds.minOpenFileGrowth()));
        List<ClassLeakFinding> classes = classes(sorted, judge, thresholds, heap);
        long completed = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).completedRequests();
        return new SoakAnalysis(sorted.size(), completed, heap, threads, connections, files, classes);
    }

    private record Series(long[] x, double[] y) {}

    private static Optional<Series> series(List<SoakSnapshot> snapshots, Function<SoakSnapshot, Long> value) {
        List<SoakSnapshot> measured = snapshots.stream().filter(s -> value.apply(s) != null).toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        long[] x = measured.stream().mapToLong(SoakSnapshot::completedRequests).toArray();
        double[] y = measured.stream().mapToDouble(s -> value.apply(s)).toArray();
        return Optional.of(new Series(x, y));
    }

    private static List<ClassLeakFinding> classes(List<SoakSnapshot> all, SeriesJudge judge,
            LeakThresholds thresholds, Optional<SeriesVerdict> heap) {
        List<SoakSnapshot> withHistogram = all.stream().filter(s -> !s.classCounts().isEmpty()).toList();
        if (withHistogram.isEmpty()) {
            return List.of();
        }
        long[] x = withHistogram.stream().mapToLong(SoakSnapshot::completedRequests).toArray();
        TreeSet<String> names = new TreeSet<>();
        withHistogram.forEach(s -> names.addAll(s.classCounts().keySet()));
        double heapSlope = heapSlope(heap, withHistogram, judge, x);
        List<ClassLeakFinding> findings = new ArrayList<>();
        for (String name : names) {
            double[] instances = new double[x.length];
            double[] bytes = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                ClassCount count = withHistogram.get(i).classCounts().getOrDefault(name, ClassCount.NONE);
                instances[i] = count.instances();
                bytes[i] = count.bytes();
            }
            SeriesVerdict verdict = gateByHeap(judge.judge(name, "instances", x, instances,
                    thresholds.minClassInstanceGrowth()), heap);
            SeriesTrend bytesTrend = judge.judge(name, "bytes", x, bytes, Double.MAX_VALUE).trend();
            double bytesSlope = bytesTrend.slopePerThousandRequests();
            Double share = heapSlope > 0 && !Double.isNaN(bytesSlope) ? bytesSlope / heapSlope : null;
            findings.add(new ClassLeakFinding(name, verdict, bytesTrend, share, isJdkClass(name), List.of(), 0));
        }
        List<ClassLeakFinding> withLockstep = withLockstep(findings);
        withLockstep.sort(Comparator.comparing((ClassLeakFinding f) -> rank(f.verdict()))
                .thenComparing(ClassLeakFinding::jdkClass)
                .thenComparing(f -> -f.ownedBytesPerThousandRequests())
                .thenComparing(ClassLeakFinding::className));
        return withLockstep;
    }

    /** Adds to each suspected application class the suspected JDK classes whose instances grow at its rate. */
    private static List<ClassLeakFinding> withLockstep(List<ClassLeakFinding> findings) {
        List<ClassLeakFinding> jdkSuspects = findings.stream()
                .filter(f -> f.jdkClass() && f.verdict() == LeakVerdict.LEAK_SUSPECTED).toList();
        List<ClassLeakFinding> result = new ArrayList<>(findings.size());
        for (ClassLeakFinding f : findings) {
            double rate = f.instancesPerThousandRequests();
            if (f.jdkClass() || f.verdict() != LeakVerdict.LEAK_SUSPECTED || !(rate > 0)) {
                result.add(f);
                continue;
            }
            List<String> names = new ArrayList<>();
            double bytes = 0;
            for (ClassLeakFinding j : jdkSuspects) {
                if (Math.abs(j.instancesPerThousandRequests() - rate) <= LOCKSTEP_TOLERANCE * rate) {
                    names.add(j.className());
                    bytes += orZero(j.bytesPerThousandRequests());
                }
            }
            result.add(new ClassLeakFinding(f.className(), f.instances(), f.bytesTrend(), f.shareOfHeapGrowth(),
                    false, names, bytes));
        }
        return result;
    }

    /**
     * A class is only a leak suspect when the heap after GC leaks too: classes that grow while the heap
     * does not are caches warming up or rows of an in-memory database, and would bury the real suspect.
     */
    private static SeriesVerdict gateByHeap(SeriesVerdict verdict, Optional<SeriesVerdict> heap) {
        if (verdict.verdict() != LeakVerdict.LEAK_SUSPECTED || heap.isEmpty()
                || heap.get().verdict() == LeakVerdict.LEAK_SUSPECTED) {
            return verdict;
        }
        return new SeriesVerdict(verdict.series(), verdict.unit(), heap.get().verdict(), "heap after GC is "
                + heap.get().verdict().label() + ", so this growth is not a leak of the heap: " + verdict.reason(),
                verdict.trend());
    }

    /** The heap-after-GC slope, or the histogram totals' slope when heap after GC was not measured. */
    private static double heapSlope(Optional<SeriesVerdict> heap, List<SoakSnapshot> withHistogram, SeriesJudge judge,
            long[] x) {
        if (heap.isPresent() && heap.get().trend().fit() != null) {
            return heap.get().trend().slopePerThousandRequests();
        }
        double[] totals = withHistogram.stream()
                .mapToDouble(s -> s.classCounts().values().stream().mapToLong(ClassCount::bytes).sum()).toArray();
        SeriesTrend trend = judge.judge("histogram total", "bytes", x, totals, Double.MAX_VALUE).trend();
        return trend.fit() == null ? Double.NaN : trend.slopePerThousandRequests();
    }

    /** JDK classes and every array: what a leak usually holds rather than what owns it. */
    public static boolean isJdkClass(String className) {
        for (String prefix : JDK_PREFIXES.split(" ")) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static int rank(LeakVerdict verdict) {
        return switch (verdict) {
            case LEAK_SUSPECTED -> 0;
            case INCONCLUSIVE -> 1;
            case NO_LEAK -> 2;
        };
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
