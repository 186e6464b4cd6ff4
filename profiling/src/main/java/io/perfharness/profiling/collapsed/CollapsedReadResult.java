package io.perfharness.profiling.collapsed;

/**
 * What a read of a stack file produced.
 *
 * @param profile   the stacks read, merged and sorted
 * @param linesRead number of lines in the file, skipped ones included
 * @param skipped   what a lenient read skipped (always empty for a strict read)
 */
public record CollapsedReadResult(CollapsedProfile profile, long linesRead, SkippedLines skipped) {
}
