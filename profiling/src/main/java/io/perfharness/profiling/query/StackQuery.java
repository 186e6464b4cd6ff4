package io.perfharness.profiling.query;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the stacks that pass through frames matching a regex ({@code perf stacks RUN --frame}).
 *
 * <p>Stacks with the same path are one line: the profile merges identical stacks, so querying a
 * normalized profile merges the paths that differ only in run-specific names. Stateless.
 */
public final class StackQuery {

    private StackQuery() {
    }

    /**
     * The stacks of {@code profile} with at least one frame in which {@code frameRegex} finds a
     * match ({@link java.util.regex.Matcher#find()}: a substring match unless anchored), the
     * {@code limit} largest of them as rows.
     */
    public static StackMatches through(CollapsedProfile profile, Pattern frameRegex, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 but was " + limit);
        }
        List<MatchedStack> matches = new ArrayList<>();
        long matchedTotal = 0;
        for (CollapsedStack stack : profile.stacks()) {
            int index = firstMatch(stack.frames(), frameRegex);
            if (index >= 0) {
                matchedTotal += stack.count();
                // profile.stacks() is already count-descending then by text: rows keep that rank.
                matches.add(new MatchedStack(stack.frames(), stack.count(),
                        FrameCostTable.share(stack.count(), profile.totalCount()), index));
            }
        }
        List<MatchedStack> rows = matches.subList(0, Math.min(limit, matches.size()));
        return new StackMatches(frameRegex.pattern(), profile.totalCount(), matchedTotal, matches.size(),
                commonPrefix(rows), rows);
    }

    private static int firstMatch(List<String> frames, Pattern regex) {
        for (int i = 0; i < frames.size(); i++) {
            if (regex.matcher(frames.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    /** Longest common prefix of the rows, cut before the earliest match so each row shows it. */
    private static List<String> commonPrefix(List<MatchedStack> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> first = rows.get(0).frames();
        int length = first.size();
        for (MatchedStack row : rows) {
            length = Math.min(length, row.firstMatchIndex());
            int i = 0;
            while (i < length && first.get(i).equals(row.frames().get(i))) {
                i++;
            }
            length = i;
        }
        return first.subList(0, length);
    }
}
