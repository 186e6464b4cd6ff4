package io.perfharness.reports.soak;

/**
 * The rules of a leak verdict; {@link #defaults()} documents the chosen values and {@code docs/soak.md}
 * why. A series is LEAK SUSPECTED only when all hold: at least {@code minSnapshots} snapshots; a
 * least-squares slope against completed requests greater than 0 with one-sided t-test p below
 * {@code maxPValue}; at least {@code minIncreasingStepFraction} of the steps up and at most
 * {@code maxDecreasingStepFraction} down; fitted growth over the run at least the series' minimum; and the
 * last half of the snapshots still rising at {@code minLateSlopeRatio} of the whole run's slope. Immutable.
 *
 * @param minHeapGrowthBytes heap after GC must grow at least this much over the run...
 * @param minHeapGrowthFraction ...and at least this fraction of its first value
 * @param minClassInstanceGrowth a class must gain at least this many live instances over the run
 */
public record LeakThresholds(int minSnapshots, double maxPValue, double minIncreasingStepFraction,
        double maxDecreasingStepFraction, double minLateSlopeRatio, long minHeapGrowthBytes,
        double minHeapGrowthFraction, long minClassInstanceGrowth, long minThreadGrowth, long minConnectionGrowth,
        long minOpenFileGrowth) {
    public LeakThresholds {
        if (minSnapshots < 4) {
            throw new IllegalArgumentException("minSnapshots must be at least 4 (a late-half fit needs 3 points)"
                    + " but was " + minSnapshots);
        }
        if (!(maxPValue > 0 && maxPValue < 1)) {
            throw new IllegalArgumentException("maxPValue must be in (0, 1) but was " + maxPValue);
        }
    }

    /**
     * 5 snapshots (a minute at 15 s), p &lt; 0.01, half the steps up and at most a fifth down, the last half
     * rising at a quarter of the overall slope; growth of at least max(4 MiB, 2 % of the first value) of
     * heap after GC, 100 instances of a class, 5 threads, 2 pool connections, 5 open files.
     */
    public static LeakThresholds defaults() {
        return new LeakThresholds(5, 0.01, 0.5, 0.2, 0.25, 4L * 1024 * 1024, 0.02, 100, 5, 2, 5);
    }
}
