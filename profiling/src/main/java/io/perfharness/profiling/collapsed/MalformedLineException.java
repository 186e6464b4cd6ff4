package io.perfharness.profiling.collapsed;

/**
 * Thrown by the pure {@code parseLine} methods: the line is not a valid stack line. Readers add
 * the file name and line number by wrapping it into a {@link CollapsedFormatException}.
 */
public final class MalformedLineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final LineProblem problem;
    private final String lineText;

    public MalformedLineException(LineProblem problem, String detail, String lineText) {
        super(problem.description() + (detail.isEmpty() ? "" : ": " + detail) + " in '"
                + Excerpt.of(lineText) + "'");
        this.problem = problem;
        this.lineText = lineText;
    }

    public LineProblem problem() {
        return problem;
    }

    /** The whole offending line. */
    public String lineText() {
        return lineText;
    }
}
