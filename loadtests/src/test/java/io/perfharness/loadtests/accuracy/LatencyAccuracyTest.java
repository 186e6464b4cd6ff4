package io.perfharness.loadtests.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.latency.LatencyStats;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.groundtruth.GroundTruthScenario;
import io.perfharness.loadtests.groundtruth.GroundTruthServer.ServiceTime;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our latency numbers against a server whose service time we know. Bounds: within 10% of the
 * truth, plus the loopback round trip of this machine at the same percentile (measured by a
 * zero-cost run first). Generous, because these machines are 2 noisy shared cores; the exact
 * numbers side by side with Gatling's are printed by bench/latency-accuracy.sh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LatencyAccuracyTest {
  private static final Duration WARMUP = Duration.ofSeconds(3);
  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final double RATE = 100;

  @TempDir Path out;
  private LatencyStats roundTrip;

  @BeforeAll
  void measureRoundTrip(@TempDir Path rttOut) throws Exception {
    roundTrip = new GroundTruthScenario("rtt", ServiceTime.fixed(Duration.ZERO), null, Duration.ZERO, RATE, WARMUP, WINDOW)
        .run(rttOut).ours();
    System.out.println("loopback round trip (zero service time): " + roundTrip);
  }

  @Test
  void fixedTwoMillisecondService() throws Exception {
    GroundTruthScenario.Result r = new GroundTruthScenario("fixed2ms", ServiceTime.fixed(Duration.ofMillis(2)), null,
        Duration.ZERO, RATE, WARMUP, WINDOW).run(out);
    print(r);
    assertThat(r.outcome().status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertWithinTruth("p50", r.ours().p50Micros(), r.serverMicros().getValueAtPercentile(50), roundTrip.p50Micros());
    assertWithinTruth("p99", r.ours().p99Micros(), r.serverMicros().getValueAtPercentile(99), roundTrip.p99Micros());
    // p99.9 of the ~1000 window requests is the single slowest one: with a 2 ms truth it measures this
    // machine's worst hiccup in the window (a clean-clone CI run saw 20 ms against a 9.7 ms p99.9 of
    // the separate round-trip run), which no earlier run can bound. It must never read below the
    // truth (a coordinated-omission bias would); the tail's accuracy against a truth that dominates
    // the noise is pinned by the bimodal and the stall tests.
    assertThat((double) r.ours().p999Micros()).as("p99.9 not below the truth")
        .isGreaterThanOrEqualTo(0.9 * r.serverMicros().getValueAtPercentile(99.9));
  }

  @Test
  void bimodalService() throws Exception {
    GroundTruthScenario.Result r = new GroundTruthScenario("bimodal",
        ServiceTime.bimodal(Duration.ofMillis(1), Duration.ofMillis(50)), null, Duration.ZERO, RATE, WARMUP, WINDOW)
        .run(out);
    print(r);
    assertThat(r.outcome().status()).isEqualTo(RunManifest.Status.COMPLETE);
    // 99% x 1 ms, 1% x 50 ms: the median is the fast mode, p99.9 the slow one
    assertWithinTruth("p50", r.ours().p50Micros(), 1_000, roundTrip.p50Micros());
    assertWithinTruth("p99.9", r.ours().p999Micros(), 50_000, roundTrip.p999Micros());
    // with exactly 1% slow requests p99 sits on the boundary of the two modes: the 10th slowest of
    // ~1000 window requests is a slow one or the slowest fast one (whose own noise is the machine's),
    // so the truth at p99 is only the range between the modes; p50 and p99.9 above pin each mode
    assertThat((double) r.ours().p99Micros()).as("p99 between the modes")
        .isBetween(0.9 * 1_000, 1.1 * 50_000 + roundTrip.p99Micros());
  }

  @Test
  void aStallShowsInTheTailAsTheOpenModelPredicts() throws Exception {
    Duration window = Duration.ofSeconds(30);
    Duration stall = Duration.ofSeconds(2);
    // the stall starts 13 s into the window (the server counts from its first request, the start of warm-up)
    GroundTruthScenario.Result r = new GroundTruthScenario("stall", ServiceTime.fixed(Duration.ofMillis(1)),
        WARMUP.plusSeconds(13), stall, RATE, WARMUP, window).run(out);
    print(r);
    assertThat(r.outcome().status()).isEqualTo(RunManifest.Status.COMPLETE);
    double p99 = GroundTruthScenario.stallPercentileMicros(99, stall, window, 1_000);
    double p999 = GroundTruthScenario.stallPercentileMicros(99.9, stall, window, 1_000);
    System.out.printf("stall: analytic p99 %.0f us, p99.9 %.0f us%n", p99, p999);
    // a closed-model generator would wait out the stall with one request and report ~1 ms here
    assertWithinTruth("p99", r.ours().p99Micros(), p99, roundTrip.p99Micros());
    assertWithinTruth("p99.9", r.ours().p999Micros(), p999, roundTrip.p999Micros());
    assertWithinTruth("p50", r.ours().p50Micros(), 1_000, roundTrip.p50Micros());
  }

  private static void assertWithinTruth(String what, long oursMicros, double truthMicros, long roundTripMicros) {
    assertThat((double) oursMicros)
        .as("%s: ours %d us against truth %.0f us (+ round trip %d us)", what, oursMicros, truthMicros, roundTripMicros)
        .isBetween(0.9 * truthMicros, 1.1 * truthMicros + roundTripMicros);
  }

  private static void print(GroundTruthScenario.Result r) {
    System.out.printf("%s: server p50 %d p99 %d p99.9 %d us; ours %s; gatling %s; %s%n", r.name(),
        r.serverMicros().getValueAtPercentile(50), r.serverMicros().getValueAtPercentile(99),
        r.serverMicros().getValueAtPercentile(99.9), r.ours(), r.gatling(), r.outcome().directory().root());
  }
}
