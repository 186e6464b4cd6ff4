package io.perfharness.loadtests.shape;

import java.util.List;
import java.util.Map;

/**
 * What reading the access logs found: lines read, records parsed, wrapped records rejoined, lines
 * skipped by reason with the first examples (scrubbed), out-of-order steps, time span, templates.
 * Printed on stderr and stored in the shape file's {@code report}. Immutable.
 *
 * @param backwardSteps records whose timestamp is earlier than the record before them (the logs
 *     were not in time order; bucketing by timestamp sorts them)
 * @param topTemplates the most frequent templates with their counts, most frequent first
 */
public record ParseReport(
        List<FileFacts> files,
        long linesRead,
        long recordsParsed,
        long wrappedRecordsRejoined,
        long linesSkipped,
        Map<String, Skip> skippedByReason,
        long backwardSteps,
        Long firstEpochMs,
        Long lastEpochMs,
        int distinctTemplates,
        long recordsInOtherTemplate,
        List<TemplateCount> topTemplates) {

    /** One input file: its name (no folders), the format read, and its line counts. */
    public record FileFacts(String name, String format, boolean gzip, long linesRead, long recordsParsed) {}

    /** Lines skipped for one reason, and the first few of them (line text scrubbed, cut at 200 characters). */
    public record Skip(long count, List<Example> firstExamples) {}

    public record Example(String file, long line, String text) {}

    public record TemplateCount(String name, long count) {}
}
