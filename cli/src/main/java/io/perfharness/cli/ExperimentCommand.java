package io.perfharness.cli;

import io.perfharness.core.config.ConfigException;
import io.perfharness.loadtests.experiment.ExperimentRunner;
import io.perfharness.loadtests.launch.RunLauncherPaths;
import io.perfharness.reports.compare.CompareOptions;
import io.perfharness.reports.compare.ComparisonInputException;
import io.perfharness.reports.compare.ComparisonModel;
import io.perfharness.reports.compare.ComparisonReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perf experiment}: baseline and candidate N times each, interleaved, then compared. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = "Run baseline and candidate N times each (ABBA order, a fresh target JVM per run, the same seeded "
        + "arrivals), then compare them. Writes runs/experiments/<id>/.")
final class ExperimentCommand implements Callable<Integer> {
  @Option(names = "--baseline", required = true, paramLabel = "TARGET", description = "target spec of the baseline, e.g. sample:fault=cpu-regex")
  String baseline;

  @Option(names = "--candidate", required = true, paramLabel = "TARGET", description = "target spec of the candidate, e.g. sample")
  String candidate;

  @Option(names = "--runs", paramLabel = "N", description = "runs per side (default: 5; verdicts need at least 4, Holm over 4 gated metrics needs 5)")
  int runs = 5;

  @Option(names = "--retries", paramLabel = "N",
      description = "run a slot again when its run came out not valid for comparison, up to N times (default: 1); the invalid run is kept and listed")
  int retries = ExperimentRunner.DEFAULT_RETRIES_OF_INVALID_RUNS;

  @Option(names = "--label", description = "ends the experiment's folder name (default: experiment)")
  String label;

  @Option(names = "--out", description = "folder that receives experiments/<id>/ (default: runs)")
  Path out;

  @Mixin
  LoadFlags load;

  @Mixin
  CompareFlags compareFlags;

  @Override
  public Integer call() {
    return run("experiment", label, baseline, candidate, runs, retries, out, load, compareFlags);
  }

  static int run(String kind, String label, String baseline, String candidate, int runs, int retries, Path out,
                 LoadFlags load, CompareFlags compareFlags) {
    Path home = RunLauncherPaths.home();
    Path outRoot = out != null ? out.toAbsolutePath() : home.resolve("runs");
    CompareOptions options;
    try {
      options = compareFlags.options(home, System.err);
    } catch (ComparisonInputException e) {
      System.err.println("perf " + kind + ": " + e.getMessage());
      return PerfMain.EXIT_BAD_INPUT;
    }
    ExperimentRunner.Result result;
    try {
      result = Experiments.runner().run(new ExperimentRunner.Request(kind, label, baseline, candidate, runs,
          load.keys(), outRoot, retries), home);
    } catch (ConfigException e) {
      System.err.println("perf " + kind + ": bad options, nothing was started:");
      e.problems().forEach(p -> System.err.println("  " + RunCommand.asFlags(p)));
      return PerfMain.EXIT_BAD_INPUT;
    } catch (IllegalArgumentException e) {
      System.err.println("perf " + kind + ": " + e.getMessage());
      return PerfMain.EXIT_BAD_INPUT;
    } catch (IOException e) {
      System.err.println("perf " + kind + ": cannot write under " + outRoot + ": " + e.getMessage());
      return 3;
    }
    try {
      ComparisonModel model = ComparisonReport.compareAndWrite(result.baselineDir(), result.candidateDir(),
          result.directory(), options, System.out);
      if (CompareFlags.nothingComparable(model, "perf " + kind)) {
        return 3;
      }
      if (result.stoppedEarly()) {
        System.err.println("perf " + kind + ": stopped early; the comparison covers the runs that finished");
        return 3;
      }
      return compareFlags.exitCode(model);
    } catch (ComparisonInputException e) {
      System.err.println("perf " + kind + ": no comparison: " + e.getMessage());
      return 3;
    } catch (IOException e) {
      System.err.println("perf " + kind + ": cannot write the comparison: " + e.getMessage());
      return 3;
    }
  }
}
