package io.perfharness.loadtests.run;

import java.nio.file.Path;

/** Starts Gatling in this JVM on the default simulation, the way its own launcher would. */
final class GatlingInvoker {
  private GatlingInvoker() {}

  static int run(Path resultsFolder) {
    return io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
      "-s", "io.perfharness.loadtests.simulation.PerfRunSimulation",
      "-rf", resultsFolder.toString(),
      "-rd", "perf-harness run"
    });
  }
}
