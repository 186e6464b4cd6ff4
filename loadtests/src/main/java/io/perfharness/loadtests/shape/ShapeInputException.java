package io.perfharness.loadtests.shape;

/**
 * Input that cannot make a usable shape or replay (unknown format, no record, no timestamp, a bad
 * shape or mapping file); the message names the file, the line where known, and the value. The
 * CLI exits with 2.
 */
public final class ShapeInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public ShapeInputException(String message) {
        super(message);
    }

    public ShapeInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
