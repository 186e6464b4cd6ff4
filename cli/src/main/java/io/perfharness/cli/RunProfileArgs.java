package io.perfharness.cli;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.reports.profile.RunProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments {@code perf top} and {@code perf stacks} share: a run directory and an event. */
final class RunProfileArgs {
  @Parameters(index = "0", paramLabel = "RUN", description = "a run directory (runs/<run-id>)")
  Path run;

  @Option(names = "--event", paramLabel = "E", description = "cpu, alloc, lock or wall (default: the first event the run captured)")
  String event;

  RunProfile load() throws IOException {
    RunDirectory dir = RunDirectory.open(run);
    RunManifest manifest = dir.readManifest();
    List<String> events = RunProfile.events(manifest);
    String chosen = event != null ? event : events.isEmpty() ? "cpu" : events.get(0);
    return RunProfile.load(dir, manifest, chosen);
  }
}
