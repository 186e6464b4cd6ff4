package io.perfharness.reports.compare;

import io.perfharness.core.latency.LatencySummary;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;

/**
 * One run read for a comparison: its folder, manifest, and either its exact latency summary (a
 * load run) or its benchmark score (a {@code perf bench} fork). Immutable.
 */
public record LoadedRun(RunDirectory directory, RunManifest manifest, LatencySummary latency, BenchScore bench) {

  /** A benchmark fork: costs are per operation, the score replaces latency. */
  public boolean isBenchmark() {
    return bench != null;
  }

  public String runId() {
    return manifest.runId() != null ? manifest.runId() : directory.runId();
  }
}
