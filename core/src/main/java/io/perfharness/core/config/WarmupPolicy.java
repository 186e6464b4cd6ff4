package io.perfharness.core.config;

import java.time.Duration;
import java.util.Locale;

/**
 * How a run's warm-up ends ({@code perf.warmup}): after a fixed duration, or ({@code auto}) once the
 * target's JIT compilation and the request latency have settled, never before {@code floor} and never
 * after {@code cap}. Immutable.
 *
 * @param auto true: the run decides the warm-up's length from the target; false: it is {@code floor}
 * @param floor the shortest warm-up (for a fixed policy, the warm-up)
 * @param cap the longest warm-up (for a fixed policy, equal to {@code floor})
 */
public record WarmupPolicy(boolean auto, Duration floor, Duration cap) {
  public static final Duration DEFAULT_FLOOR = Duration.ofSeconds(10);
  public static final Duration DEFAULT_CAP = Duration.ofMinutes(3);

  public WarmupPolicy {
    if (floor.isNegative() || cap.compareTo(floor) < 0) {
      throw new IllegalArgumentException("a warm-up needs 0 <= floor <= cap but was " + floor + ".." + cap);
    }
  }

  public static WarmupPolicy fixed(Duration warmup) {
    return new WarmupPolicy(false, warmup, warmup);
  }

  public static WarmupPolicy auto(Duration floor, Duration cap) {
    return new WarmupPolicy(true, floor, cap);
  }

  /**
   * Parses {@code 10s} (fixed), {@code auto} (floor 10 s, cap 3 min) or {@code auto:FLOOR..CAP}.
   *
   * @throws IllegalArgumentException naming the value and the accepted forms
   */
  public static WarmupPolicy parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (!t.startsWith("auto")) {
      return fixed(DurationParser.parse(t));
    }
    if (t.equals("auto")) {
      return auto(DEFAULT_FLOOR, DEFAULT_CAP);
    }
    int range = t.indexOf("..");
    if (!t.startsWith("auto:") || range < 0) {
      throw new IllegalArgumentException("'" + text + "' is neither a duration nor auto; use e.g. 10s, auto or"
          + " auto:10s..3m");
    }
    Duration floor = DurationParser.parse(t.substring("auto:".length(), range));
    Duration cap = DurationParser.parse(t.substring(range + 2));
    if (cap.compareTo(floor) < 0) {
      throw new IllegalArgumentException("'" + text + "' has a cap below its floor; use auto:FLOOR..CAP, e.g."
          + " auto:10s..3m");
    }
    return auto(floor, cap);
  }

  /** The option's value that asks for this policy: {@code 10s}, {@code auto} or {@code auto:5s..1m}. */
  public String spec() {
    if (!auto) {
      return DurationParser.format(floor);
    }
    if (floor.equals(DEFAULT_FLOOR) && cap.equals(DEFAULT_CAP)) {
      return "auto";
    }
    return "auto:" + DurationParser.format(floor) + ".." + DurationParser.format(cap);
  }
}
