package io.perfharness.profiling.collapsed;

/** Why a line of a stack file could not be read. */
public enum LineProblem {
    /** The line is empty or only whitespace. */
    BLANK_LINE("blank line"),
    /** No space-separated count at the end of the line. */
    MISSING_COUNT("no count after the last space"),
    /** The last token is not a non-negative integer that fits a long. */
    BAD_COUNT("count is not a non-negative 64-bit integer"),
    /** Nothing before the count. */
    EMPTY_STACK("no frames before the count"),
    /** Two adjacent separators, or a separator at either end of the stack. */
    EMPTY_FRAME("empty frame"),
    /** A frame does not follow the format's frame syntax (e.g. a missing {@code :LINE}). */
    BAD_FRAME("frame does not match the format"),
    /** The line has the shape of a different stack format than the one being read. */
    OTHER_FORMAT("line is in a different stack format");

    private final String description;

    LineProblem(String description) {
        this.description = description;
    }

    /** Human-readable description, used in messages. */
    public String description() {
        return description;
    }
}
