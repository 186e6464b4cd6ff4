package io.perfharness.loadtests.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the facts of a {@link ParseReport} while logs stream by. Mutable, single-threaded. */
public final class ParseReportBuilder {
    static final int EXAMPLES_PER_REASON = 3;
    private static final int EXAMPLE_CHARS = 200;

    private final SecretScrubber scrubber;
    private final List<ParseReport.FileFacts> files = new ArrayList<>();
    private final Map<String, Long> skipCounts = new TreeMap<>();
    private final Map<String, List<ParseReport.Example>> skipExamples = new TreeMap<>();
    long linesRead;
    long recordsParsed;
    long rejoined;
    long backwardSteps;
    private long previousEpochMs = Long.MIN_VALUE;
    private long firstEpochMs = Long.MAX_VALUE;
    private long lastEpochMs = Long.MIN_VALUE;

    public ParseReportBuilder(SecretScrubber scrubber) {
        this.scrubber = scrubber;
    }

    void skipped(String file, long lineNumber, String line, String reason) {
        skipCounts.merge(reason, 1L, Long::sum);
        List<ParseReport.Example> examples = skipExamples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (examples.size() < EXAMPLES_PER_REASON) {
            String text = line.length() > EXAMPLE_CHARS ? line.substring(0, EXAMPLE_CHARS) + "..." : line;
            examples.add(new ParseReport.Example(file, lineNumber, scrubber.scrubLine(text)));
        }
    }

    void parsed(long epochMs) {
        recordsParsed++;
        if (epochMs < previousEpochMs) {
            backwardSteps++;
        }
        previousEpochMs = epochMs;
        firstEpochMs = Math.min(firstEpochMs, epochMs);
        lastEpochMs = Math.max(lastEpochMs, epochMs);
    }

    void file(ParseReport.FileFacts facts) {
        files.add(facts);
    }

    public long recordsParsed() {
        return recordsParsed;
    }

    public long linesSkipped() {
        return skipCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    public ParseReport build(int distinctTemplates, long inOther, List<ParseReport.TemplateCount> top) {
        Map<String, ParseReport.Skip> skips = new TreeMap<>();
        skipCounts.forEach((reason, count) -> skips.put(reason, new ParseReport.Skip(count, List.copyOf(skipExamples.get(reason)))));
        return new ParseReport(List.copyOf(files), linesRead, recordsParsed, rejoined, linesSkipped(), skips,
                backwardSteps, recordsParsed == 0 ? null : firstEpochMs, recordsParsed == 0 ? null : lastEpochMs,
                distinctTemplates, inOther, top);
    }
}
