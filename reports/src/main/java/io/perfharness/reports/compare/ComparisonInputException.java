package io.perfharness.reports.compare;

/** A comparison input that cannot be used: a missing folder, no runs, an unreadable run.json. */
public final class ComparisonInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public ComparisonInputException(String message) {
    super(message);
  }

  public ComparisonInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
