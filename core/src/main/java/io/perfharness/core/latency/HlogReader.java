package io.perfharness.core.latency;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * A strict, streaming reader of HdrHistogram interval logs (.hlog), as written by HdrHistogram's
 * {@code HistogramLogWriter} (Java, C, Python), jHiccup and {@link LatencyRecorder}. Mutable: it owns an
 * open file; one thread at a time.
 *
 * <p>Unlike HdrHistogram's own {@code HistogramLogReader}, which stops without a word on a line it cannot
 * read, this reader never drops a line silently: in {@link Mode#STRICT} the first bad line throws a
 * {@link LatencyFormatException} naming file, line, offending text and what was expected; in
 * {@link Mode#LENIENT} it skips the line, keeps reading and lists it in {@link #problems()}.
 *
 * <h2>Format</h2>
 * A text file of lines (LF or CRLF). Each line is exactly one of the following, told apart by its start:
 * <ol>
 * <li><b>Blank</b>: empty or whitespace only. Carries nothing (HdrHistogram_c writes one at the end).
 * <li><b>StartTime header</b>: {@code #[StartTime: <seconds> (seconds since epoch)[, <any text>]]}, e.g.
 *     <pre>#[StartTime: 1441812279.474 (seconds since epoch), Wed Sep 09 08:24:39 PDT 2015]</pre>
 *     {@code <seconds>}: when the log started, seconds since 1970-01-01T00:00Z. The date text is for
 *     people and is not read.
 * <li><b>BaseTime header</b>: {@code #[BaseTime: <seconds> (seconds since epoch)]}, e.g.
 *     <pre>#[BaseTime: 1441812279.474 (seconds since epoch)]</pre>
 *     The time that interval timestamps are relative to. Optional (V2 onward).
 * <li><b>Format version header</b>: {@code #[Histogram log format version <1.minor>]}; seen: 1.01 (V0),
 *     1.1 (V1), 1.2 (V2), 1.3 (V3), e.g. <pre>#[Histogram log format version 1.3]</pre>
 *     The version does not change how lines are read: each histogram names its own encoding.
 * <li><b>Comment</b>: any other line starting with {@code #}, e.g.
 *     {@code #[Logged with jHiccup version 2.0.7-SNAPSHOT]} or our
 *     {@code #[perf-harness latency, unit=microseconds, ...]}.
 * <li><b>Legend</b>: exactly one of
 *     <pre>"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"
 *"StartTimestamp","EndTimestamp","Interval_Max","Interval_Compressed_Histogram"</pre>
 *     The second (V0) legend calls column 2 "EndTimestamp", but every V0 writer we have seen (jHiccup
 *     2.0.1, HdrHistogram_c 2014) writes the interval length there, and HdrHistogram's reader reads it
 *     as a length; so do we.
 * <li><b>Interval</b>: {@code [Tag=<tag>,]<StartTimestamp>,<Interval_Length>,<Interval_Max>,<histogram>}, e.g.
 *     <pre>Tag=A,1.134,0.999,0.442,HISTFAAAAEJ42pNpmSzMwMAgxwAB...</pre>
 *     <ul>
 *     <li>{@code Tag=<tag>,} optional: a non-empty name without commas, spaces or control characters.
 *         Untagged intervals have tag {@link HlogInterval#UNTAGGED}.
 *     <li>{@code StartTimestamp}: seconds, a plain decimal (writers print {@code %.3f}; no sign, exponent,
 *         NaN). Relative to the base time (see below).
 *     <li>{@code Interval_Length}: seconds, plain decimal.
 *     <li>{@code Interval_Max}: the interval's maximum in a display unit of the writer's choosing
 *         (jHiccup: ns values shown in ms; ours: us values shown in ms); plain decimal; kept, not checked.
 *     <li>{@code histogram}: base64 of HdrHistogram's compressed encoding: a 4-byte cookie (V0
 *         {@code 0x1c8493x9}, V1 {@code 0x1c8493x2}, V2 {@code 0x1c8493x4}, x = word size, so the base64
 *         starts with "HIST"), a 4-byte length N, then N bytes of zlib-compressed counts. The length must
 *         match the bytes present. Decoded with {@code Histogram.decodeFromCompressedByteBuffer}.
 *     </ul>
 * </ol>
 * Any other line is an error. Headers are optional (a log may be interval lines only); when present,
 * StartTime, BaseTime and the version appear at most once each and before the first interval.
 *
 * <p><b>Time.</b> As in HdrHistogram: without a StartTime header the first interval's timestamp is the
 * start time. Without a BaseTime header, timestamps are relative to the start time if the first one is
 * more than a year before the start time, else absolute (base time 0). An interval starts at
 * {@code StartTimestamp + baseTime} seconds since the epoch; as epoch milliseconds it must fit in a long.
 * The histogram's start and end timestamps are those seconds rounded to the nearest millisecond
 * (HdrHistogram's reader truncates the binary double, so it can be 1 ms lower: 0.341 s may become 340 ms).
 */
public final class HlogReader implements Closeable {
    /** What to do with a line that is not in the format. */
    public enum Mode {
        /** Throw at the first bad line. */
        STRICT,
        /** Skip bad lines, list each in {@link #problems()}, read everything else. */
        LENIENT
    }

    private static final double ONE_YEAR_SEC = 365 * 24 * 3600.0;

    private final Path file;
    private final Mode mode;
    private final BufferedReader in;
    private final List<HlogProblem> problems = new ArrayList<>();
    private long lineNumber;
    private boolean sawInterval;
    private double startTimeSec = Double.NaN;
    private long startTimeLine;
    private double baseTimeSec = Double.NaN;
    private long baseTimeLine;
    private String formatVersion;
    private long formatVersionLine;

    private HlogReader(Path file, Mode mode) throws IOException {
        this.file = file;
        this.mode = mode;
        // ISO-8859-1 decodes any byte, so stray bytes reach the line grammar and are reported with a line number.
        this.in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
    }

    public static HlogReader open(Path file, Mode mode) throws IOException {
        return new HlogReader(file, mode);
    }

    /** Parses one line on its own (no file, no time base); the line grammar of the class Javadoc. */
    public static HlogLine parseLine(String text) throws LatencyFormatException {
        return HlogLineParser.parse(text);
    }

    /** Reads every interval of a small log in {@link Mode#STRICT}. Large logs: {@link #readTotals}. */
    public static List<HlogInterval> readAll(Path file) throws IOException, LatencyFormatException {
        try (HlogReader reader = open(file, Mode.STRICT)) {
            List<HlogInterval> intervals = new ArrayList<>();
            for (HlogInterval interval = reader.next(); interval != null; interval = reader.next()) {
                intervals.add(interval);
            }
            return intervals;
        }
    }

    /** Reads a log and merges its intervals per tag (exact HdrHistogram add), keeping one histogram per tag. */
    public static HlogTotals readTotals(Path file, Mode mode) throws IOException, LatencyFormatException {
        try (HlogReader reader = open(file, mode)) {
            HlogTotals.Builder totals = new HlogTotals.Builder(file);
            for (HlogInterval interval = reader.next(); interval != null; interval = reader.next()) {
                totals.add(interval);
            }
            return totals.build(reader.problems());
        }
    }

    /**
     * The next interval, or null at the end of the file.
     *
     * @throws LatencyFormatException in {@link Mode#STRICT}, at the first line that is not in the format
     */
    public HlogInterval next() throws IOException, LatencyFormatException {
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            lineNumber++;
            try {
                HlogInterval interval = accept(HlogLineParser.parse(text), text);
                if (interval != null) {
                    return interval;
                }
            } catch (LatencyFormatException e) {
                if (mode == Mode.STRICT) {
                    throw e.at(file, lineNumber);
                }
                problems.add(HlogProblem.of(e, file, lineNumber));
            }
        }
        return null;
    }

    /** The lines skipped so far in {@link Mode#LENIENT}, in file order. */
    public List<HlogProblem> problems() {
        return List.copyOf(problems);
    }

    /** The StartTime header, or the first interval's start when there is none; empty before either is read. */
    public OptionalDouble startTimeSec() {
        return Double.isNaN(startTimeSec) ? OptionalDouble.empty() : OptionalDouble.of(startTimeSec);
    }

    /** The format version header ("1.3"), or null if none has been read. */
    public String formatVersion() {
        return formatVersion;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private HlogInterval accept(HlogLine line, String text) throws LatencyFormatException {
        if (line instanceof HlogLine.StartTime header) {
            requireFirstHeader("StartTime", startTimeLine, text);
            startTimeSec = header.startTimeSec();
            startTimeLine = lineNumber;
        } else if (line instanceof HlogLine.BaseTime header) {
            requireFirstHeader("BaseTime", baseTimeLine, text);
            baseTimeSec = header.baseTimeSec();
            baseTimeLine = lineNumber;
        } else if (line instanceof HlogLine.FormatVersion header) {
            requireFirstHeader("format version", formatVersionLine, text);
            formatVersion = header.version();
            formatVersionLine = lineNumber;
        } else if (line instanceof HlogLine.IntervalHistogram interval) {
            return resolve(interval, text);
        }
        return null;
    }

    private void requireFirstHeader(String name, long previousLine, String text) throws LatencyFormatException {
        if (previousLine != 0) {
            throw new LatencyFormatException(null, null, text,
                "one " + name + " header, but line " + previousLine + " already had one");
        }
        if (sawInterval) {
            // A late header would change the meaning of the intervals already returned.
            throw new LatencyFormatException(null, null, text, "the " + name + " header before the first interval");
        }
    }

    private HlogInterval resolve(HlogLine.IntervalHistogram line, String text) throws LatencyFormatException {
        if (!sawInterval) {
            if (Double.isNaN(startTimeSec)) {
                startTimeSec = line.timeStampSec();
            }
            if (Double.isNaN(baseTimeSec)) {
                boolean relative = line.timeStampSec() < startTimeSec - ONE_YEAR_SEC;
                baseTimeSec = relative ? startTimeSec : 0.0;
            }
            sawInterval = true;
        }
        double startTimeStampSec = line.timeStampSec() + baseTimeSec;
        double endTimeStampSec = startTimeStampSec + line.intervalLengthSec();
        if (endTimeStampSec > HlogLineParser.MAX_SECONDS) {
            throw new LatencyFormatException(null, null, text,
                "an interval that ends by " + HlogLineParser.MAX_SECONDS
                    + " seconds since epoch (base time " + baseTimeSec + " s)");
        }
        Histogram histogram = line.histogramUnshared();
        histogram.setStartTimeStamp(Math.round(startTimeStampSec * 1000.0));
        histogram.setEndTimeStamp(Math.round(endTimeStampSec * 1000.0));
        histogram.setTag(line.tag().isEmpty() ? null : line.tag());
        return new HlogInterval(lineNumber, line.tag(), startTimeStampSec, line.intervalLengthSec(),
            line.intervalMax(), histogram);
    }
}
