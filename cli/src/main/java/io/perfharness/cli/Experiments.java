package io.perfharness.cli;

import io.perfharness.loadtests.experiment.ExperimentRunner;
import io.perfharness.loadtests.launch.RunLauncherPaths;
import io.perfharness.loadtests.run.RunLauncher;
import java.nio.file.Path;
import java.time.Clock;

/** The experiment runner the CLI uses: every run in this JVM through {@link RunLauncher#runInProcess}. */
final class Experiments {
  private Experiments() {}

  static ExperimentRunner runner() {
    Path gatlingResults = RunCommand.gatlingResults(RunLauncherPaths.home());
    return new ExperimentRunner(config -> RunLauncher.runInProcess(config, null, gatlingResults), Clock.systemUTC(),
        System.out);
  }
}
