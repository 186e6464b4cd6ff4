package io.perfharness.profiling.query;

/**
 * The cost of one frame in one profile.
 *
 * @param frame          frame name
 * @param selfCount      sum of the counts of stacks whose leaf is this frame
 * @param inclusiveCount sum of the counts of stacks that contain this frame anywhere, each stack
 *                       counted once even when the frame recurses ("total" in the CLI)
 * @param selfShare      {@code selfCount} as a fraction (0..1) of the profile total
 * @param inclusiveShare {@code inclusiveCount} as a fraction (0..1) of the profile total
 */
public record FrameCost(String frame, long selfCount, long inclusiveCount, double selfShare, double inclusiveShare) {
}
