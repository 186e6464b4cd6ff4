package io.perfharness.loadtests.shape;

/**
 * A line that is not an access-log record, with the reason in a few words (the reason is the key
 * the parse report counts by). Carries no stack trace: it is control flow on the hot path.
 */
public final class SkippedLineException extends Exception {
    private static final long serialVersionUID = 1L;

    public SkippedLineException(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
