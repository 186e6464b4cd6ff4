package io.perfharness.profiling.query;

import java.util.List;

/**
 * A stack that passes through a frame matching a query.
 *
 * @param frames          the whole stack, root first
 * @param count           its count
 * @param share           {@code count} as a fraction (0..1) of the profile total
 * @param firstMatchIndex index in {@code frames} of the outermost matching frame
 */
public record MatchedStack(List<String> frames, long count, double share, int firstMatchIndex) {
    public MatchedStack {
        frames = List.copyOf(frames);
    }
}
