package io.perfharness.reports.profile;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.query.RequestCost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One event's profile of a run with what turns its counts into cost per request: the collapsed
 * stacks, the event, and the completed requests of the same measurement window; and the run's rule of
 * which frames are the application's. Immutable.
 */
public record RunProfile(ProfilingEvent event, CollapsedProfile profile, RequestCost cost, ApplicationRule applicationRule) {

  /**
   * The run's application rule as run.json records it; a run that recorded none (older run
   * directories, benchmark forks) falls back to the library list.
   */
  public static ApplicationRule applicationRule(RunManifest manifest) {
    RunManifest.Application a = manifest.application();
    if (a == null || a.kind() == null) {
      return ApplicationRule.libraryList("run.json records no application rule");
    }
    try {
      ApplicationRule.Kind kind = ApplicationRule.Kind.byId(a.kind());
      return kind == ApplicationRule.Kind.LIBRARY_LIST
          ? ApplicationRule.libraryList(a.source() == null ? "" : a.source())
          : new ApplicationRule(kind, a.prefixes() == null ? List.of() : a.prefixes(), a.source() == null ? "" : a.source());
    } catch (IllegalArgumentException e) {
      return ApplicationRule.libraryList("run.json's application rule is unreadable (" + e.getMessage() + ")");
    }
  }

  /** The events a run captured, in capture order. */
  public static List<String> events(RunManifest manifest) {
    return manifest.profiler() == null ? List.of()
        : manifest.profiler().events().stream().map(RunManifest.ProfiledEvent::name).toList();
  }

  /**
   * Loads an event's profile; cost is null when the run completed no request.
   *
   * @throws IOException naming the file or the missing event
   */
  public static RunProfile load(RunDirectory dir, RunManifest manifest, String eventName) throws IOException {
    Optional<RunManifest.ProfiledEvent> entry = manifest.profiler() == null ? Optional.empty()
        : manifest.profiler().events().stream().filter(e -> e.name().equals(eventName)).findFirst();
    if (entry.isEmpty()) {
      throw new IOException(dir.root() + " has no '" + eventName + "' profile; it captured: "
          + (events(manifest).isEmpty() ? "nothing (run with -Dperf.events=...)" : String.join(", ", events(manifest))));
    }
    ProfilingEvent event = ProfilingEvent.byId(eventName).orElseThrow(() ->
        new IOException("unknown event '" + eventName + "' in " + dir.manifestFile()));
    Path file = dir.root().resolve(entry.get().collapsedFile());
    CollapsedProfile profile;
    try {
      profile = CollapsedReader.strict().read(file).profile();
    } catch (ProfilingException e) {
      throw new IOException(e.getMessage(), e);
    }
    Long completed = manifest.load() == null ? null : manifest.load().requestsCompleted();
    RequestCost cost = completed == null || completed == 0 ? null
        : RequestCost.of(event, entry.get().sampleIntervalNanos(), completed);
    return new RunProfile(event, profile, cost, applicationRule(manifest));
  }
}
