package io.perfharness.loadtests.shape;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.PackedHistogram;

/**
 * Converts access logs into a {@link ShapeFile}: streams every record once, counts it into its
 * timestamp's bucket (a counting sort, so unsorted logs need no sort and no memory per record),
 * templates its path, and keeps per template the status mix, response sizes and server time.
 * Memory is per bucket, per segment and per template, never per line. Mutable, single-threaded.
 */
public final class AccessLogToShape {
    /**
     * @param bucketMillis log time per curve bucket
     * @param segmentMillis log time per mix segment
     * @param speed replay time is log time divided by this
     * @param scale arrivals are multiplied by this on replay
     * @param maxGapMillis empty stretches longer than this are cut to it (0: keep every gap)
     * @param maxTemplates distinct templates kept; later new ones count as "{other}"
     * @param mapping the mapping file name recorded in the shape (or null)
     */
    public record Options(long bucketMillis, long segmentMillis, double speed, double scale, long maxGapMillis,
            int maxTemplates, String mapping) {
        public Options {
            if (bucketMillis < 1 || segmentMillis < bucketMillis) {
                throw new IllegalArgumentException("bucket was " + bucketMillis + " ms but it must be at least 1 ms and at most the segment (" + segmentMillis + " ms)");
            }
            if (!(speed > 0) || !(scale > 0)) {
                throw new IllegalArgumentException("speed " + speed + " and scale " + scale + " must be positive");
            }
        }

        public static Options defaults() {
            return new Options(1000, 60_000, 1, 1, 0, 1000, null);
        }
    }

    private static final int MAX_STATUS = 600;

    private final Options options;
    private final PathTemplater templater;
    private final Map<String, TemplateStats> templates = new HashMap<>();
    private final List<TemplateStats> byId = new ArrayList<>();
    private final Map<Long, long[]> buckets = new HashMap<>();
    private final Map<Long, long[]> segments = new HashMap<>();
    private long lastBucketKey = Long.MIN_VALUE;
    private long[] lastBucket;
    private long lastSegmentKey = Long.MIN_VALUE;
    private long[] lastSegment;
    private long inOther;

    public AccessLogToShape(Options options, PathTemplater templater) {
        this.options = options;
        this.templater = templater;
    }

    /** Reads every file and builds the shape. */
    public static ShapeFile convert(List<Path> files, AccessLogReader reader, Options options, PathTemplater templater,
            SecretScrubber scrubber) throws IOException, ShapeInputException {
        AccessLogToShape converter = new AccessLogToShape(options, templater);
        ParseReportBuilder report = new ParseReportBuilder(scrubber);
        for (Path file : files) {
            reader.read(file, converter::accept, report);
        }
        return converter.finish(report, files);
    }

    private static final class TemplateStats {
        final int id;
        final String name;
        final String method;
        final String path;
        long count;
        final long[] statuses = new long[MAX_STATUS];
        final AbstractHistogram bytes = new PackedHistogram(2);
        final AbstractHistogram serverMicros = new PackedHistogram(2);

        TemplateStats(int id, String name, String method, String path) {
            this.id = id;
            this.name = name;
            this.method = method;
            this.path = path;
        }
    }

    public void accept(AccessLogEntry e) {
        String template = templater.template(e.target());
        String name = e.method() + " " + template;
        TemplateStats t = templates.get(name);
        if (t == null) {
            if (templates.size() >= options.maxTemplates()) {
                inOther++;
                name = e.method() + " {other}";
                t = templates.get(name);
                template = "{other}";
            }
            if (t == null) {
                t = new TemplateStats(byId.size(), name, e.method(), template);
                templates.put(name, t);
                byId.add(t);
            }
        }
        t.count++;
        t.statuses[e.status()]++;
        if (e.responseBytes() >= 0) {
            t.bytes.recordValue(e.responseBytes());
        }
        if (e.serverTimeMicros() >= 0) {
            t.serverMicros.recordValue(e.serverTimeMicros());
        }
        long bucketKey = Math.floorDiv(e.epochMillis(), options.bucketMillis());
        if (bucketKey != lastBucketKey) {
            lastBucket = buckets.computeIfAbsent(bucketKey, k -> new long[1]);
            lastBucketKey = bucketKey;
        }
        lastBucket[0]++;
        long segmentKey = Math.floorDiv(e.epochMillis(), options.segmentMillis());
        if (segmentKey != lastSegmentKey) {
            lastSegment = segments.computeIfAbsent(segmentKey, k -> new long[8]);
            lastSegmentKey = segmentKey;
        }
        if (t.id >= lastSegment.length) {
            lastSegment = Arrays.copyOf(lastSegment, Math.max(t.id + 1, lastSegment.length * 2));
            segments.put(segmentKey, lastSegment);
        }
        lastSegment[t.id]++;
    }

    /** @throws ShapeInputException when no record had a usable timestamp */
    public ShapeFile finish(ParseReportBuilder reportBuilder, List<Path> files) throws ShapeInputException {
        List<TemplateStats> sorted = new ArrayList<>(byId);
        sorted.sort(Comparator.comparingLong((TemplateStats t) -> -t.count).thenComparing(t -> t.name));
        List<ParseReport.TemplateCount> top = sorted.stream().limit(10)
                .map(t -> new ParseReport.TemplateCount(t.name, t.count)).toList();
        ParseReport report = reportBuilder.build(templates.size(), inOther, top);
        if (buckets.isEmpty()) {
            throw new ShapeInputException(String.join(", ", files.stream().map(Path::toString).toList())
                    + ": no record with a parseable timestamp in " + report.linesRead() + " lines ("
                    + report.linesSkipped() + " skipped: " + String.join("; ", report.skippedByReason().keySet()) + ")");
        }
        // renumber templates by rank so the file reads most frequent first
        int[] newId = new int[byId.size()];
        for (int i = 0; i < sorted.size(); i++) {
            newId[sorted.get(i).id] = i;
        }
        long total = report.recordsParsed();
        List<ShapeFile.Template> templateList = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            TemplateStats t = sorted.get(i);
            Map<String, Long> statuses = new TreeMap<>();
            for (int s = 0; s < MAX_STATUS; s++) {
                if (t.statuses[s] > 0) {
                    statuses.put(Integer.toString(s), t.statuses[s]);
                }
            }
            templateList.add(new ShapeFile.Template(i, t.name, t.method, t.path, t.count, round(t.count / (double) total, 6),
                    statuses, quantiles(t.bytes, 1), quantiles(t.serverMicros, 1000)));
        }
        long[] keys = buckets.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long maxGapBuckets = options.maxGapMillis() > 0 ? Math.max(0, options.maxGapMillis() / options.bucketMillis()) : Long.MAX_VALUE;
        Map<Long, Long> newIndex = new HashMap<>();
        List<long[]> counts = new ArrayList<>();
        long index = 0;
        int gapsCompressed = 0;
        long removedBuckets = 0;
        long peak = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                long empty = keys[i] - keys[i - 1] - 1;
                if (empty > maxGapBuckets) {
                    gapsCompressed++;
                    removedBuckets += empty - maxGapBuckets;
                    empty = maxGapBuckets;
                }
                index += empty + 1;
            }
            newIndex.put(keys[i], index);
            long n = buckets.get(keys[i])[0];
            peak = Math.max(peak, n);
            counts.add(new long[] {index, n});
        }
        long bucketCount = index + 1;
        List<ShapeFile.Segment> segmentList = new ArrayList<>();
        long[] segmentKeys = segments.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long bucketsPerSegment = options.segmentMillis() / options.bucketMillis();
        for (long segmentKey : segmentKeys) {
            long firstBucketKey = Math.floorDiv(segmentKey * options.segmentMillis(), options.bucketMillis());
            long start = -1;
            for (long k = firstBucketKey; k < firstBucketKey + bucketsPerSegment + 1 && start < 0; k++) {
                Long mapped = newIndex.get(k);
                if (mapped != null) {
                    start = mapped;
                }
            }
            long[] c = segments.get(segmentKey);
            List<long[]> pairs = new ArrayList<>();
            for (int id = 0; id < c.length; id++) {
                if (c[id] > 0) {
                    pairs.add(new long[] {newId[id], c[id]});
                }
            }
            pairs.sort(Comparator.comparingLong(p -> p[0]));
            segmentList.add(new ShapeFile.Segment(Math.max(0, start), pairs));
        }
        double replayBucketMillis = options.bucketMillis() / options.speed();
        // the peak over replay windows of at least 1 s: what one injection step must carry
        double peakWindowMillis = Math.max(1000, replayBucketMillis);
        Map<Long, Long> perWindow = new HashMap<>();
        for (long[] pair : counts) {
            perWindow.merge((long) Math.floor(pair[0] * replayBucketMillis / peakWindowMillis), pair[1], Long::sum);
        }
        peak = perWindow.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double replaySeconds = bucketCount * replayBucketMillis / 1000;
        ShapeFile.Curve curve = new ShapeFile.Curve(options.bucketMillis(), options.speed(), options.scale(), bucketCount,
                total, options.maxGapMillis() > 0 ? options.maxGapMillis() : null, gapsCompressed,
                removedBuckets * options.bucketMillis(), round(replayBucketMillis, 6), round(replaySeconds, 6),
                round(total * options.scale() / replaySeconds, 6), round(peak * options.scale() / (peakWindowMillis / 1000), 6),
                counts);
        ShapeFile.Source source = new ShapeFile.Source(files.stream().map(p -> p.getFileName().toString()).toList(),
                "perf shape", report.firstEpochMs(), report.lastEpochMs());
        return new ShapeFile(ShapeFile.SCHEMA_VERSION, ShapeFile.KIND, source, curve, templateList, segmentList,
                options.mapping(), report);
    }

    private static ShapeFile.Quantiles quantiles(AbstractHistogram h, double divisor) {
        if (h.getTotalCount() == 0) {
            return null;
        }
        return new ShapeFile.Quantiles(h.getTotalCount(), round(h.getMean() / divisor, 3),
                round(h.getValueAtPercentile(50) / divisor, 3), round(h.getValueAtPercentile(90) / divisor, 3),
                round(h.getValueAtPercentile(99) / divisor, 3), round(h.getMaxValue() / divisor, 3));
    }

    static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }

    /** One line per fact, for stderr. */
    public static String describe(ShapeFile shape) {
        ParseReport r = shape.report();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "perf shape: %d lines read, %d records parsed (%d wrapped records rejoined), %d lines skipped%n",
                r.linesRead(), r.recordsParsed(), r.wrappedRecordsRejoined(), r.linesSkipped()));
        for (ParseReport.FileFacts f : r.files()) {
            sb.append(String.format(Locale.ROOT, "  %s: %s%s, %d lines, %d records%n", f.name(), f.format(),
                    f.gzip() ? " (gzip)" : "", f.linesRead(), f.recordsParsed()));
        }
        r.skippedByReason().forEach((reason, skip) -> {
            sb.append(String.format(Locale.ROOT, "  skipped %d: %s%n", skip.count(), reason));
            for (ParseReport.Example ex : skip.firstExamples()) {
                sb.append(String.format(Locale.ROOT, "    %s:%d: %s%n", ex.file(), ex.line(), ex.text()));
            }
        });
        ShapeFile.Curve c = shape.curve();
        sb.append(String.format(Locale.ROOT, "  time span %s to %s; %d out-of-order records (sorted by bucketing)%n",
                java.time.Instant.ofEpochMilli(r.firstEpochMs()), java.time.Instant.ofEpochMilli(r.lastEpochMs()), r.backwardSteps()));
        sb.append(String.format(Locale.ROOT, "  curve: %d buckets of %d ms (%d gaps compressed), replay %.1f s at speed %s, mean %.2f/s, peak %.2f/s%n",
                c.buckets(), c.bucketMillis(), c.gapsCompressed(), c.replaySeconds(), trim(c.speed()), c.meanRatePerSec(), c.peakRatePerSec()));
        sb.append(String.format(Locale.ROOT, "  %d distinct templates%s; top:%n", r.distinctTemplates(),
                r.recordsInOtherTemplate() > 0 ? " (" + r.recordsInOtherTemplate() + " records beyond the limit counted as {other})" : ""));
        for (ParseReport.TemplateCount t : r.topTemplates()) {
            sb.append(String.format(Locale.ROOT, "    %8d  %5.1f%%  %s%n", t.count(), 100.0 * t.count() / r.recordsParsed(), t.name()));
        }
        return sb.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
