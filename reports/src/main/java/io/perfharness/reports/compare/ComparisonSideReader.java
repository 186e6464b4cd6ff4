package io.perfharness.reports.compare;

import io.perfharness.core.json.Json;
import io.perfharness.core.latency.LatencyFormatException;
import io.perfharness.core.latency.LatencySummary;
import io.perfharness.core.latency.LatencySummaryJsonReader;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads one side of a comparison: a run directory (it holds {@code run.json}) or a folder whose
 * subfolders are run directories. Runs not valid for comparison are kept aside with their reasons,
 * never silently dropped.
 */
public final class ComparisonSideReader {
  private ComparisonSideReader() {}

  public static ComparisonSide read(Path path, String sideName) throws ComparisonInputException {
    if (!Files.isDirectory(path)) {
      throw new ComparisonInputException(sideName + ": " + path + " is not a directory (expected a run directory or a folder of runs)");
    }
    List<Path> runDirs = new ArrayList<>();
    if (Files.isRegularFile(path.resolve(RunDirectory.MANIFEST))) {
      runDirs.add(path);
    } else {
      try (Stream<Path> children = Files.list(path)) {
        children.filter(p -> Files.isRegularFile(p.resolve(RunDirectory.MANIFEST)))
            .sorted(Comparator.comparing(p -> p.getFileName().toString()))
            .forEach(runDirs::add);
      } catch (IOException e) {
        throw new ComparisonInputException(sideName + ": cannot list " + path + ": " + e.getMessage(), e);
      }
    }
    if (runDirs.isEmpty()) {
      throw new ComparisonInputException(sideName + ": " + path + " holds no run (no run.json in it or in its subfolders)");
    }
    List<LoadedRun> runs = new ArrayList<>();
    List<ExcludedRun> excluded = new ArrayList<>();
    for (Path dir : runDirs) {
      String id = dir.getFileName().toString();
      RunDirectory rd;
      RunManifest manifest;
      try {
        rd = RunDirectory.open(dir);
        manifest = rd.readManifest();
      } catch (IOException | RuntimeException e) {
        excluded.add(new ExcludedRun(id, dir.toString(), List.of("run.json unreadable: " + e.getMessage())));
        continue;
      }
      List<String> reasons = new ArrayList<>();
      if (manifest.status() != RunManifest.Status.COMPLETE) {
        reasons.add("status " + manifest.status());
      }
      if (!manifest.validForComparison()) {
        reasons.addAll(manifest.invalidReasons() == null || manifest.invalidReasons().isEmpty()
            ? List.of("marked not valid for comparison") : manifest.invalidReasons());
      }
      LatencySummary latency = null;
      BenchScore bench = null;
      Path score = dir.resolve(BenchScore.FILE);
      if (reasons.isEmpty() && Files.isRegularFile(score)) {
        try {
          bench = Json.readFile(score, BenchScore.class);
        } catch (IOException | RuntimeException e) {
          reasons.add("benchmark score unreadable: " + e.getMessage());
        }
      } else if (reasons.isEmpty()) {
        Path summary = rd.latencyDir().resolve("summary.json");
        try {
          latency = LatencySummaryJsonReader.read(summary);
        } catch (IOException | LatencyFormatException e) {
          reasons.add("latency summary unreadable: " + e.getMessage());
        }
      }
      if (!reasons.isEmpty()) {
        excluded.add(new ExcludedRun(id, dir.toString(), reasons.stream().distinct().toList()));
        continue;
      }
      runs.add(new LoadedRun(rd, manifest, latency, bench));
    }
    return new ComparisonSide(sideName, path, runs, excluded);
  }
}
