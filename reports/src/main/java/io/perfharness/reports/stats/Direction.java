package io.perfharness.reports.stats;

/** Which way a metric gets better: latency and cost per request fall, throughput rises. */
public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER
}
