package io.perfharness.loadtests.schedule;

import java.time.Duration;

/**
 * A named arrival-rate curve over the whole run (warm-up then measurement), in requests per second
 * at a point in time. Immutable.
 *
 * <ul>
 *   <li>{@code steady}: the rate throughout, warm-up included;
 *   <li>{@code ramp}: the warm-up climbs linearly from 10% to 100% of the rate, the measurement
 *       window is steady;
 *   <li>{@code spike}: steady, with three times the rate for 5 s (or a sixth of the window if
 *       shorter) in the middle of the measurement window.
 * </ul>
 */
public record ShapeCurve(String name, double ratePerSec, long warmupNanos, long durationNanos) {

  public static ShapeCurve of(String name, double ratePerSec, Duration warmup, Duration duration) {
    return new ShapeCurve(name, ratePerSec, warmup.toNanos(), duration.toNanos());
  }

  public double ratePerSecAt(long offsetNanos) {
    return switch (name) {
      case "steady" -> ratePerSec;
      case "ramp" -> offsetNanos >= warmupNanos || warmupNanos == 0
          ? ratePerSec
          : ratePerSec * (0.1 + 0.9 * offsetNanos / (double) warmupNanos);
      case "spike" -> {
        long spikeNanos = Math.min(5_000_000_000L, durationNanos / 6);
        long spikeStart = warmupNanos + durationNanos / 2 - spikeNanos / 2;
        yield offsetNanos >= spikeStart && offsetNanos < spikeStart + spikeNanos ? 3 * ratePerSec : ratePerSec;
      }
      default -> throw new IllegalArgumentException("'" + name + "' is not a shape; known: steady, ramp, spike");
    };
  }

  public long totalNanos() {
    return warmupNanos + durationNanos;
  }
}
