package io.perfharness.loadtests.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Decides when an automatic warm-up ({@code perf.warmup=auto}) has settled, from one sample per
 * second: the target's accumulated JIT compile time and the latency of the requests that completed in
 * that second. Settled means: over the last {@code jitSpanSamples} seconds (10) the compile time grew by
 * at most {@code maxJitShareOfOneCore} of the wall time, and the p50 latency of the last {@code
 * latencySpanSamples} seconds (5) is within {@code p50Tolerance} (or {@code p50SlackMicros}) of the p50
 * of the 5 s before; never before the floor. Without JIT facts (a {@code url:} target we cannot reach
 * over JMX) it judges latency only. Pure: time arrives with the samples. Mutable; one caller.
 */
public final class WarmupSettleDetector {

  /**
   * The thresholds.
   *
   * @param jitSpanSamples samples (seconds) over which the compile time must stay quiet
   * @param maxJitShareOfOneCore compile time over wall time allowed in that span (0.02 = 20 ms per s)
   * @param latencySpanSamples samples (seconds) per compared latency span
   * @param p50Tolerance relative change of the p50 allowed between the two spans
   * @param p50SlackMicros absolute change of the p50 always allowed (fast services: 10% of 1 ms is noise)
   * @param minRequestsPerSpan fewer requests in a span say nothing about its latency
   */
  public record Rule(int jitSpanSamples, double maxJitShareOfOneCore, int latencySpanSamples, double p50Tolerance,
      long p50SlackMicros, long minRequestsPerSpan) {
    public Rule {
      if (jitSpanSamples < 1 || latencySpanSamples < 1 || maxJitShareOfOneCore < 0 || p50Tolerance < 0
          || p50SlackMicros < 0) {
        throw new IllegalArgumentException("a settle rule needs spans of at least 1 sample and no negative"
            + " threshold but was " + jitSpanSamples + " and " + latencySpanSamples + " samples, "
            + maxJitShareOfOneCore + ", " + p50Tolerance + ", " + p50SlackMicros);
      }
    }

    /** Samples the rule looks at: the JIT span and its starting point, two latency spans. */
    int window() {
      return Math.max(jitSpanSamples + 1, 2 * latencySpanSamples);
    }
  }

  /**
   * What {@code perf.warmup=auto} uses, tuned on the sample service (docs/run-directory.md): JIT quiet
   * (at most 20 ms of compilation per second) over 10 s, p50 within 10% or 0.2 ms between two 5 s spans.
   */
  public static final Rule DEFAULT_RULE = new Rule(10, 0.02, 5, 0.10, 200, 10);

  /**
   * One second of the warm-up.
   *
   * @param elapsedNanos monotonic time since the load started
   * @param jitCompileMillisTotal the target's accumulated JIT compile time, or null when it could not be read
   * @param latencyMicros latency of the requests that completed since the previous sample
   */
  public record Sample(long elapsedNanos, Double jitCompileMillisTotal, Histogram latencyMicros) {}

  /**
   * The rule applied at one sample.
   *
   * @param jitMillisPerSec compile time per wall second over the JIT span (1000 = one core), null without JIT facts
   * @param p50LastMicros p50 of the last span's requests
   * @param p50PreviousMicros p50 of the span before
   */
  public record Evaluation(long elapsedNanos, Double jitMillisPerSec, long p50LastMicros, long p50PreviousMicros,
      long requestsLast, long requestsPrevious, boolean jitQuiet, boolean latencySteady) {
    public boolean settled() {
      return jitQuiet && latencySteady;
    }
  }

  /** How the warm-up may end by the detector's word. */
  public enum EndedBy {
    /** The rule held at or after the floor, and had not held just before it. */
    SETTLED,
    /** The rule already held before the floor: the floor decided the length. */
    FLOOR
  }

  /** The detector's decision: the warm-up is over. */
  public record Decision(EndedBy endedBy, Evaluation evaluation) {}

  private final Rule rule;
  private final long floorNanos;
  private final boolean jitKnown;
  private final List<Sample> samples = new ArrayList<>();
  private Evaluation last;
  private boolean heldBeforeFloor;
  private Decision decision;

  /**
   * @param jitKnown whether the samples carry the target's JIT compile time; false: latency only
   */
  public WarmupSettleDetector(Rule rule, long floorNanos, boolean jitKnown) {
    this.rule = rule;
    this.floorNanos = floorNanos;
    this.jitKnown = jitKnown;
  }

  /** Takes the next second; returns the decision once (at the first settled sample at or after the floor). */
  public Optional<Decision> offer(Sample sample) {
    if (decision != null) {
      return Optional.empty();
    }
    samples.add(sample);
    if (samples.size() > rule.window()) {
      samples.remove(0);
    }
    if (samples.size() < rule.window()) {
      return Optional.empty();
    }
    last = evaluate();
    if (sample.elapsedNanos() < floorNanos) {
      heldBeforeFloor = last.settled();
      return Optional.empty();
    }
    if (!last.settled()) {
      heldBeforeFloor = false;
      return Optional.empty();
    }
    decision = new Decision(heldBeforeFloor ? EndedBy.FLOOR : EndedBy.SETTLED, last);
    return Optional.of(decision);
  }

  /** The rule at the latest sample with enough history, or null before that (the numbers of a cap). */
  public Evaluation lastEvaluation() {
    return last;
  }

  public boolean jitKnown() {
    return jitKnown;
  }

  public Rule rule() {
    return rule;
  }

  /**
   * samples: {@link Rule#window()}, oldest first. A span's latency is that of its samples; the compile time of
   * the JIT span is the growth since the sample just before it (so each covers whole seconds).
   */
  private Evaluation evaluate() {
    int n = samples.size() - 1;
    Sample now = samples.get(n);
    Sample spanStart = samples.get(n - rule.jitSpanSamples());
    Double jitPerSec = null;
    boolean jitQuiet = true;
    if (jitKnown) {
      double wallMillis = (now.elapsedNanos() - spanStart.elapsedNanos()) / 1e6;
      if (now.jitCompileMillisTotal() == null || spanStart.jitCompileMillisTotal() == null || wallMillis <= 0) {
        jitQuiet = false; // a failed JMX sample proves nothing
      } else {
        double grown = now.jitCompileMillisTotal() - spanStart.jitCompileMillisTotal();
        jitPerSec = grown / wallMillis * 1000;
        jitQuiet = grown <= rule.maxJitShareOfOneCore() * wallMillis;
      }
    }
    int span = rule.latencySpanSamples();
    Histogram lastSpan = merge(n - span + 1, n);
    Histogram previousSpan = merge(n - 2 * span + 1, n - span);
    long p50Last = lastSpan.getTotalCount() == 0 ? 0 : lastSpan.getValueAtPercentile(50);
    long p50Previous = previousSpan.getTotalCount() == 0 ? 0 : previousSpan.getValueAtPercentile(50);
    boolean enough = lastSpan.getTotalCount() >= rule.minRequestsPerSpan()
        && previousSpan.getTotalCount() >= rule.minRequestsPerSpan();
    long allowed = Math.max(Math.round(rule.p50Tolerance() * p50Previous), rule.p50SlackMicros());
    boolean steady = enough && Math.abs(p50Last - p50Previous) <= allowed;
    return new Evaluation(now.elapsedNanos(), jitPerSec, p50Last, p50Previous, lastSpan.getTotalCount(),
        previousSpan.getTotalCount(), jitQuiet, steady);
  }

  private Histogram merge(int from, int to) {
    Histogram sum = new Histogram(3);
    for (int i = from; i <= to; i++) {
      Histogram h = samples.get(i).latencyMicros();
      if (h != null) {
        sum.add(h);
      }
    }
    return sum;
  }
}
