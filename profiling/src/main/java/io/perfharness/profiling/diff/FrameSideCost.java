package io.perfharness.profiling.diff;

import java.util.Arrays;

/**
 * The cost of one frame on one side of a diff. Immutable (the arrays are copied in and out).
 *
 * <p>Pooled values divide the side's summed cost by its summed requests:
 * {@code Σ count_r × unitsPerCount_r / Σ requests_r}. Per-run values are each run's own
 * {@code count_r × unitsPerCount_r / requests_r}, in the side's run order, zeros included, for
 * the caller's per-frame tests. Inclusive counts a stack once even when the frame occurs in it
 * several times (recursion).
 *
 * @param selfCount                 summed count of stacks whose leaf is the frame
 * @param inclusiveCount            summed count of stacks containing the frame
 * @param selfPerRequest            pooled self cost per request
 * @param inclusivePerRequest       pooled inclusive cost per request
 * @param selfPerRunPerRequest      self cost per request of each run
 * @param inclusivePerRunPerRequest inclusive cost per request of each run
 * @param selfCountPerRun           self count of each run, in the event's count unit
 * @param inclusiveCountPerRun      inclusive count of each run
 */
public record FrameSideCost(long selfCount, long inclusiveCount, double selfPerRequest, double inclusivePerRequest,
                            double[] selfPerRunPerRequest, double[] inclusivePerRunPerRequest, long[] selfCountPerRun,
                            long[] inclusiveCountPerRun) {

    public FrameSideCost {
        selfPerRunPerRequest = selfPerRunPerRequest.clone();
        inclusivePerRunPerRequest = inclusivePerRunPerRequest.clone();
        selfCountPerRun = selfCountPerRun.clone();
        inclusiveCountPerRun = inclusiveCountPerRun.clone();
        if (selfPerRunPerRequest.length != inclusivePerRunPerRequest.length) {
            throw new IllegalArgumentException("per-run arrays must have equal length but had "
                    + selfPerRunPerRequest.length + " and " + inclusivePerRunPerRequest.length);
        }
    }

    /** Whether the frame occurs on this side (in a stack with a positive count). */
    public boolean present() {
        return inclusiveCount > 0;
    }

    @Override
    public double[] selfPerRunPerRequest() {
        return selfPerRunPerRequest.clone();
    }

    @Override
    public double[] inclusivePerRunPerRequest() {
        return inclusivePerRunPerRequest.clone();
    }

    @Override
    public long[] selfCountPerRun() {
        return selfCountPerRun.clone();
    }

    @Override
    public long[] inclusiveCountPerRun() {
        return inclusiveCountPerRun.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameSideCost other && other.selfCount == selfCount
                && other.inclusiveCount == inclusiveCount
                && Double.compare(other.selfPerRequest, selfPerRequest) == 0
                && Double.compare(other.inclusivePerRequest, inclusivePerRequest) == 0
                && Arrays.equals(other.selfPerRunPerRequest, selfPerRunPerRequest)
                && Arrays.equals(other.inclusivePerRunPerRequest, inclusivePerRunPerRequest)
                && Arrays.equals(other.selfCountPerRun, selfCountPerRun)
                && Arrays.equals(other.inclusiveCountPerRun, inclusiveCountPerRun);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(inclusiveCount) * 31 + Arrays.hashCode(inclusivePerRunPerRequest);
    }

    @Override
    public String toString() {
        return "FrameSideCost[selfCount=" + selfCount + ", inclusiveCount=" + inclusiveCount
                + ", selfPerRequest=" + selfPerRequest + ", inclusivePerRequest=" + inclusivePerRequest
                + ", selfPerRunPerRequest=" + Arrays.toString(selfPerRunPerRequest)
                + ", inclusivePerRunPerRequest=" + Arrays.toString(inclusivePerRunPerRequest) + "]";
    }
}
