package io.perfharness.loadtests.soak;

import io.perfharness.core.json.Json;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.reports.soak.LeakThresholds;
import io.perfharness.reports.soak.SoakAnalysis;
import io.perfharness.reports.soak.SoakAnalyzer;
import io.perfharness.reports.soak.SoakReport;
import io.perfharness.reports.soak.SoakReportBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** After a soak run: analyzes the sampler's snapshots and writes {@code soak.json} into the run. Stateless. */
public final class SoakReportWriter {
  /** When the sampler runs; docs/soak.md says why the warm-up is left out. */
  public static final String COVERS = "measurement window";

  private SoakReportWriter() {}

  /**
   * Writes {@code soak.json}, with the allocation stacks of the top suspects when {@code profile/alloc.collapsed}
   * exists (write the profile first).
   */
  public static SoakReport write(RunDirectory dir, SoakSampler sampler) throws IOException {
    SoakAnalysis analysis = SoakAnalyzer.analyze(sampler.snapshots(), LeakThresholds.defaults());
    List<String> notes = new ArrayList<>(sampler.notes());
    Path alloc = dir.collapsedFile("alloc");
    CollapsedProfile allocation = null;
    if (Files.isRegularFile(alloc)) {
      try {
        allocation = CollapsedReader.strict().read(alloc).profile();
      } catch (ProfilingException e) {
        notes.add("allocation profile unreadable, no allocation stacks: " + e.getMessage());
      }
    }
    SoakReport report = SoakReportBuilder.build(dir.runId(), sampler.interval().toMillis(), COVERS, analysis,
        sampler.points(), allocation, dir.root().relativize(alloc).toString(), notes);
    Json.writeFile(dir.root().resolve(SoakReport.FILE), report);
    return report;
  }
}
