package io.perfharness.profiling.diff;

import java.util.Arrays;

/**
 * What one side of a diff amounts to in total. Immutable (the array is copied in and out).
 *
 * @param label                 the side's label
 * @param runCount              number of runs
 * @param completedRequests     summed completed requests of the runs
 * @param totalCount            summed counts of all stacks of all runs
 * @param totalPerRequest       pooled cost per request of the whole profile
 * @param totalPerRunPerRequest each run's whole-profile cost per request, in run order
 * @param costPerCountPerRequest each run's unitsPerCount / completedRequests: the cost per request one
 *                              count stands for, in run order
 */
public record SideSummary(String label, int runCount, long completedRequests, long totalCount,
                          double totalPerRequest, double[] totalPerRunPerRequest, double[] costPerCountPerRequest) {

    public SideSummary {
        totalPerRunPerRequest = totalPerRunPerRequest.clone();
        costPerCountPerRequest = costPerCountPerRequest.clone();
    }

    @Override
    public double[] totalPerRunPerRequest() {
        return totalPerRunPerRequest.clone();
    }

    @Override
    public double[] costPerCountPerRequest() {
        return costPerCountPerRequest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SideSummary other && other.label.equals(label) && other.runCount == runCount
                && other.completedRequests == completedRequests && other.totalCount == totalCount
                && Double.compare(other.totalPerRequest, totalPerRequest) == 0
                && Arrays.equals(other.totalPerRunPerRequest, totalPerRunPerRequest)
                && Arrays.equals(other.costPerCountPerRequest, costPerCountPerRequest);
    }

    @Override
    public int hashCode() {
        return label.hashCode() * 31 + Long.hashCode(totalCount);
    }

    @Override
    public String toString() {
        return "SideSummary[label=" + label + ", runCount=" + runCount + ", completedRequests=" + completedRequests
                + ", totalCount=" + totalCount + ", totalPerRequest=" + totalPerRequest
                + ", totalPerRunPerRequest=" + Arrays.toString(totalPerRunPerRequest) + "]";
    }
}
