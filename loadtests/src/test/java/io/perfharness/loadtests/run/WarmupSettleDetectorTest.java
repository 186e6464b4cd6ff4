package io.perfharness.loadtests.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The settle rule on literal per-second series: no clock, no sleeping, no target. */
class WarmupSettleDetectorTest {
  private static final long SECOND = 1_000_000_000L;
  private static final WarmupSettleDetector.Rule RULE = WarmupSettleDetector.DEFAULT_RULE;

  /** One second: {@code requests} requests of {@code p50Micros} each. */
  private static WarmupSettleDetector.Sample second(int t, Double jitTotal, int requests, long p50Micros) {
    Histogram h = new Histogram(3);
    h.recordValueWithCount(p50Micros, requests);
    return new WarmupSettleDetector.Sample(t * SECOND, jitTotal, h);
  }

  /** Feeds seconds 1..n of a series; returns the first decision. */
  private static Optional<WarmupSettleDetector.Decision> feed(WarmupSettleDetector d, double[] jitTotals, long[] p50s) {
    for (int t = 0; t < p50s.length; t++) {
      Optional<WarmupSettleDetector.Decision> decision =
          d.offer(second(t + 1, jitTotals == null ? null : jitTotals[t], 50, p50s[t]));
      if (decision.isPresent()) {
        return decision;
      }
    }
    return Optional.empty();
  }

  private static double[] cumulative(double... perSecond) {
    double[] out = new double[perSecond.length];
    double sum = 0;
    for (int i = 0; i < perSecond.length; i++) {
      sum += perSecond[i];
      out[i] = sum;
    }
    return out;
  }

  private static long[] constant(int n, long value) {
    long[] out = new long[n];
    java.util.Arrays.fill(out, value);
    return out;
  }

  @Test
  void aQuietJitAndASteadyP50SettleAtTheFirstSecondAfterTheFloor() {
    // compile time per second: busy for 12 s, then 10 ms/s (1% of one core); p50 3 ms throughout
    double[] jit = cumulative(800, 700, 600, 500, 400, 300, 300, 200, 200, 150, 120, 300,
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
    WarmupSettleDetector d = new WarmupSettleDetector(RULE, 10 * SECOND, true);
    Optional<WarmupSettleDetector.Decision> decision = feed(d, jit, constant(jit.length, 3_000));
    assertThat(decision).isPresent();
    // the last 10 s must be quiet: seconds 13..22, so the rule first holds at t = 22
    assertThat(decision.get().evaluation().elapsedNanos()).isEqualTo(22 * SECOND);
    assertThat(decision.get().endedBy()).isEqualTo(WarmupSettleDetector.EndedBy.SETTLED);
    assertThat(decision.get().evaluation().jitMillisPerSec()).isEqualTo(10.0);
    assertThat(decision.get().evaluation().p50LastMicros()).isEqualTo(decision.get().evaluation().p50PreviousMicros());
  }

  @Test
  void compileTimeJustAboveTwoPercentOfOneCoreIsNotQuiet() {
    double[] jit = cumulative(constantDoubles(30, 21)); // 21 ms/s > 20 ms/s (2% of one core)
    WarmupSettleDetector d = new WarmupSettleDetector(RULE, 0, true);
    assertThat(feed(d, jit, constant(30, 3_000))).isEmpty();
    assertThat(d.lastEvaluation().jitQuiet()).isFalse();
    assertThat(d.lastEvaluation().latencySteady()).isTrue();
    double[] atLimit = cumulative(constantDoubles(30, 20));
    assertThat(feed(new WarmupSettleDetector(RULE, 0, true), atLimit, constant(30, 3_000))).isPresent();
  }

  @Test
  void aBurstOfCompilationInTheLastSpanRestartsTheWait() {
    double[] perSecond = constantDoubles(30, 5);
    perSecond[14] = 600; // a C2 burst at second 15
    WarmupSettleDetector d = new WarmupSettleDetector(RULE, 0, true);
    Optional<WarmupSettleDetector.Decision> decision = feed(d, cumulative(perSecond), constant(30, 3_000));
    // quiet from the start: decided at t = 11, before the burst (the rule needs 11 samples)
    assertThat(decision.get().evaluation().elapsedNanos()).isEqualTo(11 * SECOND);

    WarmupSettleDetector late = new WarmupSettleDetector(RULE, 13 * SECOND, true);
    Optional<WarmupSettleDetector.Decision> afterFloor = feed(late, cumulative(perSecond), constant(30, 3_000));
    // floor at 13 s: the rule held at t = 11 and 12 already, so the floor decided
    assertThat(afterFloor.get().evaluation().elapsedNanos()).isEqualTo(13 * SECOND);
    assertThat(afterFloor.get().endedBy()).isEqualTo(WarmupSettleDetector.EndedBy.FLOOR);

    WarmupSettleDetector burst = new WarmupSettleDetector(RULE, 15 * SECOND, true);
    Optional<WarmupSettleDetector.Decision> afterBurst = feed(burst, cumulative(perSecond), constant(30, 3_000));
    // the burst (second 15) is inside the last 10 s from t = 15 to t = 24: settled at t = 25
    assertThat(afterBurst.get().evaluation().elapsedNanos()).isEqualTo(25 * SECOND);
    assertThat(afterBurst.get().endedBy()).isEqualTo(WarmupSettleDetector.EndedBy.SETTLED);
  }

  @Test
  void aFallingP50IsNotSteadyUntilItLevelsOut() {
    // p50 falls 15% per 5 s until second 20, then stays at 2 ms
    long[] p50 = new long[40];
    for (int t = 0; t < p50.length; t++) {
      p50[t] = t < 20 ? Math.round(8_000 * Math.pow(0.85, t / 5)) : 2_000;
    }
    double[] jit = cumulative(constantDoubles(40, 0));
    WarmupSettleDetector d = new WarmupSettleDetector(RULE, 10 * SECOND, true);
    Optional<WarmupSettleDetector.Decision> decision = feed(d, jit, p50);
    // seconds 16..20 hold 8000*0.85^3 = 4913 us, from 21 on 2000 us: the span before has a 2 ms median once
    // three of its five seconds are at 2 ms (seconds 19..23, t = 28)
    assertThat(decision.get().evaluation().elapsedNanos()).isEqualTo(28 * SECOND);
    assertThat(decision.get().evaluation().p50LastMicros()).isEqualTo(2_000);
  }

  @Test
  void aSmallAbsoluteChangeOfAFastServiceCountsAsSteady() {
    // 300 us -> 450 us is +50%, but within the 200 us slack
    long[] p50 = new long[12];
    for (int t = 0; t < 12; t++) {
      p50[t] = t < 6 ? 300 : 450;
    }
    Optional<WarmupSettleDetector.Decision> decision =
        feed(new WarmupSettleDetector(RULE, 0, true), cumulative(constantDoubles(12, 0)), p50);
    assertThat(decision).isPresent();
    assertThat(decision.get().evaluation().latencySteady()).isTrue();
  }

  @Test
  void withoutJitFactsLatencyAloneDecides() {
    WarmupSettleDetector d = new WarmupSettleDetector(RULE, 10 * SECOND, false);
    Optional<WarmupSettleDetector.Decision> decision = feed(d, null, constant(20, 3_000));
    assertThat(decision.get().evaluation().elapsedNanos()).isEqualTo(11 * SECOND);
    assertThat(decision.get().evaluation().jitMillisPerSec()).isNull();
  }

  @Test
  void aFailedJmxSampleProvesNothing() {
    double[] jit = cumulative(constantDoubles(20, 0));
    WarmupSettleDetector d = new WarmupSettleDetector(RULE, 0, true);
    for (int t = 1; t <= 10; t++) {
      assertThat(d.offer(second(t, jit[t - 1], 50, 3_000))).isEmpty();
    }
    assertThat(d.offer(second(11, null, 50, 3_000))).isEmpty();
    assertThat(d.lastEvaluation().jitQuiet()).isFalse();
    assertThat(d.offer(second(12, jit[11], 50, 3_000))).isPresent();
  }

  @Test
  void tooFewRequestsSayNothingAboutLatency() {
    WarmupSettleDetector d = new WarmupSettleDetector(RULE, 0, false);
    for (int t = 1; t <= 30; t++) {
      assertThat(d.offer(second(t, null, 1, 3_000))).isEmpty(); // 5 requests per span, the rule wants 10
    }
    assertThat(d.lastEvaluation().requestsLast()).isEqualTo(5);
    assertThat(d.lastEvaluation().latencySteady()).isFalse();
  }

  @Test
  void theJitRateIsMeasuredOverTheSecondsThatReallyPassed() {
    // ticks arrive late (1.5 s apart): 25 ms per tick is 16.7 ms/s, under the limit of 20
    WarmupSettleDetector d = new WarmupSettleDetector(RULE, 0, true);
    Optional<WarmupSettleDetector.Decision> decision = Optional.empty();
    for (int i = 1; i <= 11 && decision.isEmpty(); i++) {
      Histogram h = new Histogram(3);
      h.recordValueWithCount(3_000, 50);
      decision = d.offer(new WarmupSettleDetector.Sample(i * 1_500_000_000L, 25.0 * i, h));
    }
    assertThat(decision).isPresent();
    assertThat(decision.get().evaluation().jitMillisPerSec()).isCloseTo(16.67, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void decidesOnlyOnce() {
    WarmupSettleDetector d = new WarmupSettleDetector(RULE, 0, false);
    int decisions = 0;
    for (int t = 1; t <= 30; t++) {
      decisions += d.offer(second(t, null, 50, 3_000)).isPresent() ? 1 : 0;
    }
    assertThat(decisions).isEqualTo(1);
  }

  @Test
  void aRuleWithNegativeThresholdsIsRefused() {
    assertThatThrownBy(() -> new WarmupSettleDetector.Rule(10, -0.01, 5, 0.1, 200, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no negative threshold");
  }

  private static double[] constantDoubles(int n, double value) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, value);
    return out;
  }
}
