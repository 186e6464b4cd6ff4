package io.perfharness.loadtests.shape;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A traffic shape: the arrival curve and endpoint mix derived from access logs, replayable by
 * {@code -Dperf.shape=FILE}. Format specified field by field in {@code docs/shape-file.md} and by
 * {@link ShapeFileReader}. Immutable.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param kind always {@value #KIND}
 * @param mapping the mapping file the templates were made with and the replay uses unless
 *     {@code -Dperf.map} names another (a path relative to the shape file, or absent)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShapeFile(
        int schemaVersion,
        String kind,
        Source source,
        Curve curve,
        List<Template> templates,
        List<Segment> segments,
        String mapping,
        ParseReport report) {

    public static final int SCHEMA_VERSION = 1;
    public static final String KIND = "perf-harness traffic shape";

    /** Where the shape came from: file names (no folders), formats, and the log's time span. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(List<String> files, String createdBy, long firstEpochMs, long lastEpochMs) {}

    /**
     * The arrival curve. {@code counts} holds {@code [bucket, arrivals]} pairs for the non-empty
     * log buckets (raw log counts, after gap compression); bucket {@code i} is replayed from
     * {@code i * bucketMillis / speed} ms, and its arrivals are multiplied by {@code scale}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Curve(
            long bucketMillis,
            double speed,
            double scale,
            long buckets,
            long arrivals,
            Long maxGapMillis,
            int gapsCompressed,
            long gapMillisRemoved,
            double replayBucketMillis,
            double replaySeconds,
            double meanRatePerSec,
            double peakRatePerSec,
            List<long[]> counts) {

        /** Replay length in nanoseconds. */
        public long replayNanos() {
            return Math.round(buckets * (double) bucketMillis / speed * 1e6);
        }
    }

    /**
     * One endpoint: method plus path template, with its share of all records, status mix, response
     * sizes in bytes and the server's own time in milliseconds (when the log had it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Template(
            int id,
            String name,
            String method,
            String path,
            long count,
            double share,
            Map<String, Long> statuses,
            Quantiles responseBytes,
            Quantiles serverTimeMillis) {}

    /** Summary of a distribution (HdrHistogram, 2 significant digits). */
    public record Quantiles(long count, double mean, double p50, double p90, double p99, double max) {}

    /**
     * The mix from {@code startBucket} until the next segment: {@code [templateId, arrivals]} pairs,
     * exact counts of the log in that span.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Segment(long startBucket, List<long[]> counts) {}
}
