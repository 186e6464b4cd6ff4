package io.perfharness.loadtests.shape;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams access-log files (plain or gzip, told by the magic bytes) line by line into a consumer:
 * constant memory, whatever the file size. Lenient: a line that is not a record is counted under
 * its reason with the first examples; a record hard-wrapped over two lines is rejoined when the
 * two halves parse as one (counted as rejoined). Bytes are read as ISO-8859-1, so no line is lost
 * to an encoding error. Immutable.
 */
public final class AccessLogReader {
    static final int DETECT_LINES = 100;

    /** How to read: the format ({@code AUTO} detects per file), JSON field names, trailing request-time unit. */
    public record Options(LogFormat format, JsonFieldNames jsonFields, ClfLineParser.ServerTimeUnit timeUnit) {
        public static Options defaults() {
            return new Options(LogFormat.AUTO, JsonFieldNames.DEFAULTS, ClfLineParser.ServerTimeUnit.AUTO);
        }
    }

    private final Options options;

    public AccessLogReader(Options options) {
        this.options = options;
    }

    /** Reads one file, feeding every record to {@code sink} and every fact to {@code report}. */
    public void read(Path file, Consumer<AccessLogEntry> sink, ParseReportBuilder report)
            throws IOException, ShapeInputException {
        if (!Files.isRegularFile(file)) {
            throw new ShapeInputException(file + ": no such file");
        }
        LogFormat format = options.format() == LogFormat.AUTO ? detect(file) : options.format();
        AccessLogLineParser parser = parser(format);
        String name = file.getFileName().toString();
        long linesBefore = report.linesRead;
        long parsedBefore = report.recordsParsed;
        boolean gzip;
        try (InputStream in = open(file); BufferedReader reader = reader(in)) {
            gzip = in instanceof GZIPInputStream;
            String pending = null;
            String pendingReason = null;
            long pendingLine = 0;
            long lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                report.linesRead++;
                AccessLogEntry entry;
                try {
                    entry = parser.parseLine(line);
                } catch (SkippedLineException e) {
                    if (pending != null) {
                        try {
                            entry = parser.parseLine(pending + line);
                            report.rejoined++;
                            pending = null;
                            report.parsed(entry.epochMillis());
                            sink.accept(entry);
                            continue;
                        } catch (SkippedLineException notJoined) {
                            report.skipped(name, pendingLine, pending, pendingReason);
                        }
                    }
                    pending = line;
                    pendingReason = e.reason();
                    pendingLine = lineNumber;
                    continue;
                }
                if (pending != null) {
                    AccessLogEntry joined = headFragment(pending) ? joined(parser, pending, line) : null;
                    if (joined != null) {
                        entry = joined; // the line parsed alone, but only because its client field was cut off
                        report.rejoined++;
                    } else {
                        report.skipped(name, pendingLine, pending, pendingReason);
                    }
                    pending = null;
                }
                report.parsed(entry.epochMillis());
                sink.accept(entry);
            }
            if (pending != null) {
                report.skipped(name, pendingLine, pending, pendingReason);
            }
        }
        report.file(new ParseReport.FileFacts(name, format.label(), gzip, report.linesRead - linesBefore,
                report.recordsParsed - parsedBefore));
    }

    /** The start of a CLF record cut inside its client fields: no timestamp yet, at most three fields. */
    private static boolean headFragment(String line) {
        return line.indexOf('[') < 0 && line.indexOf('{') < 0 && line.trim().split(" +").length <= 3;
    }

    private static AccessLogEntry joined(AccessLogLineParser parser, String head, String tail) {
        try {
            return parser.parseLine(head + tail);
        } catch (SkippedLineException e) {
            return null;
        }
    }

    AccessLogLineParser parser(LogFormat format) {
        return format == LogFormat.JSON ? new JsonLineParser(options.jsonFields()) : new ClfLineParser(options.timeUnit());
    }

    /**
     * Detects the format from the first {@value #DETECT_LINES} non-blank lines: the format that
     * parses most of them; combined when CLF lines carry a quoted referer.
     *
     * @throws ShapeInputException when the file is empty or no line parses in any format
     */
    public LogFormat detect(Path file) throws IOException, ShapeInputException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = open(file); BufferedReader reader = reader(in)) {
            String line;
            while (lines.size() < DETECT_LINES && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        if (lines.isEmpty()) {
            throw new ShapeInputException(file + ": the log is empty (no non-blank line)");
        }
        int json = 0;
        int clf = 0;
        int combined = 0;
        ClfLineParser clfParser = new ClfLineParser(options.timeUnit());
        JsonLineParser jsonParser = new JsonLineParser(options.jsonFields());
        for (String line : lines) {
            if (line.startsWith("{")) {
                try {
                    jsonParser.parseLine(line);
                    json++;
                } catch (SkippedLineException e) {
                    // counted as not JSON
                }
                continue;
            }
            try {
                clfParser.parseLine(line);
                clf++;
                if (line.matches(".*\" \\d{3} [\\d-]+ \".*")) {
                    combined++;
                }
            } catch (SkippedLineException e) {
                // counted as not CLF
            }
        }
        if (json == 0 && clf == 0) {
            String first = lines.get(0);
            throw new ShapeInputException(file + ": unknown format: none of the first " + lines.size()
                    + " lines is a combined, common or JSON access-log record (line 1: '"
                    + SecretScrubber.scrubText(first.length() > 120 ? first.substring(0, 120) + "..." : first)
                    + "'); give --format, or --json-fields for JSON logs");
        }
        if (json > clf) {
            return LogFormat.JSON;
        }
        return combined * 2 > clf ? LogFormat.COMBINED : LogFormat.COMMON;
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
    }
}
