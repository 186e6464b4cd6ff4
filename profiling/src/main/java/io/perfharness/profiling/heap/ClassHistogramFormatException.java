package io.perfharness.profiling.heap;

import io.perfharness.profiling.ProfilingException;

/** A histogram text cannot be read; names the source, the 1-based line number and the offending text. */
public final class ClassHistogramFormatException extends ProfilingException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long lineNumber;
    private final String lineText;

    public ClassHistogramFormatException(String source, long lineNumber, String lineText, String problem) {
        super(source + ":" + lineNumber + ": " + problem);
        this.source = source;
        this.lineNumber = lineNumber;
        this.lineText = lineText;
    }

    public ClassHistogramFormatException(String source, long lineNumber, MalformedHistogramLineException cause) {
        super(source + ":" + lineNumber + ": " + cause.getMessage(), cause);
        this.source = source;
        this.lineNumber = lineNumber;
        this.lineText = cause.lineText();
    }

    /** The file (or other source name) being read. */
    public String source() {
        return source;
    }

    /** 1-based line number; the line after the last for a problem of the whole text (no Total line). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The offending line, empty for a problem of the whole text. */
    public String lineText() {
        return lineText;
    }
}
