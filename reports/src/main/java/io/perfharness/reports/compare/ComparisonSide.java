package io.perfharness.reports.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * One side of a comparison (baseline or candidate): the runs that count and those left out.
 * Immutable.
 *
 * @param name "baseline" or "candidate"
 * @param root the run directory or folder of runs the user named
 * @param runs valid runs, the replicates of this side, sorted by run id
 * @param excluded runs found but left out, with the reasons
 */
public record ComparisonSide(String name, Path root, List<LoadedRun> runs, List<ExcludedRun> excluded) {
  public ComparisonSide {
    runs = List.copyOf(runs);
    excluded = List.copyOf(excluded);
  }

  public int n() {
    return runs.size();
  }
}
