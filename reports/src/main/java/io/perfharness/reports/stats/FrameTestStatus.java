package io.perfharness.reports.stats;

/** Whether a frame was tested and, if not, why. */
public enum FrameTestStatus {
  /** Tested: the result has a {@link FrameChange}. */
  TESTED,
  /** Fewer samples over both sides than the test's threshold: left out before testing. */
  LOW_SAMPLES,
  /** A side has fewer than 2 runs: no run-to-run variance to test against. */
  TOO_FEW_RUNS
}
