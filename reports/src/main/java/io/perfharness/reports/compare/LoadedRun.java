package io.perfharness.reports.compare;

import io.perfharness.core.latency.LatencySummary;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;

/** One run read for a comparison: its folder, manifest and exact latency summary. Immutable. */
public record LoadedRun(RunDirectory directory, RunManifest manifest, LatencySummary latency) {

  public String runId() {
    return manifest.runId() != null ? manifest.runId() : directory.runId();
  }
}
