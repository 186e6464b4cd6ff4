package io.perfharness.loadtests.accuracy;

import io.perfharness.core.config.ConfigException;
import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.RunConfigParser;
import io.perfharness.loadtests.groundtruth.GroundTruthServer;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.SingleRequestMix;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real harness (in-process Gatling) against a ground-truth server. */
final class GroundTruthRuns {
  private GroundTruthRuns() {}

  static RunOutcome run(GroundTruthServer server, Path out, String warmup, String duration, String rate, String label)
      throws ConfigException {
    RunConfig config = RunConfigParser.parse(Map.of(
        "target", "url:" + server.baseUrl(),
        "events", "none",
        "warmup", warmup,
        "duration", duration,
        "rate", rate,
        "label", label,
        "out", out.toString()), out);
    return RunLauncher.runInProcess(config, new SingleRequestMix("GET /work", "/work"), out.resolve("gatling-results"));
  }
}
