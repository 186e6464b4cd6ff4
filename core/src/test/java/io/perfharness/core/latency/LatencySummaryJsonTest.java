package io.perfharness.core.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.json pinned by a golden file, read back, and rejected with file and field when wrong. To
 * regenerate the golden file on purpose: {@code -Dlatency.regenerateGolden=true}.
 */
class LatencySummaryJsonTest {
    private static final Path GOLDEN = Path.of("src/test/resources/latency/summary-golden.json");

    @TempDir
    Path dir;

    @Test
    void summaryJsonMatchesTheGoldenFile() throws Exception {
        LatencyRecorderTest.recordKnownValues(dir);
        String actual = Files.readString(dir.resolve(LatencyRecorder.SUMMARY_JSON), StandardCharsets.UTF_8);

        if (Boolean.getBoolean("latency.regenerateGolden")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(golden());
    }

    @Test
    void readerReturnsWhatTheWriterWrote() throws Exception {
        LatencySummary summary = LatencySummaryJsonReader.parse(golden(), GOLDEN);

        assertThat(LatencySummaryJsonWriter.toJson(summary)).isEqualTo(golden());
        assertThat(summary.requests()).extracting(RequestLatency::requestName)
            .containsExactly(LatencyRecorderTest.SEARCH, LatencyRecorderTest.ORDER);
        assertThat(summary.overall().count()).isEqualTo(10_100);
    }

    @Test
    void sameSummaryGivesSameBytesWhateverTheRequestOrder() throws Exception {
        LatencySummary summary = LatencySummaryJsonReader.parse(golden(), GOLDEN);
        LatencySummary reversed = new LatencySummary(summary.windowStartEpochMillis(), summary.windowEndEpochMillis(),
            summary.significantDigits(), summary.warmupExcludedCount(), summary.clampedCount(), summary.overall(),
            List.of(summary.requests().get(1), summary.requests().get(0)));

        assertThat(LatencySummaryJsonWriter.toJson(reversed)).isEqualTo(golden());
    }

    @Test
    void errorsNameTheFileAndTheField() throws Exception {
        Path file = dir.resolve("summary.json");
        String golden = golden();

        assertReadFails(file, golden.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"),
            file + ": field 'schemaVersion': expected schemaVersion 1 but was '2'");
        assertReadFails(file, golden.replace("\"count\" : 6060,", ""),
            file + ": field 'requests.GET /items?q=a, b.count': expected the field to be present");
        assertReadFails(file, golden.replace("\"p99Micros\" : 2000\n  },", "\"p99Micros\" : \"fast\"\n  },"),
            file + ": field 'overall.p99Micros': expected a non-negative integer but was '\"fast\"'");
        assertReadFails(file, golden.replace("\"unit\" : \"microseconds\"", "\"unit\" : \"ms\""),
            file + ": field 'unit': expected 'microseconds' but was 'ms'");
        assertReadFails(file, golden.replace("\"errorCount\" : 100", "\"errorCount\" : 99999"),
            file + ": field 'overall': expected consistent values: count and errorCount must satisfy"
                + " 0 <= errorCount <= count but were 10100 and 99999");
        assertReadFails(file, "{\n  \"schemaVersion\" : 1,\n", file + ": line 3 column 1: expected JSON (");
    }

    private static void assertReadFails(Path file, String json, String messageStart) throws Exception {
        Files.writeString(file, json, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LatencySummaryJsonReader.read(file))
            .isInstanceOf(LatencyFormatException.class)
            .hasMessageStartingWith(messageStart);
    }

    private static String golden() throws Exception {
        return Files.readString(GOLDEN, StandardCharsets.UTF_8);
    }
}
