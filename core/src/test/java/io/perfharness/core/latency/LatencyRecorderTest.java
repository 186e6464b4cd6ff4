package io.perfharness.core.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records known values, writes the latency folder and reads it back with our reader and HdrHistogram's. */
class LatencyRecorderTest {
    static final Instant WINDOW_START = Instant.parse("2026-11-26T03:15:00Z");
    static final String SEARCH = "GET /items?q=a, b";
    static final String ORDER = "POST /orders";
    private static final long FAST_NANOS = 2_000_000;
    private static final long SLOW_NANOS = 50_000_000;

    @TempDir
    Path dir;

    /**
     * 10,000 values of 2,000 us (ok) and 100 of 50,000 us (failed), split 60/40 over two names, across
     * three ticks and a last half-second interval flushed by close. Also the golden summary's input.
     */
    static LatencyRecorder recordKnownValues(Path latencyDir) throws Exception {
        StepClock clock = new StepClock(WINDOW_START.minusSeconds(5));
        LatencyRecorder recorder = new LatencyRecorder(latencyDir, clock);
        recorder.record(SEARCH, 9_000_000_000L, true);   // warm-up: excluded
        recorder.record(ORDER, 1, true);
        recorder.tick();
        recorder.record(ORDER, 1, false);
        clock.advance(Duration.ofSeconds(5));
        recorder.startMeasurement();
        int[] fastPerInterval = {3_000, 3_000, 3_000, 1_000};
        int[] slowPerInterval = {30, 30, 30, 10};
        for (int interval = 0; interval < 4; interval++) {
            for (int i = 0; i < fastPerInterval[interval]; i++) {
                recorder.record(i % 5 < 3 ? SEARCH : ORDER, FAST_NANOS, true);
            }
            for (int i = 0; i < slowPerInterval[interval]; i++) {
                recorder.record(i % 5 < 3 ? SEARCH : ORDER, SLOW_NANOS, false);
            }
            if (interval < 3) {
                clock.advance(Duration.ofSeconds(1));
                recorder.tick();
            }
        }
        clock.advance(Duration.ofMillis(500));
        recorder.close();
        return recorder;
    }

    @Test
    void summaryIsExactOverTheWindow() throws Exception {
        LatencySummary summary = recordKnownValues(dir).summary();

        assertThat(summary.windowStartEpochMillis()).isEqualTo(WINDOW_START.toEpochMilli());
        assertThat(summary.windowEndEpochMillis()).isEqualTo(WINDOW_START.toEpochMilli() + 3_500);
        assertThat(summary.warmupExcludedCount()).isEqualTo(3);
        assertThat(summary.clampedCount()).isZero();
        LatencyStats overall = summary.overall();
        assertThat(overall.count()).isEqualTo(10_100);
        assertThat(overall.errorCount()).isEqualTo(100);
        assertThat(overall.minMicros()).isEqualTo(2_000);
        assertThat(overall.p50Micros()).isEqualTo(2_000);
        assertThat(overall.p90Micros()).isEqualTo(2_000);
        assertThat(overall.p99Micros()).isEqualTo(2_000);  // rank 9,999 of 10,100 is still a fast one
        assertThat(overall.p999Micros()).isCloseTo(50_000, within(50L));  // 3 significant digits: within 0.1%
        assertThat(overall.maxMicros()).isEqualTo(overall.p999Micros());
        assertThat(overall.meanMicros()).isCloseTo((10_000 * 2_000 + 100 * 50_000) / 10_100.0, within(0.5));
        RequestLatency search = summary.request(SEARCH).orElseThrow();
        assertThat(search.stats().count()).isEqualTo(6_060);
        assertThat(search.stats().errorCount()).isEqualTo(60);
        assertThat(search.hlogTag()).isEqualTo(HlogTags.forRequestName(SEARCH)).startsWith("GET_/items_q_a__b~");
        assertThat(summary.request(ORDER).orElseThrow().stats().count()).isEqualTo(4_040);
        assertThat(summary.request(ORDER).orElseThrow().hlogTag()).matches("POST_/orders~[0-9a-f]{8}");
    }

    @Test
    void ourReaderReadsBackTheRecordedTruth() throws Exception {
        LatencySummary summary = recordKnownValues(dir).summary();

        HlogTotals requests = HlogReader.readTotals(dir.resolve(LatencyRecorder.REQUESTS_HLOG), HlogReader.Mode.STRICT);
        HlogTotals overall = HlogReader.readTotals(dir.resolve(LatencyRecorder.OVERALL_HLOG), HlogReader.Mode.STRICT);

        for (RequestLatency request : summary.requests()) {
            assertThat(requests.intervalCount(request.hlogTag())).isEqualTo(4);
            assertThat(LatencyStats.of(requests.histogram(request.hlogTag()), request.stats().errorCount()))
                .isEqualTo(request.stats());
        }
        assertThat(overall.tags()).containsExactly(HlogInterval.UNTAGGED);
        assertThat(LatencyStats.of(overall.histogram(""), 100)).isEqualTo(summary.overall());
        List<HlogInterval> intervals = HlogReader.readAll(dir.resolve(LatencyRecorder.OVERALL_HLOG));
        assertThat(intervals).extracting(HlogInterval::startTimeStampSec)
            .containsExactly(start(0), start(1), start(2), start(3));
        assertThat(intervals).extracting(HlogInterval::intervalLengthSec).containsExactly(1.0, 1.0, 1.0, 0.5);
        assertThat(intervals).extracting(i -> i.histogram().getTotalCount()).containsExactly(3_030L, 3_030L, 3_030L, 1_010L);
        assertThat(intervals.get(0).intervalMax()).isCloseTo(50.0, within(0.05));  // milliseconds
    }

    @Test
    void hdrHistogramsOwnReaderReadsTheSameTaggedLog() throws Exception {
        LatencySummary summary = recordKnownValues(dir).summary();

        Map<String, Histogram> byTag = new TreeMap<>();
        Map<String, Integer> intervalsByTag = new TreeMap<>();
        HistogramLogReader reader = new HistogramLogReader(dir.resolve(LatencyRecorder.REQUESTS_HLOG).toFile());
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            byTag.computeIfAbsent(h.getTag(), t -> new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_MICROS, 3)).add((Histogram) h);
            intervalsByTag.merge(h.getTag(), 1, Integer::sum);
            assertThat(h.getStartTimeStamp()).isBetween(WINDOW_START.toEpochMilli(), WINDOW_START.toEpochMilli() + 3_000);
        }
        reader.close();

        assertThat(byTag.keySet()).containsExactlyInAnyOrder(
            summary.requests().stream().map(RequestLatency::hlogTag).toArray(String[]::new));
        for (RequestLatency request : summary.requests()) {
            assertThat(intervalsByTag.get(request.hlogTag())).isEqualTo(4);
            assertThat(LatencyStats.of(byTag.get(request.hlogTag()), request.stats().errorCount())).isEqualTo(request.stats());
        }
        assertThat(Files.readAllLines(dir.resolve(LatencyRecorder.REQUESTS_HLOG)).get(0))
            .startsWith("#[perf-harness latency, unit=microseconds, Interval_Max unit=milliseconds,");
    }

    @Test
    void closeWritesTheSummaryJson() throws Exception {
        LatencySummary summary = recordKnownValues(dir).summary();

        assertThat(LatencySummaryJsonReader.read(dir.resolve(LatencyRecorder.SUMMARY_JSON))).isEqualTo(summary);
    }

    @Test
    void roundsNanosToTheNearestMicrosecondAndClampsAboveOneHour() throws Exception {
        StepClock clock = new StepClock(WINDOW_START);
        LatencyRecorder recorder = new LatencyRecorder(dir, clock);
        recorder.startMeasurement();
        recorder.record("a", 1_999_499, true);
        recorder.record("a", 1_999_500, true);
        recorder.record("a", 0, true);
        recorder.record("b", Long.MAX_VALUE, false);
        recorder.close();

        LatencySummary summary = recorder.summary();
        LatencyStats a = summary.request("a").orElseThrow().stats();
        assertThat(a.minMicros()).isZero();
        assertThat(a.p50Micros()).isEqualTo(1_999);
        assertThat(a.maxMicros()).isEqualTo(2_000);
        assertThat(summary.request("b").orElseThrow().stats().maxMicros())
            .isCloseTo(LatencyRecorder.HIGHEST_TRACKABLE_MICROS, within(LatencyRecorder.HIGHEST_TRACKABLE_MICROS / 1000));
        assertThat(summary.clampedCount()).isEqualTo(1);
        assertThat(summary.windowEndEpochMillis()).isEqualTo(summary.windowStartEpochMillis());
    }

    @Test
    void rejectsNegativeLatencyAndMisuse() throws Exception {
        LatencyRecorder recorder = new LatencyRecorder(dir, new StepClock(WINDOW_START));

        assertThatThrownBy(() -> recorder.record("a", -1, true)).hasMessage("latencyNanos must be >= 0 but was -1");
        assertThatThrownBy(() -> recorder.record(null, 1, true)).hasMessage("requestName must not be null");
        recorder.startMeasurement();
        assertThatThrownBy(recorder::startMeasurement).isInstanceOf(IllegalStateException.class);
        recorder.close();
        LatencySummary closed = recorder.summary();
        recorder.close();
        recorder.tick();
        assertThat(recorder.summary()).isEqualTo(closed);
    }

    @Test
    void closeWithoutStartMeasurementWritesAnEmptyWindow() throws Exception {
        LatencyRecorder recorder = new LatencyRecorder(dir, new StepClock(WINDOW_START));
        recorder.record("a", 1_000, true);
        recorder.close();

        LatencySummary summary = LatencySummaryJsonReader.read(dir.resolve(LatencyRecorder.SUMMARY_JSON));
        assertThat(summary.warmupExcludedCount()).isEqualTo(1);
        assertThat(summary.overall().count()).isZero();
        assertThat(summary.request("a").orElseThrow().stats().count()).isZero();
        assertThat(HlogReader.readTotals(dir.resolve(LatencyRecorder.REQUESTS_HLOG), HlogReader.Mode.STRICT)
            .histogram(HlogTags.forRequestName("a")).getTotalCount()).isZero();
    }

    private static double start(int secondsIntoWindow) {
        return WINDOW_START.getEpochSecond() + secondsIntoWindow;
    }
}
