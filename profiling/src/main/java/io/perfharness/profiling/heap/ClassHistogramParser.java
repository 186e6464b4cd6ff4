package io.perfharness.profiling.heap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of {@code jcmd <pid> GC.class_histogram} (JDK 9 and later; JDK 8 without the module
 * column too). The format, line by line:
 * <pre>
 * 12345:                                                  (only when printed by the jcmd tool: the pid)
 *  num     #instances         #bytes  class name (module)
 * -------------------------------------------------------
 *    1:         20543        1784328  [B (java.base@17.0.15)
 *    2:          1000          16000  com.example.Leaked
 * Total         21543        1800328
 * </pre>
 * Entry lines are numbered from 1 without gaps; the module in parentheses is absent for classes of the
 * class path; the {@code Total} line ends the text and must equal the sum of the entries. Strict: any
 * other line is an error naming the source, line number and text. Stateless.
 */
public final class ClassHistogramParser {
    private static final Pattern PID = Pattern.compile("\\d+:");
    private static final Pattern ENTRY =
            Pattern.compile("\\s*(\\d+):\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\(([^()]*)\\))?\\s*");
    private static final Pattern TOTAL = Pattern.compile("Total\\s+(\\d+)\\s+(\\d+)\\s*");
    private static final Pattern SEPARATOR = Pattern.compile("-+\\s*");

    /** One parsed line. */
    public sealed interface Line {}

    /** The pid line, the column header, the separator or a blank line: nothing to keep. */
    public record Preamble(boolean isHeader) implements Line {}

    /** A class line with its 1-based rank. */
    public record Entry(int rank, ClassHistogramEntry entry) implements Line {}

    /** The closing {@code Total} line. */
    public record Total(long instances, long bytes) implements Line {}

    private ClassHistogramParser() {}

    /**
     * Parses one line.
     *
     * @throws MalformedHistogramLineException when it is none of the documented kinds
     */
    public static Line parseLine(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || PID.matcher(trimmed).matches() || SEPARATOR.matcher(trimmed).matches()) {
            return new Preamble(false);
        }
        if (trimmed.startsWith("num") && trimmed.contains("#instances") && trimmed.contains("#bytes")) {
            return new Preamble(true);
        }
        Matcher total = TOTAL.matcher(trimmed);
        if (total.matches()) {
            return new Total(number(total.group(1), line), number(total.group(2), line));
        }
        Matcher entry = ENTRY.matcher(line);
        if (entry.matches()) {
            long rank = number(entry.group(1), line);
            if (rank < 1 || rank > Integer.MAX_VALUE) {
                throw new MalformedHistogramLineException("rank must be 1.." + Integer.MAX_VALUE + " but was "
                        + entry.group(1), line);
            }
            return new Entry((int) rank, new ClassHistogramEntry(entry.group(4), number(entry.group(2), line),
                    number(entry.group(3), line)));
        }
        throw new MalformedHistogramLineException(
                "expected 'rank: instances bytes class-name [(module)]', 'Total instances bytes' or the header", line);
    }

    /**
     * Parses a whole histogram text.
     *
     * @param source the file or other origin named in errors
     * @throws ClassHistogramFormatException naming the line on any malformed line, a rank out of order, a
     *     missing header or Total line, text after Total, or a Total that differs from the sum
     */
    public static ClassHistogram parse(String source, String text, Instant timestamp)
            throws ClassHistogramFormatException {
        List<ClassHistogramEntry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean headerSeen = false;
        Total total = null;
        long sumInstances = 0;
        long sumBytes = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            long lineNumber = i + 1L;
            Line parsed;
            try {
                parsed = parseLine(line);
            } catch (MalformedHistogramLineException e) {
                throw new ClassHistogramFormatException(source, lineNumber, e);
            }
            if (total != null && !line.isBlank()) {
                throw new ClassHistogramFormatException(source, lineNumber, line, "text after the Total line");
            }
            if (parsed instanceof Preamble preamble) {
                headerSeen |= preamble.isHeader();
            } else if (parsed instanceof Entry entry) {
                if (!headerSeen) {
                    throw new ClassHistogramFormatException(source, lineNumber, line,
                            "class line before the ' num #instances #bytes class name' header");
                }
                if (entry.rank() != entries.size() + 1) {
                    throw new ClassHistogramFormatException(source, lineNumber, line,
                            "rank must be " + (entries.size() + 1) + " but was " + entry.rank());
                }
                entries.add(entry.entry());
                sumInstances += entry.entry().instances();
                sumBytes += entry.entry().bytes();
            } else {
                total = (Total) parsed;
                if (total.instances() != sumInstances || total.bytes() != sumBytes) {
                    throw new ClassHistogramFormatException(source, lineNumber, line, "Total must equal the sum"
                            + " of the class lines (" + sumInstances + " instances, " + sumBytes + " bytes)");
                }
            }
        }
        if (total == null) {
            throw new ClassHistogramFormatException(source, lines.length, "", "no 'Total' line: the histogram is"
                    + " incomplete (" + entries.size() + " class lines read)");
        }
        return new ClassHistogram(timestamp, entries, total.instances(), total.bytes());
    }

    private static long number(String digits, String line) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new MalformedHistogramLineException("number out of range: " + digits, line);
        }
    }
}
