package io.perfharness.reports.stats;

import java.util.Objects;

/**
 * The outcome of the moderated test for one frame. Immutable.
 *
 * @param status whether the frame was tested
 * @param reason what a report prints: "significant", "not significant", "low samples, not
 *     tested (...)", ...
 * @param change the estimate, interval and p-values; null unless {@code status} is TESTED
 * @param significant adjusted p below alpha and an interval that leaves out a ratio of 1
 */
public record FrameTestResult(FrameTestStatus status, String reason, FrameChange change, boolean significant) {
  public FrameTestResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    if ((status == FrameTestStatus.TESTED) != (change != null)) {
      throw new IllegalArgumentException("change must be present exactly when status is TESTED but status was "
          + status + " and change " + change);
    }
    if (significant && change == null) {
      throw new IllegalArgumentException("an untested frame cannot be significant");
    }
  }

  static FrameTestResult untested(FrameTestStatus status, String reason) {
    return new FrameTestResult(status, reason, null, false);
  }

  /** Whether the frame was tested. */
  public boolean tested() {
    return status == FrameTestStatus.TESTED;
  }
}
