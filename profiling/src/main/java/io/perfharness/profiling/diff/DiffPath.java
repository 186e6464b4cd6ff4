package io.perfharness.profiling.diff;

import java.util.List;

/**
 * A stack present on one side only (appeared or vanished), with its cost per request on that
 * side. Immutable.
 *
 * @param frames             the whole stack, root first
 * @param stablePrefixLength how many leading frames form a path present on both sides (the
 *                           nearest surviving path); 0 if even the root frame is one-sided
 * @param count              summed count of the stack on its side
 * @param costPerRequest     pooled cost per request of the stack on its side
 */
public record DiffPath(List<String> frames, int stablePrefixLength, long count, double costPerRequest) {
    /** Marks the elided common prefix in {@link #elidedStackText()}. */
    public static final String ELLIPSIS = "…";

    public DiffPath {
        frames = List.copyOf(frames);
        if (stablePrefixLength < 0 || stablePrefixLength >= frames.size()) {
            throw new IllegalArgumentException("stablePrefixLength must be in [0, " + frames.size()
                    + ") but was " + stablePrefixLength);
        }
    }

    /** The stack as a folded line without the count: {@code root;...;leaf}. */
    public String stackText() {
        return String.join(";", frames);
    }

    /**
     * The stack with the surviving prefix elided down to its last frame, the caller under which
     * the path changed: {@code …;Caller.method;NewFrame.x}. Unchanged when there is nothing to
     * elide (a surviving prefix of 0 or 1 frame).
     */
    public String elidedStackText() {
        if (stablePrefixLength < 2) {
            return stackText();
        }
        return ELLIPSIS + ";" + String.join(";", frames.subList(stablePrefixLength - 1, frames.size()));
    }
}
