package io.perfharness.cli;

import io.perfharness.core.config.ConfigException;
import io.perfharness.loadtests.experiment.ExperimentRunner;
import io.perfharness.loadtests.launch.RunLauncherPaths;
import io.perfharness.reports.compare.ComparisonInputException;
import io.perfharness.reports.compare.ComparisonSide;
import io.perfharness.reports.compare.ComparisonSideReader;
import io.perfharness.reports.compare.NoiseCalibration;
import io.perfharness.reports.compare.NoiseCalibrationBuilder;
import io.perfharness.reports.compare.NoiseCalibrationFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perf calibrate}: an A/A experiment whose spread becomes this machine's noise band. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "Run the same target on both sides (A/A), N runs each, and store the observed noise per metric in "
        + "runs/calibration.json; later comparisons on this machine use it as their noise band.")
final class CalibrateCommand implements Callable<Integer> {
  @Option(names = "--target", paramLabel = "TARGET", description = "target spec (default: sample)")
  String target = "sample";

  @Option(names = "--runs", paramLabel = "N", description = "runs per side (default: 5)")
  int runs = 5;

  @Option(names = "--out", description = "folder that receives experiments/<id>/ and calibration.json (default: runs)")
  Path out;

  @Option(names = "--calibration", paramLabel = "FILE", description = "where to write the calibration (default: <out>/calibration.json)")
  Path file;

  @Mixin
  LoadFlags load;

  @Override
  public Integer call() {
    Path home = RunLauncherPaths.home();
    Path outRoot = out != null ? out.toAbsolutePath() : home.resolve("runs");
    ExperimentRunner.Result result;
    try {
      result = Experiments.runner().run(new ExperimentRunner.Request("calibration", null, target, target, runs,
          load.keys(), outRoot), home);
    } catch (ConfigException e) {
      System.err.println("perf calibrate: bad options, nothing was started:");
      e.problems().forEach(p -> System.err.println("  " + RunCommand.asFlags(p)));
      return PerfMain.EXIT_BAD_INPUT;
    } catch (IllegalArgumentException e) {
      System.err.println("perf calibrate: " + e.getMessage());
      return PerfMain.EXIT_BAD_INPUT;
    } catch (IOException e) {
      System.err.println("perf calibrate: cannot write under " + outRoot + ": " + e.getMessage());
      return 3;
    }
    Path destination = file != null ? file.toAbsolutePath() : outRoot.resolve(NoiseCalibrationFile.DEFAULT_NAME);
    try {
      ComparisonSide a = ComparisonSideReader.read(result.baselineDir(), "baseline");
      ComparisonSide b = ComparisonSideReader.read(result.candidateDir(), "candidate");
      NoiseCalibration calibration = NoiseCalibrationBuilder.build(a, b, target,
          home.relativize(result.directory()).toString(), NoiseCalibrationFile.thisMachine(), System.currentTimeMillis());
      NoiseCalibrationFile.write(destination, calibration);
      System.out.println("perf: calibration (" + a.n() + "+" + b.n() + " valid runs) written to " + destination);
      for (Map.Entry<String, NoiseCalibration.MetricNoise> e : calibration.metrics().entrySet()) {
        if (!e.getKey().contains("[")) {
          System.out.println(String.format(Locale.ROOT, "perf:   %-20s band %s", e.getKey(),
              e.getValue().difference() ? String.format(Locale.ROOT, "±%.4g", e.getValue().band())
                  : String.format(Locale.ROOT, "±%.1f%%", 100 * e.getValue().band())));
        }
      }
      return result.stoppedEarly() ? 3 : 0;
    } catch (ComparisonInputException e) {
      System.err.println("perf calibrate: no calibration: " + e.getMessage());
      return 3;
    } catch (IOException e) {
      System.err.println("perf calibrate: cannot write " + destination + ": " + e.getMessage());
      return 3;
    }
  }
}
