package io.perfharness.reports.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.perfharness.profiling.heap.ClassHistogram;
import io.perfharness.profiling.heap.ClassHistogramEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Leak verdicts on synthetic soak series whose truth is known by construction. */
class SoakAnalyzerTest {
    private static final long MIB = 1024 * 1024;
    private static final LeakThresholds RULES = LeakThresholds.defaults();
    private static final String LISTENER = "com.example.ProductViewListener";
    private static final long[] WILD_MIB = {20, 0, 30, 0, 0, 30, 0, 20};
    private static final String CACHE_ENTRY = "com.example.PriceCacheEntry";

    /** Snapshot i of a run at 1,000 requests per 15 s. */
    private static SoakSnapshot snapshot(int i, Long heapBytes, Map<String, ClassCount> classes, Long threads,
            Long connections, Long files) {
        return new SoakSnapshot(1_000_000L + 15_000L * i, 1_000L * i, heapBytes, classes, threads, connections, files);
    }

    @Test
    void steadyLeakIsSuspectedInEverySeriesAndTheOwnerClassLeadsTheSuspects() {
        Random noise = new Random(7);
        List<SoakSnapshot> run = new ArrayList<>();
        long[] connections = {0, 1, 1, 2, 2, 3, 3, 4};
        for (int i = 0; i < 8; i++) {
            long listeners = 250L * i;
            Map<String, ClassCount> classes = new HashMap<>();
            classes.put(LISTENER, new ClassCount(listeners, 32 * listeners));
            classes.put("[J", new ClassCount(5_000 + listeners, 400_000 + 4_112 * listeners)); // what a listener holds
            classes.put("java.lang.String", new ClassCount(40_000 + noise.nextInt(200), 960_000 + noise.nextInt(4_800)));
            long heap = 80 * MIB + i * MIB + noise.nextInt(100_000);
            run.add(snapshot(i, heap, classes, 45L + 20 * i, connections[i], 33L + noise.nextInt(2)));
        }
        SoakAnalysis analysis = SoakAnalyzer.analyze(run, RULES);

        assertThat(analysis.snapshots()).isEqualTo(8);
        assertThat(analysis.completedRequests()).isEqualTo(7_000);
        SeriesVerdict heap = analysis.heapAfterGc().orElseThrow();
        assertThat(heap.verdict()).as(heap.reason()).isEqualTo(LeakVerdict.LEAK_SUSPECTED);
        assertThat(heap.trend().slopePerThousandRequests()).isCloseTo(MIB, within(60_000.0));
        assertThat(heap.trend().fit().rSquared()).isGreaterThan(0.99);
        assertThat(heap.reason()).startsWith("grows 6.9").contains("per 1,000 requests").contains("100% of steps up");
        assertThat(analysis.threads().orElseThrow().verdict()).isEqualTo(LeakVerdict.LEAK_SUSPECTED);
        SeriesVerdict pool = analysis.dbPoolActiveConnections().orElseThrow();
        assertThat(pool.verdict()).as(pool.reason()).isEqualTo(LeakVerdict.LEAK_SUSPECTED);
        assertThat(pool.trend().increasingStepFraction()).isCloseTo(4 / 7.0, within(1e-9));
        assertThat(analysis.openFileDescriptors().orElseThrow().verdict()).isEqualTo(LeakVerdict.NO_LEAK);

        assertThat(analysis.suspects()).extracting(ClassLeakFinding::className).containsExactly(LISTENER, "[J");
        ClassLeakFinding listener = analysis.suspects().get(0);
        assertThat(listener.instancesPerThousandRequests()).isCloseTo(250, within(1e-6));
        assertThat(listener.bytesPerThousandRequests()).isCloseTo(8_000, within(1e-6));
        assertThat(listener.shareOfHeapGrowth()).isCloseTo(8_000.0 / MIB, within(0.001));
        assertThat(analysis.suspects().get(1).shareOfHeapGrowth()).isCloseTo(1.0, within(0.1));
        // the long[] grows at the listener's rate: it is what each listener holds
        assertThat(listener.lockstepClasses()).containsExactly("[J");
        assertThat(listener.ownedBytesPerThousandRequests()).isCloseTo(8_000 + 4_112 * 250, within(1e-3));
        assertThat(analysis.classes().get(2).className()).isEqualTo("java.lang.String");
        assertThat(analysis.classes().get(2).verdict()).isNotEqualTo(LeakVerdict.LEAK_SUSPECTED);
    }

    @Test
    void sawtoothHeapAfterGcIsNoLeak() {
        List<SoakSnapshot> run = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // a cache refilled and evicted: up 600 KiB, down again, around a flat level
            long heap = 100 * MIB + (i % 3) * 300 * 1024;
            run.add(snapshot(i, heap, Map.of(), null, null, null));
        }
        SeriesVerdict heap = SoakAnalyzer.analyze(run, RULES).heapAfterGc().orElseThrow();
        assertThat(heap.verdict()).as(heap.reason()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(heap.reason()).startsWith("no upward trend");
        assertThat(heap.trend().decreasingStepFraction()).isCloseTo(3 / 11.0, within(1e-9));
    }

    @Test
    void noisyFlatIsNoLeakAndNoiseTooLargeToTellIsInconclusive() {
        Random noise = new Random(11);
        List<SoakSnapshot> flat = new ArrayList<>();
        List<SoakSnapshot> wild = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            flat.add(snapshot(i, 120 * MIB + noise.nextInt((int) (256 * 1024)), Map.of(), 40L + noise.nextInt(3),
                    (long) noise.nextInt(2), null));
            // swings of 30 MiB, symmetric in time: no trend, but far too noisy to rule out a 2 MiB one
            wild.add(snapshot(i, 120 * MIB + WILD_MIB[i] * MIB, Map.of(), null, null, null));
        }
        SoakAnalysis quiet = SoakAnalyzer.analyze(flat, RULES);
        assertThat(quiet.heapAfterGc().orElseThrow().verdict()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(quiet.threads().orElseThrow().verdict()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(quiet.dbPoolActiveConnections().orElseThrow().verdict()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(quiet.openFileDescriptors()).isEmpty();

        SeriesVerdict loud = SoakAnalyzer.analyze(wild, RULES).heapAfterGc().orElseThrow();
        assertThat(loud.verdict()).as(loud.reason()).isEqualTo(LeakVerdict.INCONCLUSIVE);
        assertThat(loud.reason()).contains("the noise allows growth up to").endsWith("take more snapshots");
    }

    @Test
    void tooFewSnapshotsIsInconclusiveWithTheCount() {
        List<SoakSnapshot> run = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            run.add(snapshot(i, 100 * MIB + i * 10 * MIB, Map.of(LISTENER, new ClassCount(1_000L * i, 32_000L * i)),
                    40L + 50 * i, (long) i, 30L));
        }
        SoakAnalysis analysis = SoakAnalyzer.analyze(run, RULES);
        for (SeriesVerdict v : List.of(analysis.heapAfterGc().orElseThrow(), analysis.threads().orElseThrow(),
                analysis.dbPoolActiveConnections().orElseThrow(), analysis.classes().get(0).instances())) {
            assertThat(v.verdict()).isEqualTo(LeakVerdict.INCONCLUSIVE);
            assertThat(v.reason()).isEqualTo("too few snapshots (3, need 5)");
        }
        assertThat(analysis.suspects()).isEmpty();
    }

    @Test
    void classThatGrowsThenPlateausIsNoLeakWhileTheRealLeakIsSuspected() {
        List<SoakSnapshot> run = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long cached = Math.min(500L * i, 2_000);
            run.add(snapshot(i, null, Map.of(CACHE_ENTRY, new ClassCount(cached, 48 * cached),
                    LISTENER, new ClassCount(150L * i, 32 * 150L * i)), null, null, null));
        }
        SoakAnalysis analysis = SoakAnalyzer.analyze(run, RULES);
        ClassLeakFinding cache = analysis.classes().stream().filter(c -> c.className().equals(CACHE_ENTRY))
                .findFirst().orElseThrow();
        assertThat(cache.verdict()).as(cache.instances().reason()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(cache.instances().reason()).contains("then levelled off");
        assertThat(analysis.suspects()).extracting(ClassLeakFinding::className).containsExactly(LISTENER);
        // no heap-after-GC series: the share is against the histogram totals
        assertThat(analysis.heapAfterGc()).isEmpty();
        assertThat(analysis.suspects().get(0).shareOfHeapGrowth()).isPositive();
    }

    @Test
    void smallSteadyGrowthIsBelowTheMinimumAndSaysSo() {
        List<SoakSnapshot> run = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // 60 KB per 1,000 requests, like orders kept in an in-memory database
            run.add(snapshot(i, 90 * MIB + 60_000L * i, Map.of(), 45L + (i == 7 ? 1 : 0), null, null));
        }
        SeriesVerdict heap = SoakAnalyzer.analyze(run, RULES).heapAfterGc().orElseThrow();
        assertThat(heap.verdict()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(heap.reason()).startsWith("grows only 410.2 KiB over the run, below the 4.00 MiB");
    }

    @Test
    void theOwnerOfTheGrowingArraysOutranksAHeavierClassOfItsOwn() {
        List<SoakSnapshot> run = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long listeners = 250L * i;
            long tiers = 360L * i; // a cache warming up: more instances and more shallow bytes than the listener
            run.add(snapshot(i, 80 * MIB + i * MIB, Map.of(
                    LISTENER, new ClassCount(listeners, 40 * listeners),
                    "com.example.VolumeTier", new ClassCount(tiers, 48 * tiers),
                    "[J", new ClassCount(1_000 + listeners, 100_000 + 4_112 * listeners),
                    "java.lang.Long", new ClassCount(2_000 + 300L * i, 48_000 + 7_200L * i)), null, null, null));
        }
        SoakAnalysis analysis = SoakAnalyzer.analyze(run, RULES);
        assertThat(analysis.suspects()).extracting(ClassLeakFinding::className)
                .containsExactly(LISTENER, "com.example.VolumeTier", "[J", "java.lang.Long");
        assertThat(analysis.suspects().get(1).lockstepClasses()).isEmpty();
    }

    @Test
    void aClassGrowingWhileHeapAfterGcDoesNotIsNotALeakSuspect() {
        List<SoakSnapshot> run = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // a price cache warming up: 300 entries per 1,000 requests, 20 KB, lost in a flat heap
            run.add(snapshot(i, 60 * MIB + (i % 2) * 50_000, Map.of(CACHE_ENTRY, new ClassCount(300L * i, 20_000L * i)),
                    null, null, null));
        }
        SoakAnalysis analysis = SoakAnalyzer.analyze(run, RULES);
        assertThat(analysis.heapAfterGc().orElseThrow().verdict()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(analysis.suspects()).isEmpty();
        SeriesVerdict cache = analysis.classes().get(0).instances();
        assertThat(cache.verdict()).isEqualTo(LeakVerdict.NO_LEAK);
        assertThat(cache.reason()).startsWith("heap after GC is NO LEAK, so this growth is not a leak of the heap: grows 2100.00 instances");
    }

    @Test
    void histogramsBecomeClassCountsAndRequestsMustNotGoDown() {
        ClassHistogram histogram = new ClassHistogram(Instant.EPOCH, List.of(new ClassHistogramEntry("a.B", 2, 32),
                new ClassHistogramEntry("[B", 1, 24), new ClassHistogramEntry("a.B", 3, 48)), 6, 104);
        assertThat(SoakSnapshot.classCountsOf(histogram)).isEqualTo(Map.of("a.B", new ClassCount(5, 80),
                "[B", new ClassCount(1, 24)));
        assertThatThrownBy(() -> SoakAnalyzer.analyze(List.of(
                new SoakSnapshot(1, 500, null, Map.of(), null, null, null),
                new SoakSnapshot(2, 400, null, Map.of(), null, null, null)), RULES))
                .hasMessage("completed requests must not go down over time but went from 500 to 400 at epochMillis 2");
        assertThat(SoakAnalyzer.isJdkClass("[Lcom.example.X;")).isTrue();
        assertThat(SoakAnalyzer.isJdkClass("org.h2.value.ValueBigint")).isFalse();
    }
}
