package io.perfharness.loadtests.bench;

import io.perfharness.loadtests.schedule.SampleShopMix;
import java.util.Locale;
import java.util.Map;

/**
 * The request rate at which the generator keeps up with its schedule while the sample service runs
 * on the same machine: default shop mix, rates stepped up until a run is no longer valid (achieved
 * under 99% of intended, or start lag p99 over 50 ms). Run by {@code bench/generator-capacity.sh}.
 */
public final class GeneratorCapacityBench {
  private GeneratorCapacityBench() {}

  public static void main(String[] argv) throws Exception {
    BenchArgs args = new BenchArgs(argv, Map.of("rates", "50,100,200,300,400,600", "duration", "15s",
        "out", "runs/bench-generator-capacity"));
    double lastValid = 0;
    System.out.println("| rate asked /s | achieved | start lag p99 ms | generator CPU us/req | sample p50 ms | sample p99 ms | valid |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---|");
    for (String rate : args.get("rates").split(",")) {
      GeneratorRuns r = GeneratorRuns.run(Map.of("target", "sample", "events", "none", "warmup", "10s",
          "duration", args.get("duration"), "rate", rate.trim(), "label", "capacity-" + rate.trim(),
          "out", args.out().toString()), new SampleShopMix(), args.out());
      boolean valid = r.manifest().validForComparison();
      var latency = io.perfharness.core.latency.LatencySummaryJsonReader.read(
          args.out().resolve(r.manifest().runId()).resolve("latency/summary.json")).overall();
      System.out.printf(Locale.ROOT, "| %s | %.1f%% | %.1f | %.1f | %.2f | %.2f | %s |%n", rate.trim(),
          100 * r.achievedShare(), r.lagP99Millis(), r.cpuMicrosPerRequest(), latency.p50Micros() / 1000.0,
          latency.p99Micros() / 1000.0, valid ? "yes" : "no: " + String.join("; ", r.manifest().invalidReasons()));
      if (!valid) {
        break;
      }
      lastValid = Double.parseDouble(rate.trim());
    }
    System.out.printf(Locale.ROOT, "%nthe generator kept up (valid run) up to %.0f requests/s with the sample service on the same machine%n", lastValid);
  }
}
