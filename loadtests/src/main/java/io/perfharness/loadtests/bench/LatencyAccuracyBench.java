package io.perfharness.loadtests.bench;

import io.perfharness.core.latency.LatencyStats;
import io.perfharness.loadtests.groundtruth.GatlingReportNumbers;
import io.perfharness.loadtests.groundtruth.GroundTruthScenario;
import io.perfharness.loadtests.groundtruth.GroundTruthServer.ServiceTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints, side by side, the truth of a ground-truth server, our percentiles and Gatling's report
 * percentiles, for a zero-cost round trip, a fixed 2 ms service, a 99% x 1 ms / 1% x 50 ms service
 * and a 2 s stall in a 30 s window. Run by {@code bench/latency-accuracy.sh}.
 */
public final class LatencyAccuracyBench {
  private LatencyAccuracyBench() {}

  public static void main(String[] argv) throws Exception {
    BenchArgs args = new BenchArgs(argv, Map.of("rate", "100", "out", "runs/bench-latency-accuracy"));
    double rate = Double.parseDouble(args.get("rate"));
    Duration warmup = Duration.ofSeconds(3);
    Duration window = Duration.ofSeconds(10);
    Duration stallWindow = Duration.ofSeconds(30);
    List<GroundTruthScenario> scenarios = List.of(
        new GroundTruthScenario("rtt", ServiceTime.fixed(Duration.ZERO), null, Duration.ZERO, rate, warmup, window),
        new GroundTruthScenario("fixed2ms", ServiceTime.fixed(Duration.ofMillis(2)), null, Duration.ZERO, rate, warmup, window),
        new GroundTruthScenario("bimodal", ServiceTime.bimodal(Duration.ofMillis(1), Duration.ofMillis(50)), null,
            Duration.ZERO, rate, warmup, window),
        new GroundTruthScenario("stall", ServiceTime.fixed(Duration.ofMillis(1)), warmup.plusSeconds(13),
            Duration.ofSeconds(2), rate, warmup, stallWindow));
    List<String> rows = new ArrayList<>();
    for (GroundTruthScenario scenario : scenarios) {
      GroundTruthScenario.Result r = scenario.run(args.out());
      double[] truth = scenario.name().equals("stall")
          ? new double[] {1_000, GroundTruthScenario.stallPercentileMicros(99, Duration.ofSeconds(2), stallWindow, 1_000),
              GroundTruthScenario.stallPercentileMicros(99.9, Duration.ofSeconds(2), stallWindow, 1_000)}
          : new double[] {r.serverMicros().getValueAtPercentile(50), r.serverMicros().getValueAtPercentile(99),
              r.serverMicros().getValueAtPercentile(99.9)};
      LatencyStats ours = r.ours();
      GatlingReportNumbers g = r.gatling();
      rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", scenario.name(),
          ms(truth[0]), ms(ours.p50Micros()), g == null ? "-" : ms(g.p50Millis() * 1000),
          ms(truth[1]), ms(ours.p99Micros()), g == null ? "-" : ms(g.p99Millis() * 1000),
          ms(truth[2]), ms(ours.p999Micros()), r.outcome().directory().root().getFileName()));
    }
    System.out.printf(Locale.ROOT, "%nlatency accuracy at %.0f requests/s, open model (ms; truth = server's own record,"
        + " or the analytic open-model tail for the stall; Gatling has no p99.9)%n", rate);
    System.out.println("| scenario | truth p50 | ours p50 | Gatling p50 | truth p99 | ours p99 | Gatling p99 | truth p99.9 | ours p99.9 | run |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    rows.forEach(System.out::println);
  }

  private static String ms(double micros) {
    return String.format(Locale.ROOT, "%.3f", micros / 1000);
  }
}
