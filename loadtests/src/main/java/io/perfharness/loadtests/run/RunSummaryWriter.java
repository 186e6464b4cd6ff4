package io.perfharness.loadtests.run;

import io.perfharness.core.latency.LatencySummary;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.reports.run.RunSummaryMarkdown;
import java.io.IOException;
import java.nio.file.Files;

/** Writes SUMMARY.md through the reports module. */
final class RunSummaryWriter {
  private RunSummaryWriter() {}

  static void write(RunDirectory dir, RunManifest manifest, LatencySummary latency) throws IOException {
    Files.writeString(dir.summaryFile(), RunSummaryMarkdown.render(dir, manifest, latency));
  }
}
