package io.perfharness.loadtests.bench;

import io.perfharness.loadtests.groundtruth.GroundTruthServer;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.schedule.SingleRequestMix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What our per-request timing and HdrHistogram recording cost the generator, against plain Gatling
 * sending the same seeded schedule: generator CPU per request, side by side in one invocation,
 * runs interleaved A B B A so drift hits both sides. The target is a ground-truth server in its own
 * process (1 ms service), so the generator's CPU is the generator's alone. Run by
 * {@code bench/recording-overhead.sh}.
 */
public final class RecordingOverheadBench {
  private RecordingOverheadBench() {}

  public static void main(String[] argv) throws Exception {
    BenchArgs args = new BenchArgs(argv, Map.of("rate", "200", "pairs", "2", "duration", "20s", "out", "runs/bench-recording-overhead"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String target = "cmd:" + java + " -cp " + System.getProperty("java.class.path") + " "
        + GroundTruthServer.class.getName() + " --port={port} --service-ms=1";
    List<Double> recorded = new ArrayList<>();
    List<Double> plain = new ArrayList<>();
    int pairs = args.integer("pairs");
    // run -1 warms this JVM (JIT, Gatling, Netty) and is discarded: otherwise the first side pays it
    for (int i = -1; i < 2 * pairs; i++) {
      boolean record = i < 0 || i % 4 == 0 || i % 4 == 3; // (warm-up) A B B A
      RunLauncher.disableRecordingForBenchmark(!record);
      try {
        GeneratorRuns r = GeneratorRuns.run(Map.of("target", target, "events", "none", "warmup", "5s",
            "duration", args.get("duration"), "rate", args.get("rate"), "label", record ? "recorded" : "plain",
            "out", args.out().toString()), new SingleRequestMix("GET /work", "/work"), args.out());
        if (i >= 0) {
          (record ? recorded : plain).add(r.cpuMicrosPerRequest());
        }
        System.out.printf(Locale.ROOT, "%-8s generator CPU %.1f us/request, achieved %.1f%%, start lag p99 %.1f ms%n",
            i < 0 ? "warm-up" : record ? "recorded" : "plain", r.cpuMicrosPerRequest(), 100 * r.achievedShare(),
            r.lagP99Millis());
      } finally {
        RunLauncher.disableRecordingForBenchmark(false);
      }
    }
    double a = median(recorded);
    double b = median(plain);
    System.out.printf(Locale.ROOT, "%nrecording overhead at %s requests/s: generator CPU per request, median of %d runs each:"
        + " recorded %.1f us, plain Gatling %.1f us, ratio %.3f (runs: recorded %s, plain %s)%n",
        args.get("rate"), pairs, a, b, a / b, recorded, plain);
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

}
