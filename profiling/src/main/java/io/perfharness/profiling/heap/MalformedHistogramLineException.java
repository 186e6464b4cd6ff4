package io.perfharness.profiling.heap;

/**
 * Thrown by {@link ClassHistogramParser#parseLine}: the line is not a histogram line. Readers add the
 * file and line number by wrapping it into a {@link ClassHistogramFormatException}.
 */
public final class MalformedHistogramLineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String lineText;

    public MalformedHistogramLineException(String problem, String lineText) {
        super(problem + " in '" + excerpt(lineText) + "'");
        this.lineText = lineText;
    }

    /** The whole offending line. */
    public String lineText() {
        return lineText;
    }

    private static String excerpt(String text) {
        return text.length() <= 240 ? text : text.substring(0, 240) + "...(" + (text.length() - 240) + " more chars)";
    }
}
