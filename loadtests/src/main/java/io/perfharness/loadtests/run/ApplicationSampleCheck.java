package io.perfharness.loadtests.run;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.query.ApplicationFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * After the profile is written: a profile with samples but not one in an application frame means the
 * rule does not fit the target (every application view of the run is empty), so the run says so,
 * naming the rule and the option that fixes it. Stateless.
 */
final class ApplicationSampleCheck {
  private ApplicationSampleCheck() {}

  static List<String> warnings(RunDirectory dir, RunManifest.Profiler profile, ApplicationRule rule) {
    List<String> out = new ArrayList<>();
    if (profile.events() == null) {
      return out;
    }
    for (RunManifest.ProfiledEvent e : profile.events()) {
      if (e.totalCount() <= 0 || e.collapsedFile() == null) {
        continue;
      }
      ProfilingEvent event = ProfilingEvent.byId(e.name()).orElse(null);
      if (event == null) {
        continue;
      }
      try {
        CollapsedProfile p = CollapsedReader.strict().read(dir.root().resolve(e.collapsedFile())).profile();
        if (p.totalCount() > 0 && ApplicationFrames.applicationCount(p, event, rule) == 0) {
          out.add(String.format(Locale.ROOT, "%s: %d %s but none in an application frame under the rule %s;"
              + " name the service's packages with --app PREFIX[,PREFIX] (-Dperf.app=...)", e.name(), p.totalCount(),
              e.countUnit() == null ? "counts" : e.countUnit(), rule.describe()));
        }
      } catch (ProfilingException | RuntimeException ex) {
        // an unreadable profile is reported where it is read
      }
    }
    return out;
  }
}
