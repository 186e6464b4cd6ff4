package io.perfharness.profiling.collapsed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An immutable collapsed profile: distinct stacks with their counts, sorted by count descending
 * and then by stack text, so that the same input always gives the same order.
 *
 * <p>Building a profile merges stacks with identical frames (their counts add); this is what
 * makes normalized frames fold together.
 */
public final class CollapsedProfile {
    private static final CollapsedProfile EMPTY = new CollapsedProfile(List.of(), 0);

    private final List<CollapsedStack> stacks;
    private final long totalCount;

    private CollapsedProfile(List<CollapsedStack> stacks, long totalCount) {
        this.stacks = stacks;
        this.totalCount = totalCount;
    }

    /** A profile without stacks. */
    public static CollapsedProfile empty() {
        return EMPTY;
    }

    /**
     * A profile of these stacks; stacks with equal frames are merged by adding their counts.
     *
     * @throws ArithmeticException if a count or the total overflows a long
     */
    public static CollapsedProfile of(Collection<CollapsedStack> stacks) {
        Map<List<String>, Long> merged = new HashMap<>(stacks.size() * 2);
        for (CollapsedStack stack : stacks) {
            merged.merge(stack.frames(), stack.count(), Math::addExact);
        }
        return fromMerged(merged);
    }

    /**
     * This profile with the frames of every stack replaced by {@code stackMapping.apply(frames)},
     * merging stacks that become identical. The mapping must keep frames valid for
     * {@link CollapsedStack} (non-empty, no {@code ;}).
     */
    public CollapsedProfile mapFrames(UnaryOperator<List<String>> stackMapping) {
        Map<List<String>, Long> merged = new HashMap<>(stacks.size() * 2);
        for (CollapsedStack stack : stacks) {
            merged.merge(List.copyOf(stackMapping.apply(stack.frames())), stack.count(), Math::addExact);
        }
        return fromMerged(merged);
    }

    private static CollapsedProfile fromMerged(Map<List<String>, Long> merged) {
        if (merged.isEmpty()) {
            return EMPTY;
        }
        // Decorate with the joined text once: the comparator would otherwise join on every call.
        record Keyed(String text, CollapsedStack stack) { }
        List<Keyed> keyed = new ArrayList<>(merged.size());
        long total = 0;
        for (Map.Entry<List<String>, Long> e : merged.entrySet()) {
            CollapsedStack stack = new CollapsedStack(e.getKey(), e.getValue());
            keyed.add(new Keyed(stack.stackText(), stack));
            total = Math.addExact(total, stack.count());
        }
        keyed.sort(Comparator.comparingLong((Keyed k) -> k.stack().count()).reversed()
                .thenComparing(Keyed::text));
        List<CollapsedStack> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            sorted.add(k.stack());
        }
        return new CollapsedProfile(List.copyOf(sorted), total);
    }

    /** Distinct stacks, count descending, then stack text ascending. */
    public List<CollapsedStack> stacks() {
        return stacks;
    }

    /** Sum of all counts. */
    public long totalCount() {
        return totalCount;
    }

    /** Number of distinct stacks. */
    public int stackCount() {
        return stacks.size();
    }

    public boolean isEmpty() {
        return stacks.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CollapsedProfile other && other.totalCount == totalCount
                && other.stacks.equals(stacks);
    }

    @Override
    public int hashCode() {
        return stacks.hashCode();
    }

    @Override
    public String toString() {
        return "CollapsedProfile[stacks=" + stacks.size() + ", totalCount=" + totalCount + "]";
    }
}
