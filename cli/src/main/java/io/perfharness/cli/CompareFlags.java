package io.perfharness.cli;

import io.perfharness.reports.compare.CompareOptions;
import io.perfharness.reports.compare.ComparisonInputException;
import io.perfharness.reports.compare.ComparisonModel;
import io.perfharness.reports.compare.NoiseCalibrationFile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options of the decision, shared by {@code perf compare} and {@code perf experiment}. */
final class CompareFlags {
  /** Exit code when {@code --gate} is given and a gated metric regressed. */
  static final int EXIT_REGRESSION = 1;

  @Option(names = "--gate", description = "exit 1 when a gated metric shows a REGRESSION")
  boolean gate;

  @Option(names = "--gate-metrics", split = ",", paramLabel = "ID",
      description = "the gated metrics, Holm-corrected together (default: latency.p50,latency.p99,cpu.perRequest,errors.rate)")
  String[] gateMetrics;

  @Option(names = "--calibration", paramLabel = "FILE",
      description = "A/A noise file of this machine (default: runs/calibration.json when present)")
  Path calibration;

  @Option(names = "--no-calibration", description = "ignore any A/A calibration: the noise band is ±5%")
  boolean noCalibration;

  CompareOptions options(Path home, PrintStream err) throws ComparisonInputException {
    CompareOptions options = CompareOptions.defaults();
    if (gateMetrics != null) {
      Set<String> gated = new LinkedHashSet<>(Arrays.asList(gateMetrics));
      options = new CompareOptions(gated, options.minimumBand(), options.errorRateBand(), null, null);
    }
    if (noCalibration) {
      return options;
    }
    Path file = calibration != null ? calibration : home.resolve("runs").resolve(NoiseCalibrationFile.DEFAULT_NAME);
    if (calibration == null && !Files.isRegularFile(file)) {
      return options;
    }
    return NoiseCalibrationFile.apply(options, file, err);
  }

  /** True (and says so on stderr) when a side has no valid run: the report lists why, but nothing was compared. */
  static boolean nothingComparable(ComparisonModel model, String command) {
    for (ComparisonModel.SideInfo side : java.util.List.of(model.baseline(), model.candidate())) {
      if (side.runs() == 0) {
        System.err.println(command + ": the " + side.name() + " side has no valid run (" + side.excluded().size()
            + " left out, reasons in COMPARISON.md): nothing was compared");
        return true;
      }
    }
    return false;
  }

  int exitCode(ComparisonModel model) {
    return gate && model.gatedRegression() ? EXIT_REGRESSION : 0;
  }
}
