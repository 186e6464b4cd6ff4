package io.perfharness.core.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HlogReader#parseLine} on literal lines, one per kind, and the file-level rules. */
class HlogReaderParseLineTest {
    /** A V2 interval of jHiccup-2.0.7S.logV2.hlog (line 6): 2 significant digits, ns values. */
    private static final String HISTOGRAM =
        "HISTFAAAAEJ42pNpmSzMwMAgxwABTBDKT4GBgdnNYMcCBvsPEBEWLj45FTExAT4pBSEBKa6UkAgBi1uM7xjfMMlwMDABAC0CCjM=";

    @TempDir
    Path dir;

    @Test
    void headersAndComments() throws Exception {
        assertThat(HlogReader.parseLine(
            "#[StartTime: 1441812279.474 (seconds since epoch), Wed Sep 09 08:24:39 PDT 2015]"))
            .isEqualTo(new HlogLine.StartTime(1441812279.474));
        assertThat(HlogReader.parseLine("#[BaseTime: 1441812279.000 (seconds since epoch)]"))
            .isEqualTo(new HlogLine.BaseTime(1441812279.0));
        assertThat(HlogReader.parseLine("#[Histogram log format version 1.01]"))
            .isEqualTo(new HlogLine.FormatVersion("1.01"));
        assertThat(HlogReader.parseLine("#[Logged with jHiccup version 2.0.7-SNAPSHOT]"))
            .isEqualTo(new HlogLine.Comment("[Logged with jHiccup version 2.0.7-SNAPSHOT]"));
        assertThat(HlogReader.parseLine("")).isEqualTo(new HlogLine.Blank());
        assertThat(HlogReader.parseLine(
            "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\""))
            .isEqualTo(new HlogLine.Legend(false));
        assertThat(HlogReader.parseLine(
            "\"StartTimestamp\",\"EndTimestamp\",\"Interval_Max\",\"Interval_Compressed_Histogram\""))
            .isEqualTo(new HlogLine.Legend(true));
    }

    @Test
    void taggedAndUntaggedIntervals() throws Exception {
        HlogLine.IntervalHistogram tagged =
            (HlogLine.IntervalHistogram) HlogReader.parseLine("Tag=GET_/items~1a2b3c4d,1.134,0.999,0.442," + HISTOGRAM);
        HlogLine.IntervalHistogram untagged =
            (HlogLine.IntervalHistogram) HlogReader.parseLine("1.134,0.999,0.442," + HISTOGRAM);

        assertThat(tagged.tag()).isEqualTo("GET_/items~1a2b3c4d");
        assertThat(untagged.tag()).isEqualTo(HlogInterval.UNTAGGED);
        assertThat(tagged.timeStampSec()).isEqualTo(1.134);
        assertThat(tagged.intervalLengthSec()).isEqualTo(0.999);
        assertThat(tagged.intervalMax()).isEqualTo(0.442);
        Histogram histogram = tagged.histogram();
        assertThat(histogram.getTotalCount()).isEqualTo(749);
        assertThat(histogram.getMaxValue()).isEqualTo(442_367);
        assertThat(untagged.histogram()).isEqualTo(histogram);
    }

    @Test
    void badLinesSayWhatWasExpectedAndQuoteTheValue() {
        assertError("#[StartTime 1441812279.474 (seconds since epoch)]", "a StartTime header", "#[StartTime 1441812279.474");
        assertError("#[StartTime: -5.0 (seconds since epoch)]", "StartTime seconds since epoch as a plain decimal", "-5.0");
        assertError("#[BaseTime: 12.5]", "'(seconds since epoch)' after the BaseTime seconds", "#[BaseTime: 12.5]");
        assertError("#[StartTime: 12.5 (seconds since epoch)", "to end with ']'", "#[StartTime: 12.5");
        assertError("#[Histogram log format version 2.0]", "'#[Histogram log format version 1.<minor>]'", "#[Histogram");
        assertError("\"StartTimestamp\",\"Length\"", "the legend", "\"StartTimestamp\",\"Length\"");
        assertError("Tag=,1.0,1.0,1.0," + HISTOGRAM, "a non-empty tag", "Tag=");
        assertError("Tag=a b,1.0,1.0,1.0," + HISTOGRAM, "a non-empty tag without spaces", "Tag=a b");
        assertError("1.0,1.0,1.0," + HISTOGRAM + ",extra", "4 comma-separated columns (", "1.0,1.0,1.0,HIST");
        assertError("1.0,NaN,1.0," + HISTOGRAM, "Interval_Length in seconds as a plain decimal", "NaN");
        assertError("1.0,1.0,-0.4," + HISTOGRAM, "Interval_Max as a plain decimal", "-0.4");
        assertError("1.0,1.0,1.0,", "Interval_Compressed_Histogram of at least 8 bytes", "");
        assertError("1.0,1.0,1.0,HIST!!", "Interval_Compressed_Histogram in base64", "HIST!!");
        // The same histogram with its last 5 payload bytes cut: the length field no longer matches.
        assertError("1.0,1.0,1.0,HISTFAAAAEJ42pNpmSzMwMAgxwABTBDKT4GBgdnNYMcCBvsPEBEWLj45FTExAT4pBSEBKa6UkAgBi1uM7xjfMMlwMDAB",
            "as many compressed bytes as its length field says (66), found 61", "HISTFAAAAEJ42");
    }

    @Test
    void longOffendingTextIsShortenedInMessages() {
        String line = "x".repeat(500);
        assertThatThrownBy(() -> HlogReader.parseLine(line + ",1,1,1"))
            .isInstanceOfSatisfying(LatencyFormatException.class, e -> {
                assertThat(e.offendingText()).hasSizeLessThan(100).endsWith("...(500 chars)");
                assertThat(e.getMessage()).hasSizeLessThan(250);
            });
    }

    @Test
    void headersMayAppearOnlyOnceAndBeforeTheFirstInterval() throws Exception {
        Path file = write("late.hlog",
            "#[StartTime: 100.000 (seconds since epoch)]",
            "0.000,1.000,0.442," + HISTOGRAM,
            "#[BaseTime: 50.000 (seconds since epoch)]",
            "#[StartTime: 101.000 (seconds since epoch)]",
            "1.000,1.000,0.442," + HISTOGRAM);

        assertThatThrownBy(() -> HlogReader.readAll(file))
            .hasMessage(file + ": line 3: expected the BaseTime header before the first interval"
                + " but was '#[BaseTime: 50.000 (seconds since epoch)]'");
        HlogTotals totals = HlogReader.readTotals(file, HlogReader.Mode.LENIENT);
        assertThat(totals.intervalCount()).isEqualTo(2);
        assertThat(totals.problems()).extracting(HlogProblem::lineNumber).containsExactly(3L, 4L);
        assertThat(totals.problems().get(1).expected()).isEqualTo("one StartTime header, but line 1 already had one");
    }

    @Test
    void timestampsAreRelativeToTheBaseTimeHeader() throws Exception {
        Path file = write("based.hlog",
            "#[StartTime: 1795662900.000 (seconds since epoch)]",
            "#[BaseTime: 1795662000.000 (seconds since epoch)]",
            "900.250,1.000,0.442," + HISTOGRAM,
            "", "   ");

        HlogInterval interval = HlogReader.readAll(file).get(0);

        assertThat(interval.startTimeStampSec()).isEqualTo(1795662900.25);
        assertThat(interval.histogram().getStartTimeStamp()).isEqualTo(1795662900250L);
        assertThat(interval.histogram().getEndTimeStamp()).isEqualTo(1795662901250L);
        assertThat(interval.lineNumber()).isEqualTo(3);
    }

    @Test
    void anEmptyFileHasNoIntervalsAndNoProblems() throws Exception {
        Path file = write("empty.hlog");
        assertThat(HlogReader.readAll(file)).isEmpty();
        try (HlogReader reader = HlogReader.open(file, HlogReader.Mode.STRICT)) {
            assertThat(reader.next()).isNull();
            assertThat(reader.startTimeSec()).isEmpty();
            assertThat(reader.formatVersion()).isNull();
        }
    }

    private static void assertError(String line, String expectedPart, String offendingStart) {
        assertThatThrownBy(() -> HlogReader.parseLine(line))
            .as(line)
            .isInstanceOfSatisfying(LatencyFormatException.class, e -> {
                assertThat(e.expected()).contains(expectedPart);
                assertThat(e.offendingText()).startsWith(offendingStart);
                assertThat(e.file()).isNull();
            });
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), java.util.List.of(lines));
    }
}
