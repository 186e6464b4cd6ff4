package io.perfharness.core.latency;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * One interval log written through HdrHistogram's own {@link HistogramLogWriter}, so that its tools read
 * it: our unit comment, the format version, StartTime and BaseTime (the window start) and the legend.
 * Mutable; used by one thread at a time.
 */
final class HlogFileWriter implements Closeable {
    /** Interval_Max is shown in milliseconds, as jHiccup and YCSB do (values stay in microseconds). */
    static final double INTERVAL_MAX_MICROS_PER_DISPLAY_UNIT = 1000.0;

    private final Path file;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final long baseTimeMillis;

    HlogFileWriter(Path file, String contents, long windowStartEpochMillis) throws IOException {
        this.file = file;
        // HistogramLogWriter wraps what it is given in a PrintStream, which swallows IOExceptions; handing
        // it our own PrintStream lets flush() see them through checkError().
        this.out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(file)), false, StandardCharsets.US_ASCII);
        this.writer = new HistogramLogWriter(out);
        this.baseTimeMillis = windowStartEpochMillis;
        writer.outputComment("[perf-harness latency, unit=microseconds, Interval_Max unit=milliseconds, "
            + "significantDigits=" + LatencyRecorder.SIGNIFICANT_DIGITS + ", highestTrackableMicros="
            + LatencyRecorder.HIGHEST_TRACKABLE_MICROS + ", " + contents + "]");
        writer.outputLogFormatVersion();
        writer.outputStartTime(windowStartEpochMillis);
        writer.setBaseTime(windowStartEpochMillis);
        writer.outputBaseTime(windowStartEpochMillis);
        writer.outputLegend();
        flush();
    }

    /** Writes one interval line, with {@code Tag=<tag>,} unless tag is null. */
    void writeInterval(String tag, long startEpochMillis, long endEpochMillis, AbstractHistogram histogram) {
        // HdrHistogram's writer takes the tag from the histogram, and reset() clears it, so set it each time.
        histogram.setTag(tag);
        writer.outputIntervalHistogram((startEpochMillis - baseTimeMillis) / 1000.0,
            (endEpochMillis - baseTimeMillis) / 1000.0, histogram, INTERVAL_MAX_MICROS_PER_DISPLAY_UNIT);
    }

    void flush() throws IOException {
        if (out.checkError()) {
            throw new IOException("could not write interval log " + file);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
        if (out.checkError()) {
            throw new IOException("could not write interval log " + file);
        }
    }
}
