package io.perfharness.loadtests.run;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;

/**
 * How a run ended, for the caller's exit code: 0 complete, 3 the target or environment failed.
 *
 * @param message what happened and what to do, when it did not complete
 */
public record RunOutcome(RunDirectory directory, RunManifest.Status status, int exitCode, String message) {
  public static final int EXIT_OK = 0;
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_TARGET_FAILED = 3;
}
