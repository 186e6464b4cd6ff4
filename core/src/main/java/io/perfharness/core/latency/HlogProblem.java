package io.perfharness.core.latency;

import java.nio.file.Path;

/**
 * One line of an interval log that a lenient read skipped, with why. Immutable.
 *
 * @param file the log file
 * @param lineNumber 1-based line number
 * @param lineText the offending text, shortened
 * @param expected what the line should have been, phrased to follow "expected"
 */
public record HlogProblem(Path file, long lineNumber, String lineText, String expected) {

    static HlogProblem of(LatencyFormatException e, Path file, long lineNumber) {
        return new HlogProblem(file, lineNumber, e.offendingText(), e.expected());
    }

    /** The message a strict read would have thrown, e.g. {@code x.hlog: line 5: expected ... but was '...'}. */
    public String message() {
        return LatencyFormatException.message(file, "line " + lineNumber, lineText, expected);
    }

    public LatencyFormatException toException() {
        return new LatencyFormatException(file, "line " + lineNumber, lineText, expected);
    }
}
