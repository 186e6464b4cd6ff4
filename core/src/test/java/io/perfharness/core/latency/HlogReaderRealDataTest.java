package io.perfharness.core.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real interval log in realdata/hdr and realdata/hdr/malformed, read by {@link HlogReader}. */
class HlogReaderRealDataTest {

    /** Pinned totals of one tag: intervals, values, p50, p99, max (in the log's own unit). */
    record TagTotals(String tag, int intervals, long count, long p50, long p99, long max) {
    }

    /** Expected problems of a malformed log: the lines, a piece of each offending text and of each expectation. */
    record Problem(long line, String offendingText, String expected) {
    }

    private static final Map<String, List<TagTotals>> GOOD = Map.of(
        "HdrHistogram-java_jHiccup-2.0.1.logV0.hlog",
        List.of(new TagTotals("", 81, 61_256, 393_215, 1_107_296_255, 1_577_058_303)),
        "HdrHistogram-java_jHiccup-2.0.6.logV1.hlog",
        List.of(new TagTotals("", 88, 65_964, 393_215, 1_241_513_983, 1_895_825_407)),
        "HdrHistogram-java_jHiccup-2.0.7S.logV2.hlog",
        List.of(new TagTotals("", 62, 48_761, 344_063, 1_434_451_967, 1_803_550_719)),
        "HdrHistogram-java_tagged-Log.logV2.hlog",
        List.of(new TagTotals("", 21, 16_145, 360_447, 1_392_508_927, 1_551_892_479),
            new TagTotals("A", 21, 16_145, 360_447, 1_392_508_927, 1_551_892_479)),
        // The README's figures: 602 intervals, 300,056 values, p50 373 us, p99 130,559 us, max about 1.55 s.
        "HdrHistogram-java_ycsb.logV1.hlog",
        List.of(new TagTotals("", 602, 300_056, 373, 130_559, 1_546_239)),
        "HdrHistogram_c_hiccup.140623.1028.10646.hlog",
        List.of(new TagTotals("", 11, 51_715, 49_151, 81_919, 3_129_343)),
        "HdrHistogram_c_jHiccup-2.0.7S.logV3.hlog",
        List.of(new TagTotals("", 58, 45_750, 344_063, 1_451_229_183, 1_803_550_719),
            new TagTotals("a1.134a", 1, 749, 344_063, 393_215, 442_367),
            new TagTotals("a3.134a", 1, 753, 344_063, 409_599, 425_983),
            new TagTotals("a5.132a", 1, 755, 344_063, 409_599, 425_983),
            new TagTotals("a7.133a", 1, 754, 344_063, 425_983, 458_751)),
        "HdrHistogram_py_raphael.hlog",
        List.of(new TagTotals("", 1, 140_003, 74_751, 156_671, 189_792_255)));

    /** Per malformed log: what a lenient read still reads (values, untagged) and every problem it reports. */
    private static final Map<String, MalformedCase> MALFORMED = Map.of(
        "HdrHistogram_c_regression-bucket-config-shift-overflow.hlog", new MalformedCase(0, List.of(
            new Problem(3, "#[StartTime: 1403476110.183 (jNJQMVDobQwlGZCo0fB8", "'(seconds since epoch)' after the StartTime seconds"),
            new Problem(4, "HISTiQAAAEV42pNpmdzBwMDAxLgMQvFQ", "as many compressed bytes as its length field says (69), found 127"),
            new Problem(5, "HISGwSgYBaNgFFAAAOooBt0=", "compressed Histogram cookie (0x1c8493x9, 0x1c8493x2 or 0x1c8493x4), found 0x1c8486c1"))),
        "HdrHistogram_c_regression-log-start-time-huge.hlog", new MalformedCase(0, List.of(
            new Problem(3, "1e300", "StartTime seconds since epoch as a plain decimal"))),
        "HdrHistogram_c_regression-log-start-time-nonfinite.hlog", new MalformedCase(0, List.of(
            new Problem(3, "nan", "StartTime seconds since epoch as a plain decimal"))),
        "HdrHistogram_c_regression-log-timestamp-overflow.hlog", new MalformedCase(749, List.of(
            new Problem(5, "99999999999999999999", "StartTimestamp in seconds at most 9223372036854775"))),
        "HdrHistogram_c_test_tagged_invalid_histogram.txt", new MalformedCase(0, List.of(
            new Problem(1, "HISTFAAAAEJ42pNpmSzMwMCgwAABT", "Interval_Compressed_Histogram in base64"))),
        "HdrHistogram_c_test_tagged_invalid_tag_key.txt", new MalformedCase(0, List.of(
            new Problem(1, "Ta=a7.133a", "'Tag=<tag>' or a StartTimestamp in seconds"))),
        "HdrHistogram_c_test_tagged_invalid_timestamp.txt", new MalformedCase(0, List.of(
            new Problem(1, "7.1a33", "StartTimestamp in seconds as a plain decimal"))),
        "HdrHistogram_c_test_tagged_missing_histogram.txt", new MalformedCase(0, List.of(
            new Problem(1, "Tag=a7.133a,7.133,0.999,0.459", "4 comma-separated columns after the tag"))));

    record MalformedCase(long readableCount, List<Problem> problems) {
    }

    static Stream<String> goodFiles() {
        return GOOD.keySet().stream().sorted();
    }

    static Stream<String> malformedFiles() {
        return MALFORMED.keySet().stream().sorted();
    }

    @Test
    void everyRealFileHasAnExpectation() throws IOException {
        Path dir = HdrReference.realHdrDirectory();
        assertThat(fileNames(dir)).containsExactlyInAnyOrderElementsOf(GOOD.keySet());
        assertThat(fileNames(dir.resolve("malformed"))).containsExactlyInAnyOrderElementsOf(MALFORMED.keySet());
    }

    @ParameterizedTest
    @MethodSource("goodFiles")
    void goodLogTotalsArePinned(String name) throws Exception {
        HlogTotals totals = HlogReader.readTotals(HdrReference.realHdrDirectory().resolve(name), HlogReader.Mode.STRICT);

        assertThat(totals.problems()).isEmpty();
        List<TagTotals> expected = GOOD.get(name);
        assertThat(totals.tags()).containsExactlyElementsOf(expected.stream().map(TagTotals::tag).toList());
        for (TagTotals tag : expected) {
            Histogram histogram = totals.histogram(tag.tag());
            assertThat(new TagTotals(tag.tag(), totals.intervalCount(tag.tag()), histogram.getTotalCount(),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99), histogram.getMaxValue()))
                .isEqualTo(tag);
        }
    }

    @ParameterizedTest
    @MethodSource("goodFiles")
    void goodLogsReadExactlyAsHdrHistogramReadsThem(String name) throws Exception {
        Path file = HdrReference.realHdrDirectory().resolve(name);
        HlogTotals totals = HlogReader.readTotals(file, HlogReader.Mode.STRICT);
        HlogTotals.Builder referenceTotals = new HlogTotals.Builder(file);

        HistogramLogReader theirs = new HistogramLogReader(file.toFile());
        try (HlogReader ours = HlogReader.open(file, HlogReader.Mode.STRICT)) {
            for (HlogInterval interval = ours.next(); interval != null; interval = ours.next()) {
                Histogram reference = (Histogram) nextOrNull(theirs);
                assertThat(reference).as("HdrHistogram's interval for line %d", interval.lineNumber()).isNotNull();
                Histogram histogram = interval.histogram();
                assertThat(histogram).isEqualTo(reference);
                assertThat(histogram.getTag()).isEqualTo(reference.getTag());
                // We round seconds to the nearest ms; HdrHistogram truncates the double, so it may be 1 ms lower.
                assertThat(histogram.getStartTimeStamp()).isBetween(reference.getStartTimeStamp(), reference.getStartTimeStamp() + 1);
                assertThat(histogram.getEndTimeStamp()).isBetween(reference.getEndTimeStamp(), reference.getEndTimeStamp() + 1);
                referenceTotals.add(new HlogInterval(0, reference.getTag() == null ? "" : reference.getTag(), 0, 0, 0, reference));
            }
            assertThat(nextOrNull(theirs)).isNull();
        } finally {
            theirs.close();
        }
        HlogTotals reference = referenceTotals.build(List.of());
        assertThat(totals.tags()).containsExactlyElementsOf(reference.tags());
        for (String tag : totals.tags()) {
            assertThat(totals.histogram(tag)).as("tag '%s'", tag).isEqualTo(reference.histogram(tag));
            assertThat(totals.intervalCount(tag)).isEqualTo(reference.intervalCount(tag));
        }
    }

    @Test
    void readsTheLogOnWhichHdrHistogramThrowsAfterItsLastInterval() throws Exception {
        // HdrHistogram_c ends this log with an empty line; HdrHistogram 2.2.2's Java reader throws there.
        Path file = HdrReference.realHdrDirectory().resolve("HdrHistogram_c_hiccup.140623.1028.10646.hlog");

        assertThat(HdrReference.read(file).failure()).isInstanceOf(NoSuchElementException.class);
        assertThat(HlogReader.readAll(file)).hasSize(11);
    }

    @Test
    void resolvesRelativeAndAbsoluteTimestampsAsHdrHistogramDoes() throws Exception {
        Path dir = HdrReference.realHdrDirectory();
        // Relative to StartTime 1441812279.474 (no BaseTime header, first timestamp more than a year before it).
        HlogInterval relative = HlogReader.readAll(dir.resolve("HdrHistogram-java_jHiccup-2.0.7S.logV2.hlog")).get(0);
        assertThat(relative.startTimeStampSec()).isCloseTo(1441812279.601, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(relative.intervalLengthSec()).isEqualTo(1.007);
        assertThat(relative.intervalMax()).isEqualTo(2.769);
        // Absolute: the first timestamp is within a year of StartTime.
        HlogInterval absolute;
        try (HlogReader reader = HlogReader.open(dir.resolve("HdrHistogram-java_ycsb.logV1.hlog"), HlogReader.Mode.STRICT)) {
            absolute = reader.next();
        }
        assertThat(absolute.startTimeStampSec()).isEqualTo(1438613579.290);
        assertThat(absolute.histogram().getEndTimeStamp()).isEqualTo(1438613579950L);
    }

    @ParameterizedTest
    @MethodSource("malformedFiles")
    void strictReadThrowsAtTheFirstBadLineWithFileLineAndValue(String name) {
        Path file = HdrReference.realHdrDirectory().resolve("malformed").resolve(name);
        Problem first = MALFORMED.get(name).problems().get(0);

        assertThatThrownBy(() -> HlogReader.readTotals(file, HlogReader.Mode.STRICT))
            .isInstanceOfSatisfying(LatencyFormatException.class, e -> {
                assertThat(e.file()).isEqualTo(file);
                assertThat(e.location()).isEqualTo("line " + first.line());
                assertThat(e.offendingText()).startsWith(first.offendingText());
                assertThat(e.expected()).contains(first.expected());
                assertThat(e.getMessage()).startsWith(file + ": line " + first.line() + ": expected ")
                    .contains(first.expected()).contains("but was '" + first.offendingText());
            });
    }

    @ParameterizedTest
    @MethodSource("malformedFiles")
    void lenientReadReadsWhatIsReadableAndReportsEveryBadLine(String name) throws Exception {
        Path file = HdrReference.realHdrDirectory().resolve("malformed").resolve(name);
        MalformedCase expected = MALFORMED.get(name);

        HlogTotals totals = HlogReader.readTotals(file, HlogReader.Mode.LENIENT);

        assertThat(totals.problems()).hasSameSizeAs(expected.problems());
        for (int i = 0; i < expected.problems().size(); i++) {
            HlogProblem actual = totals.problems().get(i);
            Problem wanted = expected.problems().get(i);
            assertThat(actual.file()).isEqualTo(file);
            assertThat(actual.lineNumber()).isEqualTo(wanted.line());
            assertThat(actual.lineText()).startsWith(wanted.offendingText());
            assertThat(actual.expected()).contains(wanted.expected());
        }
        long readable = totals.tags().isEmpty() ? 0 : totals.histogram(HlogInterval.UNTAGGED).getTotalCount();
        assertThat(readable).isEqualTo(expected.readableCount());
    }

    @Test
    void hdrHistogramReadsNothingFromTheTimestampOverflowLogWhileWeReadTheGoodLine() throws Exception {
        Path file = HdrReference.realHdrDirectory().resolve("malformed/HdrHistogram_c_regression-log-timestamp-overflow.hlog");

        assertThat(HdrReference.read(file).intervalCountByTag()).isEmpty();
        assertThat(HlogReader.readTotals(file, HlogReader.Mode.LENIENT).intervalCount()).isEqualTo(1);
    }

    /** HdrHistogram's reader throws at a trailing blank line; by then it has returned every interval. */
    private static EncodableHistogram nextOrNull(HistogramLogReader reader) {
        try {
            return reader.nextIntervalHistogram();
        } catch (NoSuchElementException e) {
            return null;
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("PROVENANCE.md")).toList();
        }
    }
}
