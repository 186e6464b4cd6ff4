package io.perfharness.reports.stats;

/**
 * The verdict on one metric with the reason in words a report can print as is. Immutable.
 *
 * @param verdict the decision
 * @param reason why, with the numbers that decided it
 */
public record MetricVerdict(Verdict verdict, String reason) {
}
