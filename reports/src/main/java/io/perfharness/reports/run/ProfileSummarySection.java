package io.perfharness.reports.run;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import java.util.List;

/** The "where the time went" part of SUMMARY.md: top frames per request for each captured event. */
final class ProfileSummarySection {
  private ProfileSummarySection() {}

  static List<String> render(RunDirectory dir, RunManifest m) {
    return List.of();
  }
}
