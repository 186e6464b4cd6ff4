package io.perfharness.reports.compare;

import java.util.List;

/** A run left out of a comparison, and why (invalid, incomplete, unreadable). */
public record ExcludedRun(String runId, String path, List<String> reasons) {
  public ExcludedRun {
    reasons = List.copyOf(reasons);
  }
}
