package io.perfharness.core.latency;

import org.HdrHistogram.Histogram;

/**
 * One interval of an interval log with its time resolved to seconds since the epoch. Immutable: it takes
 * ownership of the histogram it is given (the reader decodes a fresh one per line) and hands out copies.
 *
 * @param lineNumber the 1-based line the interval was read from
 * @param tag the tag, or {@link #UNTAGGED} ("") when the line has none
 * @param startTimeStampSec interval start, seconds since the epoch (the line's timestamp plus the base time)
 * @param intervalLengthSec interval length in seconds
 * @param intervalMax the Interval_Max column as written, in the writer's display unit
 * @param histogram the interval's values; its start/end timestamps (epoch ms) and tag are set
 */
public record HlogInterval(long lineNumber, String tag, double startTimeStampSec, double intervalLengthSec,
                           double intervalMax, Histogram histogram) {

    /** The tag of an interval line without {@code Tag=}. Empty tags are rejected, so "" is unambiguous. */
    public static final String UNTAGGED = "";

    @Override
    public Histogram histogram() {
        return copyOf(histogram);
    }

    /** HdrHistogram's {@code copy()} drops the tag and the timestamps; a copy handed out keeps them. */
    static Histogram copyOf(Histogram histogram) {
        Histogram copy = histogram.copy();
        copy.setTag(histogram.getTag());
        copy.setStartTimeStamp(histogram.getStartTimeStamp());
        copy.setEndTimeStamp(histogram.getEndTimeStamp());
        return copy;
    }

    /** Adds this interval into a running total without copying it first. */
    void addTo(Histogram total) {
        total.add(histogram);
    }
}
