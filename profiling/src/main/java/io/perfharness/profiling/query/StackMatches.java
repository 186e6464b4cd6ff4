package io.perfharness.profiling.query;

import java.util.List;

/**
 * The stacks through frames matching a regex, ranked by count. Immutable.
 *
 * @param frameRegex         the query
 * @param profileTotalCount  sum of all counts of the profile
 * @param matchedTotalCount  sum of the counts of all matching stacks (not only the rows shown)
 * @param matchedStackCount  number of matching stacks (not only the rows shown)
 * @param commonPrefix       frames that all rows start with and that come before the first
 *                           match of every row; renderers print them once and elide them
 * @param rows               the top matching stacks, count descending then stack text
 */
public record StackMatches(String frameRegex, long profileTotalCount, long matchedTotalCount,
                           int matchedStackCount, List<String> commonPrefix, List<MatchedStack> rows) {
    public StackMatches {
        commonPrefix = List.copyOf(commonPrefix);
        rows = List.copyOf(rows);
    }

    /** {@code matchedTotalCount} as a fraction (0..1) of the profile total. */
    public double matchedShare() {
        return FrameCostTable.share(matchedTotalCount, profileTotalCount);
    }

    /** The frames of a row after the elided common prefix. */
    public List<String> shownFrames(MatchedStack row) {
        return row.frames().subList(commonPrefix.size(), row.frames().size());
    }
}
