package io.perfharness.core.latency;

import org.HdrHistogram.AbstractHistogram;

/**
 * Exact latency statistics of one histogram (one request name, or all of them), in microseconds.
 * Immutable. All latency fields are 0 when {@code count} is 0.
 *
 * @param count requests recorded, failed ones included
 * @param errorCount how many of {@code count} failed
 * @param minMicros smallest value (HdrHistogram's lowest equivalent value of its bucket)
 * @param meanMicros mean, rounded to 0.001 us
 * @param p50Micros median, from the full histogram (never an average of interval percentiles)
 * @param p90Micros 90th percentile
 * @param p99Micros 99th percentile
 * @param p999Micros 99.9th percentile
 * @param maxMicros largest value (highest equivalent value of its bucket: at most 0.1% above the truth)
 */
public record LatencyStats(long count, long errorCount, long minMicros, double meanMicros, long p50Micros,
                           long p90Micros, long p99Micros, long p999Micros, long maxMicros) {

    public LatencyStats {
        if (count < 0 || errorCount < 0 || errorCount > count) {
            throw new IllegalArgumentException(
                "count and errorCount must satisfy 0 <= errorCount <= count but were " + count + " and " + errorCount);
        }
        if (minMicros < 0 || !(meanMicros >= 0) || p50Micros < 0 || p90Micros < 0 || p99Micros < 0
            || p999Micros < 0 || maxMicros < 0) {
            throw new IllegalArgumentException("latencies must be >= 0 but were " + latencies(
                minMicros, meanMicros, p50Micros, p90Micros, p99Micros, p999Micros, maxMicros));
        }
    }

    /** Reads the statistics off a histogram of microsecond values. */
    public static LatencyStats of(AbstractHistogram histogramMicros, long errorCount) {
        long count = histogramMicros.getTotalCount();
        if (count == 0) {
            return new LatencyStats(0, errorCount, 0, 0.0, 0, 0, 0, 0, 0);
        }
        double meanMicros = Math.round(histogramMicros.getMean() * 1000.0) / 1000.0;
        return new LatencyStats(count, errorCount, histogramMicros.getMinValue(), meanMicros,
            histogramMicros.getValueAtPercentile(50.0), histogramMicros.getValueAtPercentile(90.0),
            histogramMicros.getValueAtPercentile(99.0), histogramMicros.getValueAtPercentile(99.9),
            histogramMicros.getMaxValue());
    }

    private static String latencies(long min, double mean, long p50, long p90, long p99, long p999, long max) {
        return "min=" + min + " mean=" + mean + " p50=" + p50 + " p90=" + p90 + " p99=" + p99 + " p99.9=" + p999
            + " max=" + max;
    }
}
