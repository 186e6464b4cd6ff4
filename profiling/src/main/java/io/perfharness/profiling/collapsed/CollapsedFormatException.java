package io.perfharness.profiling.collapsed;

import io.perfharness.profiling.ProfilingException;

/** A stack file has a line that cannot be read; names the file, the line number and the text. */
public final class CollapsedFormatException extends ProfilingException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long lineNumber;
    private final LineProblem problem;
    private final String lineText;

    public CollapsedFormatException(String source, long lineNumber, MalformedLineException cause) {
        super(source + ":" + lineNumber + ": " + cause.getMessage(), cause);
        this.source = source;
        this.lineNumber = lineNumber;
        this.problem = cause.problem();
        this.lineText = cause.lineText();
    }

    /** The file (or other source name) being read. */
    public String source() {
        return source;
    }

    /** 1-based line number. */
    public long lineNumber() {
        return lineNumber;
    }

    public LineProblem problem() {
        return problem;
    }

    /** The whole offending line. */
    public String lineText() {
        return lineText;
    }
}
