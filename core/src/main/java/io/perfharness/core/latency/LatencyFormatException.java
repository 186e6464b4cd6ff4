package io.perfharness.core.latency;

import java.nio.file.Path;

/**
 * A latency file (an interval log or summary.json) is not what it must be: names the file, where in
 * it (a line or a JSON field), the offending text and what was expected. Immutable.
 */
public final class LatencyFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Path file;
    private final String location;
    private final String offendingText;
    private final String expected;

    /**
     * @param file the file, or null when a lone line was parsed
     * @param location "line 12", "field 'overall.count'", or null when not known yet
     * @param offendingText the text that is wrong (shortened here), or null when something is missing
     * @param expected what should have been there, phrased to follow "expected"
     */
    public LatencyFormatException(Path file, String location, String offendingText, String expected) {
        this(file, location, offendingText, expected, null);
    }

    public LatencyFormatException(Path file, String location, String offendingText, String expected,
                                  Throwable cause) {
        super(message(file, location, offendingText, expected), cause);
        this.file = file;
        this.location = location;
        this.offendingText = offendingText == null ? null : shorten(offendingText);
        this.expected = expected;
    }

    /** The same problem, placed in a file at a line: parseLine knows neither. */
    public LatencyFormatException at(Path file, long lineNumber) {
        return new LatencyFormatException(file, "line " + lineNumber, offendingText, expected, getCause());
    }

    public Path file() {
        return file;
    }

    public String location() {
        return location;
    }

    public String offendingText() {
        return offendingText;
    }

    public String expected() {
        return expected;
    }

    static String message(Path file, String location, String offendingText, String expected) {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file).append(": ");
        }
        if (location != null) {
            text.append(location).append(": ");
        }
        text.append("expected ").append(expected);
        if (offendingText != null) {
            text.append(" but was '").append(shorten(offendingText)).append('\'');
        }
        return text.toString();
    }

    /** Interval lines carry kilobytes of base64; a message needs only enough to find the spot. */
    static String shorten(String text) {
        final int maxChars = 80;
        if (text.length() <= maxChars) {
            return text;
        }
        return text.substring(0, maxChars - 20) + "...(" + text.length() + " chars)";
    }
}
