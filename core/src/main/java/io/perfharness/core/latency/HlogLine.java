package io.perfharness.core.latency;

import org.HdrHistogram.Histogram;

/**
 * One parsed line of an HdrHistogram interval log, one record per kind of line (see {@link HlogReader}
 * for the format). Immutable: {@link IntervalHistogram} takes ownership of the histogram it is given
 * and hands out copies.
 */
public sealed interface HlogLine {

    /** An empty or whitespace-only line; it carries nothing. */
    record Blank() implements HlogLine {
    }

    /** {@code #...}: any comment that is not one of the headers below; {@code text} is without the '#'. */
    record Comment(String text) implements HlogLine {
    }

    /** {@code #[StartTime: 1441812279.474 (seconds since epoch), Wed Sep 09 08:24:39 PDT 2015]}. */
    record StartTime(double startTimeSec) implements HlogLine {
    }

    /** {@code #[BaseTime: 1441812279.474 (seconds since epoch)]}. */
    record BaseTime(double baseTimeSec) implements HlogLine {
    }

    /** {@code #[Histogram log format version 1.3]}; {@code version} is "1.3". */
    record FormatVersion(String version) implements HlogLine {
    }

    /**
     * The CSV legend. {@code endTimestampLegend} is true for the V0 legend, which names the second
     * column "EndTimestamp" although writers put the interval length there (see {@link HlogReader}).
     */
    record Legend(boolean endTimestampLegend) implements HlogLine {
    }

    /**
     * {@code [Tag=<tag>,]<timeStampSec>,<intervalLengthSec>,<intervalMax>,<base64 histogram>}.
     *
     * @param tag the tag, or {@link HlogInterval#UNTAGGED} ("") when the line has none
     * @param timeStampSec the start timestamp as written: relative to the log's base time
     * @param intervalLengthSec the interval length in seconds
     * @param intervalMax the Interval_Max column as written (in the writer's display unit)
     * @param histogram the decoded interval histogram
     */
    record IntervalHistogram(String tag, double timeStampSec, double intervalLengthSec, double intervalMax,
                             Histogram histogram) implements HlogLine {
        @Override
        public Histogram histogram() {
            return HlogInterval.copyOf(histogram);
        }

        /** The decoded histogram without a copy, for the reader that owns this line. */
        Histogram histogramUnshared() {
            return histogram;
        }
    }
}
