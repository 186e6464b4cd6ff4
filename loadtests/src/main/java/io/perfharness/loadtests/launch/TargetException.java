package io.perfharness.loadtests.launch;

/** The target or the environment failed: it did not start, died, or cannot be reached (exit code 3). */
public final class TargetException extends Exception {
  private static final long serialVersionUID = 1L;

  public TargetException(String message) {
    super(message);
  }

  public TargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
