package io.perfharness.profiling.collapsed;

import java.util.List;

/**
 * One line of a collapsed profile: a call stack, root first, and how much of the event landed
 * on it (the unit depends on the event; see {@code ProfilingEvent#countUnit()}). Immutable.
 *
 * @param frames frame names, root first, leaf last; none empty, none containing {@code ;} or
 *               a line break (the folded format has no escaping)
 * @param count  non-negative count
 */
public record CollapsedStack(List<String> frames, long count) {

    public CollapsedStack {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("frames must not be empty");
        }
        for (int i = 0; i < frames.size(); i++) {
            String frame = frames.get(i);
            if (frame.isEmpty() || frame.indexOf(';') >= 0 || frame.indexOf('\n') >= 0
                    || frame.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("frame " + i
                        + " must be non-empty without ';' or line breaks but was '" + frame + "'");
            }
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0 but was " + count);
        }
    }

    /** Frames joined with {@code ;}, as in the folded format (without the count). */
    public String stackText() {
        return String.join(";", frames);
    }

    /** The leaf (innermost, last) frame. */
    public String leaf() {
        return frames.get(frames.size() - 1);
    }

    /** The folded line: {@code root;...;leaf count}. */
    public String toLine() {
        return stackText() + ' ' + count;
    }
}
