package io.perfharness.profiling.collapsed;

/**
 * A line that a lenient read skipped.
 *
 * @param lineNumber 1-based line number
 * @param problem    why it was skipped
 * @param excerpt    the line, shortened if long
 */
public record SkippedLine(long lineNumber, LineProblem problem, String excerpt) {
}
