package io.perfharness.loadtests.groundtruth;

import io.perfharness.core.config.ConfigException;
import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.RunConfigParser;
import io.perfharness.core.latency.LatencyStats;
import io.perfharness.core.latency.LatencySummaryJsonReader;
import io.perfharness.core.latency.LatencyFormatException;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.SingleRequestMix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One accuracy experiment: a ground-truth server with a known service time, loaded by the real
 * harness (in-process Gatling, open model, constant rate), and the three views of its latency:
 * the server's own record, our HdrHistogram summary, Gatling's report.
 *
 * @param name short label of the scenario
 * @param serviceTime what each request costs on the server
 * @param stallAfterFirstRequest when the server freezes (null: never)
 * @param stallLength how long it freezes
 */
public record GroundTruthScenario(String name, GroundTruthServer.ServiceTime serviceTime, Duration stallAfterFirstRequest,
    Duration stallLength, double ratePerSec, Duration warmup, Duration duration) {

  /** What one scenario measured. */
  public record Result(String name, RunOutcome outcome, Histogram serverMicros, LatencyStats ours,
      GatlingReportNumbers gatling) {}

  public Result run(Path out) throws IOException, ConfigException, LatencyFormatException {
    try (GroundTruthServer server = new GroundTruthServer(serviceTime, stallAfterFirstRequest, stallLength)) {
      RunConfig config = RunConfigParser.parse(Map.of(
          "target", "url:" + server.baseUrl(),
          "events", "none",
          "shape", "steady",
          "warmup", warmup.toMillis() + "ms",
          "duration", duration.toMillis() + "ms",
          "rate", Double.toString(ratePerSec),
          "label", name,
          "out", out.toString()), out);
      RunOutcome outcome = RunLauncher.runInProcess(config, new SingleRequestMix("GET /work", "/work"),
          out.resolve("gatling-results"));
      Histogram truth = server.takeServiceTimes();
      LatencyStats ours = LatencySummaryJsonReader.read(outcome.directory().latencyDir().resolve("summary.json")).overall();
      Path report = outcome.directory().gatlingDir().resolve("index.html");
      GatlingReportNumbers gatling = Files.isRegularFile(report) ? GatlingReportNumbers.read(report) : null;
      return new Result(name, outcome, truth, ours, gatling);
    }
  }

  /** Analytic p-th percentile (0..100) of an open-model run at constant rate with one stall. */
  public static double stallPercentileMicros(double percentile, Duration stall, Duration window, double serviceMicros) {
    // a request arriving u into the stall waits (stall - u); P(latency - service > x) = (stall - x) / window
    double tailShare = 1 - percentile / 100;
    double waitMicros = stall.toNanos() / 1e3 - tailShare * window.toNanos() / 1e3;
    return Math.max(0, waitMicros) + serviceMicros;
  }
}
