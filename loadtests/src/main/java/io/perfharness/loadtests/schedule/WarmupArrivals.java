package io.perfharness.loadtests.schedule;

import java.util.Random;

/**
 * The arrivals of an automatic warm-up, drawn on demand because the warm-up's length is decided
 * while it runs: per 1 s bucket a seeded Poisson count with the curve's mean, spread evenly inside the
 * bucket, each with a request from the mix, exactly as {@link ArrivalSchedule} places them, from
 * their own random streams (so the measurement window's schedule does not depend on how long the
 * warm-up lasted). Mutable, not thread-safe.
 */
public final class WarmupArrivals {
  private static final long WARMUP_STREAM = 0x3C6EF372FE94F82BL;
  private static final long MIX_STREAM = 0x5DEECE66DL;

  private final ShapeCurve curve;
  private final RequestMix mix;
  private final Random arrivalRandom;
  private final Random mixRandom;
  private long bucketStartNanos = -ArrivalSchedule.BUCKET_NANOS;
  private long bucketLengthNanos;
  private int bucketCount;
  private int nextInBucket;
  private long seq;

  public WarmupArrivals(ShapeCurve curve, long seed, RequestMix mix) {
    this.curve = curve;
    this.mix = mix;
    this.arrivalRandom = new Random(seed ^ WARMUP_STREAM);
    this.mixRandom = new Random(seed ^ WARMUP_STREAM ^ MIX_STREAM);
  }

  /** The next arrival (never in the measurement window), or null once the curve (the cap) is over. */
  public Arrival next() {
    while (nextInBucket >= bucketCount) {
      bucketStartNanos += ArrivalSchedule.BUCKET_NANOS;
      if (bucketStartNanos >= curve.totalNanos()) {
        bucketStartNanos = curve.totalNanos(); // stays over
        bucketCount = 0;
        return null;
      }
      bucketLengthNanos = Math.min(ArrivalSchedule.BUCKET_NANOS, curve.totalNanos() - bucketStartNanos);
      bucketCount = ArrivalSchedule.poisson(curve.expectedArrivals(bucketStartNanos, bucketLengthNanos), arrivalRandom);
      nextInBucket = 0;
    }
    long offset = bucketStartNanos + bucketLengthNanos * nextInBucket / bucketCount;
    nextInBucket++;
    return new Arrival(seq++, offset, false, mix.next(mixRandom));
  }

  /** Arrivals handed out so far. */
  public long count() {
    return seq;
  }
}
