package io.perfharness.profiling.query;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Self and inclusive cost of every frame of a profile. Immutable.
 *
 * <p>Frames are compared by name as they are in the profile: normalize it first
 * ({@code FrameNormalizer}) so that {@code foo_[j]} and {@code foo_[i]} count as one frame.
 */
public final class FrameCostTable {
    private final Map<String, FrameCost> costs;
    private final long profileTotalCount;

    private FrameCostTable(Map<String, FrameCost> costs, long profileTotalCount) {
        this.costs = costs;
        this.profileTotalCount = profileTotalCount;
    }

    /** Computes the costs of all frames of {@code profile}. */
    public static FrameCostTable of(CollapsedProfile profile) {
        Map<String, long[]> counts = new HashMap<>();
        Set<String> seenInStack = new HashSet<>();
        for (CollapsedStack stack : profile.stacks()) {
            seenInStack.clear();
            for (String frame : stack.frames()) {
                // Recursion: a frame on the stack twice still costs the stack's count once.
                if (seenInStack.add(frame)) {
                    counts.computeIfAbsent(frame, f -> new long[2])[1] += stack.count();
                }
            }
            counts.get(stack.leaf())[0] += stack.count();
        }
        long total = profile.totalCount();
        Map<String, FrameCost> costs = new HashMap<>(counts.size() * 2);
        counts.forEach((frame, c) -> costs.put(frame,
                new FrameCost(frame, c[0], c[1], share(c[0], total), share(c[1], total))));
        return new FrameCostTable(Collections.unmodifiableMap(costs), total);
    }

    static double share(long count, long total) {
        return total == 0 ? 0.0 : (double) count / total;
    }

    /** Sum of all counts of the profile. */
    public long profileTotalCount() {
        return profileTotalCount;
    }

    /** Number of distinct frames. */
    public int frameCount() {
        return costs.size();
    }

    /** The cost of a frame, if it occurs. */
    public Optional<FrameCost> cost(String frame) {
        return Optional.ofNullable(costs.get(frame));
    }

    /**
     * The {@code limit} most costly frames by {@code order}; ties by the other cost, then by name,
     * so the list is deterministic. Frames with zero cost in {@code order} are left out.
     */
    public TopFrames top(int limit, CostOrder order) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 but was " + limit);
        }
        Comparator<FrameCost> bySelf = Comparator.comparingLong(FrameCost::selfCount).reversed();
        Comparator<FrameCost> byTotal = Comparator.comparingLong(FrameCost::inclusiveCount).reversed();
        Comparator<FrameCost> comparator = (order == CostOrder.SELF ? bySelf.thenComparing(byTotal)
                : byTotal.thenComparing(bySelf)).thenComparing(FrameCost::frame);
        List<FrameCost> rows = new ArrayList<>();
        for (FrameCost cost : costs.values()) {
            long key = order == CostOrder.SELF ? cost.selfCount() : cost.inclusiveCount();
            if (key > 0) {
                rows.add(cost);
            }
        }
        rows.sort(comparator);
        return new TopFrames(order, profileTotalCount, costs.size(),
                rows.subList(0, Math.min(limit, rows.size())));
    }
}
