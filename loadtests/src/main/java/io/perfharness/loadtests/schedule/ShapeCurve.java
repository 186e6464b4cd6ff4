package io.perfharness.loadtests.schedule;

import java.time.Duration;

/**
 * A named arrival-rate curve over the whole run (warm-up then measurement), in requests per second
 * at a point in time; {@code rate} is {@code perf.rate}. Immutable. Defaults of duration and
 * rate that a shape changes are applied by the config parser (see docs/shape-file.md).
 *
 * <ul>
 *   <li>{@code steady}: the rate throughout, warm-up included;
 *   <li>{@code ramp}: the warm-up climbs linearly from 10% to 100% of the rate, the measurement
 *       window is steady;
 *   <li>{@code spike}: steady, with three times the rate for 5 s (or a sixth of the window if
 *       shorter) in the middle of the measurement window;
 *   <li>{@code smoke}: steady (a short, low-rate check: 5/s, 2 s warm-up, 10 s window unless given);
 *   <li>{@code steps}: stress in stairs: the window in 5 equal steps at 20, 40, 60, 80 and 100% of
 *       the rate, the warm-up at 20%;
 *   <li>{@code diurnal}: a day compressed into the window: {@code rate * (1 - 0.8 cos(2 pi f))}
 *       for the window fraction {@code f}, night (20%) at both ends, noon (180%) in the middle, mean
 *       = the rate; the warm-up at night level;
 *   <li>{@code soak}: steady for long (30 min window unless given), for leak tracking.
 * </ul>
 */
public record ShapeCurve(String name, double ratePerSec, long warmupNanos, long durationNanos) {

  public static ShapeCurve of(String name, double ratePerSec, Duration warmup, Duration duration) {
    return new ShapeCurve(name, ratePerSec, warmup.toNanos(), duration.toNanos());
  }

  /**
   * The warm-up of an automatic warm-up ({@code perf.warmup=auto}), up to its cap: each shape's warm-up
   * level ({@code ramp} climbs over the floor, then holds the rate; {@code steps} and {@code diurnal} stay
   * at 20%; the others hold the rate). Its window is played separately, relative to its own start.
   */
  public static ShapeCurve autoWarmup(String name, double ratePerSec, Duration floor, Duration cap) {
    if (name.equals("ramp")) { // climbs over the floor, then the window's rate until the warm-up ends
      return new ShapeCurve(name, ratePerSec, floor.toNanos(), cap.minus(floor).toNanos());
    }
    return new ShapeCurve(name, ratePerSec, cap.toNanos(), 0); // all warm-up: no spike, steps or day in it
  }

  /** The highest rate of the curve over {@code [0, totalNanos())}, sampled per 100 ms. */
  public double peakRatePerSec() {
    double peak = 0;
    for (long t = 0; t < Math.max(1, totalNanos()); t += 100_000_000L) {
      peak = Math.max(peak, ratePerSecAt(t));
    }
    return peak;
  }

  public double ratePerSecAt(long offsetNanos) {
    return switch (name) {
      case "steady", "smoke", "soak" -> ratePerSec;
      case "ramp" -> offsetNanos >= warmupNanos || warmupNanos == 0
          ? ratePerSec
          : ratePerSec * (0.1 + 0.9 * offsetNanos / (double) warmupNanos);
      case "spike" -> {
        long spikeNanos = Math.min(5_000_000_000L, durationNanos / 6);
        long spikeStart = warmupNanos + durationNanos / 2 - spikeNanos / 2;
        yield offsetNanos >= spikeStart && offsetNanos < spikeStart + spikeNanos ? 3 * ratePerSec : ratePerSec;
      }
      case "steps" -> {
        if (offsetNanos < warmupNanos) {
          yield 0.2 * ratePerSec;
        }
        int step = (int) Math.min(4, 5 * (offsetNanos - warmupNanos) / Math.max(1, durationNanos));
        yield ratePerSec * 0.2 * (step + 1);
      }
      case "diurnal" -> {
        if (offsetNanos < warmupNanos) {
          yield 0.2 * ratePerSec;
        }
        double f = (offsetNanos - warmupNanos) / (double) Math.max(1, durationNanos);
        yield ratePerSec * (1 - 0.8 * Math.cos(2 * Math.PI * f));
      }
      default -> throw new IllegalArgumentException("'" + name + "' is not a shape; known: steady, ramp, spike, smoke,"
          + " steps, diurnal, soak, or a shape file");
    };
  }

  /** The mean arrivals in {@code [startNanos, startNanos + lengthNanos)}, taken at the midpoint. */
  public double expectedArrivals(long startNanos, long lengthNanos) {
    return ratePerSecAt(startNanos + lengthNanos / 2) * lengthNanos / 1e9;
  }

  public long totalNanos() {
    return warmupNanos + durationNanos;
  }
}
