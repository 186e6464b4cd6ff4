package io.perfharness.loadtests.shape;

import io.perfharness.loadtests.schedule.Arrival;
import io.perfharness.loadtests.schedule.ArrivalSchedule;
import io.perfharness.loadtests.schedule.RequestSpec;
import io.perfharness.loadtests.schedule.ScheduleIntent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a shape file and a mapping into the seeded open-model schedule of a run. Injection steps
 * stay 1 s long (sub-second Gatling steps broke injection): each second's expected arrivals are the
 * shape's arrivals over that second of replay time (looping when the run is longer than the shape).
 *
 * <ul>
 *   <li>{@code model}: per second a Poisson count with that mean (seeded);
 *   <li>{@code exact}: per second the shape's own count (cumulative rounding keeps the total exact);
 *       with second-resolution logs this is the log's exact arrivals per second, time-compressed.
 * </ul>
 *
 * In both modes each arrival's template is allocated from the active segment's mix by smooth
 * weighted round-robin (deterministic, so the replayed mix tracks the shape's mix within one
 * arrival per template instead of drifting like independent draws), and the request is the
 * template's route with its placeholders filled from a seeded random source. Immutable result.
 */
public final class ShapeReplay {
    private static final long MIX_STREAM = 0x5DEECE66DL;

    /** A planned replay: the schedule and the facts the manifest records. */
    public record Plan(ArrivalSchedule schedule, double rateFactor, int loops, double shapeSeconds,
            Map<String, String> routes, List<String> warnings) {}

    private ShapeReplay() {
    }

    /**
     * @param ratePerSec when positive, the curve is scaled so the measurement window's mean is this rate
     * @throws ShapeInputException when a template has no route, or the window has no arrivals at all
     * @throws IllegalArgumentException when the schedule would exceed {@code maxRequests}
     */
    public static Plan plan(ShapeFile shape, RouteMapping mapping, boolean exact, long seed, long warmupNanos,
            long durationNanos, double ratePerSec, long maxRequests) throws ShapeInputException {
        List<String> warnings = new ArrayList<>();
        List<ShapeFile.Template> templates = shape.templates();
        RouteMapping.Route[] routeOf = new RouteMapping.Route[templates.size()];
        List<String> unrouted = new ArrayList<>();
        Map<String, String> routes = new LinkedHashMap<>();
        for (ShapeFile.Template t : templates) {
            RouteMapping.Route r = mapping.routeFor(t.name());
            if (r == null) {
                unrouted.add(t.name());
            } else {
                routeOf[t.id()] = r;
                routes.put(t.name(), r.name());
            }
        }
        if (!unrouted.isEmpty()) {
            throw new ShapeInputException("mapping file " + mapping.file() + ": no route matches " + unrouted.size()
                    + " template(s) of the shape: " + String.join(", ", unrouted.subList(0, Math.min(10, unrouted.size())))
                    + (unrouted.size() > 10 ? ", ..." : "") + "; add routes (or a catch-all \"** /**\")");
        }
        for (RouteMapping.Route r : mapping.routes()) {
            if (templates.stream().noneMatch(t -> r.matches(t.name()))) {
                warnings.add("mapping file " + mapping.file() + " line " + r.line() + ": route '" + r.match()
                        + "' matches no template of the shape (unused)");
            }
        }

        ShapeFile.Curve curve = shape.curve();
        double replayBucketNanos = curve.bucketMillis() / curve.speed() * 1e6;
        long shapeNanos = curve.replayNanos();
        double[] cumulative = cumulativeArrivals(curve); // cumulative[i] = arrivals before replay bucket i
        long totalNanos = warmupNanos + durationNanos;
        int seconds = (int) ((totalNanos + ArrivalSchedule.BUCKET_NANOS - 1) / ArrivalSchedule.BUCKET_NANOS);
        double[] expected = new double[seconds];
        long[] lengths = new long[seconds];
        for (int s = 0; s < seconds; s++) {
            long start = s * ArrivalSchedule.BUCKET_NANOS;
            lengths[s] = Math.min(ArrivalSchedule.BUCKET_NANOS, totalNanos - start);
            expected[s] = arrivalsBetween(cumulative, replayBucketNanos, shapeNanos, start, start + lengths[s]) * curve.scale();
        }
        int loops = (int) ((totalNanos - 1) / shapeNanos) + 1;
        if (loops > 1) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "the run (%.1f s) is longer than the shape (%.1f s of replay): the shape was looped %d times",
                    totalNanos / 1e9, shapeNanos / 1e9, loops));
        }
        double windowExpected = 0;
        for (int s = 0; s < seconds; s++) {
            if (s * ArrivalSchedule.BUCKET_NANOS >= warmupNanos) {
                windowExpected += expected[s];
            }
        }
        if (windowExpected <= 0) {
            throw new ShapeInputException("shape has no arrivals in the measurement window (replay seconds "
                    + warmupNanos / 1_000_000_000L + " to " + totalNanos / 1_000_000_000L + "); lower -Dperf.warmup or use --max-gap");
        }
        double factor = 1;
        if (ratePerSec > 0) {
            factor = ratePerSec * (durationNanos / 1e9) / windowExpected;
            for (int s = 0; s < seconds; s++) {
                expected[s] *= factor;
            }
        }

        Random arrivalRandom = new Random(seed);
        Random mixRandom = new Random(seed ^ MIX_STREAM);
        double[] credit = new double[templates.size()];
        double[] shapeMix = new double[templates.size()];
        List<Arrival> arrivals = new ArrayList<>();
        List<ArrivalSchedule.Bucket> buckets = new ArrayList<>();
        List<Integer> templateOfArrival = new ArrayList<>();
        double cumulativeExpected = 0;
        long cumulativeCount = 0;
        for (int s = 0; s < seconds; s++) {
            long start = s * ArrivalSchedule.BUCKET_NANOS;
            int count;
            if (exact) {
                cumulativeExpected += expected[s];
                count = (int) (Math.round(cumulativeExpected) - cumulativeCount);
            } else {
                count = poisson(expected[s], arrivalRandom);
            }
            cumulativeCount += count;
            buckets.add(new ArrivalSchedule.Bucket(start, lengths[s], count));
            double[] weights = segmentWeights(shape, replayBucketNanos, shapeNanos, start + lengths[s] / 2);
            boolean inWindowBucket = start >= warmupNanos;
            if (inWindowBucket) {
                for (int k = 0; k < weights.length; k++) {
                    shapeMix[k] += weights[k] * expected[s];
                }
            }
            for (int i = 0; i < count; i++) {
                long offset = start + lengths[s] * i / count;
                if (arrivals.size() >= maxRequests) {
                    throw new IllegalArgumentException("the schedule needs more than `perf.maxRequests` = " + maxRequests
                            + " requests; lower the rate or the duration, or raise -Dperf.maxRequests");
                }
                int template = pick(weights, credit);
                RequestSpec request = routeOf[template].request(mixRandom);
                templateOfArrival.add(template);
                arrivals.add(new Arrival(arrivals.size(), offset, offset >= warmupNanos, request));
            }
        }
        double mixSum = Arrays.stream(shapeMix).sum();
        for (int k = 0; k < shapeMix.length; k++) {
            shapeMix[k] = mixSum > 0 ? shapeMix[k] / mixSum : 0;
        }
        ScheduleIntent intent = new ScheduleIntent(expected, templates.stream().map(ShapeFile.Template::name).toList(),
                templateOfArrival.stream().mapToInt(Integer::intValue).toArray(), shapeMix);
        ArrivalSchedule schedule = ArrivalSchedule.of(arrivals, buckets, warmupNanos, durationNanos, intent);
        return new Plan(schedule, factor, loops, shapeNanos / 1e9, routes, warnings);
    }

    /** cumulative[i]: raw log arrivals in buckets before i; length buckets + 1. */
    static double[] cumulativeArrivals(ShapeFile.Curve curve) {
        double[] perBucket = new double[(int) curve.buckets()];
        for (long[] pair : curve.counts()) {
            perBucket[(int) pair[0]] = pair[1];
        }
        double[] cumulative = new double[perBucket.length + 1];
        for (int i = 0; i < perBucket.length; i++) {
            cumulative[i + 1] = cumulative[i] + perBucket[i];
        }
        return cumulative;
    }

    /** Arrivals of the looping replay curve in [fromNanos, toNanos), arrivals spread evenly inside each bucket. */
    static double arrivalsBetween(double[] cumulative, double bucketNanos, long shapeNanos, long fromNanos, long toNanos) {
        return at(cumulative, bucketNanos, shapeNanos, toNanos) - at(cumulative, bucketNanos, shapeNanos, fromNanos);
    }

    private static double at(double[] cumulative, double bucketNanos, long shapeNanos, long tNanos) {
        int buckets = cumulative.length - 1;
        long loops = tNanos / shapeNanos;
        double within = (tNanos - loops * shapeNanos) / bucketNanos;
        int index = (int) Math.min(buckets, Math.floor(within));
        double fraction = index >= buckets ? 0 : within - index;
        double inBucket = index >= buckets ? 0 : (cumulative[index + 1] - cumulative[index]) * fraction;
        return loops * cumulative[buckets] + cumulative[index] + inBucket;
    }

    /** The normalized mix of the segment active at a replay time. */
    static double[] segmentWeights(ShapeFile shape, double bucketNanos, long shapeNanos, long tNanos) {
        long bucket = (long) (((tNanos % shapeNanos)) / bucketNanos);
        List<ShapeFile.Segment> segments = shape.segments();
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) { // last segment starting at or before the bucket
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).startBucket() <= bucket) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double[] w = new double[shape.templates().size()];
        double sum = 0;
        for (long[] pair : segments.get(lo).counts()) {
            w[(int) pair[0]] = pair[1];
            sum += pair[1];
        }
        for (int k = 0; k < w.length; k++) {
            w[k] /= sum;
        }
        return w;
    }

    /** Smooth weighted round-robin: credit every template its weight, pick the richest, charge it one. */
    static int pick(double[] weights, double[] credit) {
        int best = 0;
        for (int k = 0; k < weights.length; k++) {
            credit[k] += weights[k];
            if (credit[k] > credit[best]) {
                best = k;
            }
        }
        credit[best] -= 1;
        return best;
    }

    static int poisson(double mean, Random random) {
        int count = 0;
        double t = -Math.log(1 - random.nextDouble());
        while (t < mean) {
            count++;
            t += -Math.log(1 - random.nextDouble());
        }
        return count;
    }
}
