package io.perfharness.loadtests.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seeded open-model schedule of a run: for each 1 s bucket a Poisson-distributed number of
 * arrivals with the curve's mean, spread evenly inside the bucket (which is how the injector
 * places them), and for each arrival a request drawn from the mix. The same seed, curve and mix
 * always give the same schedule; the mix uses its own random stream, so the request sequence does
 * not change with the rate. Immutable.
 */
public final class ArrivalSchedule {
  public static final long BUCKET_NANOS = 1_000_000_000L;
  private static final long MIX_STREAM = 0x5DEECE66DL;

  private final List<Arrival> arrivals;
  private final List<Bucket> buckets;
  private final long warmupNanos;
  private final long durationNanos;
  private final ScheduleIntent intent;
  private final AchievedArrivals achieved;

  /** One injection step: {@code count} arrivals spread evenly over {@code lengthNanos}. */
  public record Bucket(long startNanos, long lengthNanos, int count) {}

  private ArrivalSchedule(List<Arrival> arrivals, List<Bucket> buckets, long warmupNanos, long durationNanos,
      ScheduleIntent intent) {
    this.arrivals = Collections.unmodifiableList(arrivals);
    this.buckets = Collections.unmodifiableList(buckets);
    this.warmupNanos = warmupNanos;
    this.durationNanos = durationNanos;
    this.intent = intent;
    this.achieved = new AchievedArrivals(arrivals.size(), intent.templates().size(), intent.templateOfArrival());
  }

  /**
   * A schedule built elsewhere (shape-file replays): buckets of at most 1 s in order, arrivals in
   * order of their offsets, and what they were meant to follow.
   */
  public static ArrivalSchedule of(List<Arrival> arrivals, List<Bucket> buckets, long warmupNanos, long durationNanos,
      ScheduleIntent intent) {
    return new ArrivalSchedule(new ArrayList<>(arrivals), new ArrayList<>(buckets), warmupNanos, durationNanos, intent);
  }

  /**
   * @throws IllegalArgumentException when the schedule would exceed {@code maxRequests}
   */
  public static ArrivalSchedule generate(ShapeCurve curve, long seed, RequestMix mix, long maxRequests) {
    Random arrivalRandom = new Random(seed);
    Random mixRandom = new Random(seed ^ MIX_STREAM);
    List<Arrival> arrivals = new ArrayList<>();
    List<Bucket> buckets = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    List<String> names = new ArrayList<>(mix.requestNames());
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      ids.put(names.get(i), i);
    }
    List<Integer> templateOfArrival = new ArrayList<>();
    long total = curve.totalNanos();
    for (long start = 0; start < total; start += BUCKET_NANOS) {
      long length = Math.min(BUCKET_NANOS, total - start);
      double mean = curve.expectedArrivals(start, length);
      expected.add(mean);
      int count = poisson(mean, arrivalRandom);
      buckets.add(new Bucket(start, length, count));
      for (int i = 0; i < count; i++) {
        long offset = start + length * i / count;
        if (arrivals.size() >= maxRequests) {
          throw new IllegalArgumentException("the schedule needs more than `perf.maxRequests` = " + maxRequests
              + " requests; lower the rate or the duration, or raise -Dperf.maxRequests");
        }
        boolean inWindow = offset >= curve.warmupNanos();
        RequestSpec request = mix.next(mixRandom);
        Integer id = ids.get(request.name());
        if (id == null) {
          id = names.size();
          names.add(request.name());
          ids.put(request.name(), id);
        }
        templateOfArrival.add(id);
        arrivals.add(new Arrival(arrivals.size(), offset, inWindow, request));
      }
    }
    double[] shapeMix = null;
    Map<String, Double> weights = mix.weights();
    if (!weights.isEmpty()) {
      shapeMix = new double[names.size()];
      double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
      for (int i = 0; i < names.size(); i++) {
        shapeMix[i] = weights.getOrDefault(names.get(i), 0.0) / sum;
      }
    }
    ScheduleIntent intent = new ScheduleIntent(expected.stream().mapToDouble(Double::doubleValue).toArray(),
        List.copyOf(names), templateOfArrival.stream().mapToInt(Integer::intValue).toArray(), shapeMix);
    return new ArrivalSchedule(arrivals, buckets, curve.warmupNanos(), curve.durationNanos(), intent);
  }

  /** Counts events of a unit-rate Poisson process up to {@code mean}: exact, O(mean). */
  static int poisson(double mean, Random random) {
    int count = 0;
    double t = -Math.log(1 - random.nextDouble());
    while (t < mean) {
      count++;
      t += -Math.log(1 - random.nextDouble());
    }
    return count;
  }

  public List<Arrival> arrivals() {
    return arrivals;
  }

  public List<Bucket> buckets() {
    return buckets;
  }

  public long warmupNanos() {
    return warmupNanos;
  }

  public long durationNanos() {
    return durationNanos;
  }

  /** What the schedule was meant to follow (for the fidelity report). */
  public ScheduleIntent intent() {
    return intent;
  }

  /** The arrivals that really happened, filled in by the simulation as users start. */
  public AchievedArrivals achieved() {
    return achieved;
  }

  public long countInWindow() {
    return arrivals.stream().filter(Arrival::inMeasurementWindow).count();
  }
}
