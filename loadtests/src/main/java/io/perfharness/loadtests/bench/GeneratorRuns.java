package io.perfharness.loadtests.bench;

import io.perfharness.core.config.RunConfigParser;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.RequestMix;
import java.nio.file.Path;
import java.util.Map;

/** One bench run and what it says about the generator. */
record GeneratorRuns(RunManifest manifest) {

  static GeneratorRuns run(Map<String, String> options, RequestMix mix, Path out) throws Exception {
    RunOutcome outcome = RunLauncher.runInProcess(RunConfigParser.parse(options, out), mix, out.resolve("gatling-results"));
    return new GeneratorRuns(outcome.directory().readManifest());
  }

  /** Generator CPU per started request of the window, in microseconds. */
  double cpuMicrosPerRequest() {
    RunManifest.Load load = manifest.load();
    RunManifest.Generator g = load.generator();
    double cpuSeconds = g.cpuShareOfMachine() * g.availableProcessors() * manifest.windows().durationMillis() / 1000.0;
    return cpuSeconds * 1e6 / Math.max(1, load.requestsStartedInWindow());
  }

  double achievedShare() {
    RunManifest.Load load = manifest.load();
    return load.rateAchievedPerSec() / load.rateIntendedPerSec();
  }

  double lagP99Millis() {
    return manifest.load().generator().lagP99Micros() / 1000.0;
  }
}
