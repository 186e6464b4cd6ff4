package io.perfharness.profiling.query;

import java.util.List;

/**
 * The most costly frames of a profile, ranked. Immutable.
 *
 * @param order             the cost that ranks the rows
 * @param profileTotalCount sum of all counts of the profile (the denominator of the shares)
 * @param distinctFrames    number of distinct frames in the profile
 * @param rows              ranked rows, most costly first
 */
public record TopFrames(CostOrder order, long profileTotalCount, int distinctFrames, List<FrameCost> rows) {
    public TopFrames {
        rows = List.copyOf(rows);
    }
}
