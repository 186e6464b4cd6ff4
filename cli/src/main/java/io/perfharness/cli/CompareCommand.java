package io.perfharness.cli;

import io.perfharness.loadtests.launch.RunLauncherPaths;
import io.perfharness.reports.compare.CompareOptions;
import io.perfharness.reports.compare.ComparisonInputException;
import io.perfharness.reports.compare.ComparisonModel;
import io.perfharness.reports.compare.ComparisonReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perf compare BASELINE CANDIDATE}: verdicts per metric and a profile diff of two sets of runs. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare a baseline with a candidate: each a run directory or a folder of runs. Writes COMPARISON.md, "
        + "comparison.json and index.html.")
final class CompareCommand implements Callable<Integer> {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Parameters(index = "0", paramLabel = "BASELINE", description = "a run directory or a folder of runs")
  Path baseline;

  @Parameters(index = "1", paramLabel = "CANDIDATE", description = "a run directory or a folder of runs")
  Path candidate;

  @Option(names = "--out", paramLabel = "DIR", description = "where the comparison goes (default: runs/comparisons/<UTC time>)")
  Path out;

  @Mixin
  CompareFlags compareFlags;

  @Override
  public Integer call() {
    Path home = RunLauncherPaths.home();
    Path dir = out != null ? out.toAbsolutePath()
        : home.resolve("runs").resolve("comparisons").resolve(ID_TIME.format(Clock.systemUTC().instant()));
    try {
      CompareOptions options = compareFlags.options(home, System.err);
      ComparisonModel model = ComparisonReport.compareAndWrite(baseline, candidate, dir, options, System.out);
      if (CompareFlags.nothingComparable(model, "perf compare")) {
        return PerfMain.EXIT_BAD_INPUT;
      }
      return compareFlags.exitCode(model);
    } catch (ComparisonInputException e) {
      System.err.println("perf compare: " + e.getMessage());
      return PerfMain.EXIT_BAD_INPUT;
    } catch (IOException e) {
      System.err.println("perf compare: cannot write the comparison to " + dir + ": " + e.getMessage());
      return 3;
    }
  }
}
