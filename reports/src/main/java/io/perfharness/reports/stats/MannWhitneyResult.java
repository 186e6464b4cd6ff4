package io.perfharness.reports.stats;

/**
 * The outcome of a two-sided Mann-Whitney U test. {@code uStatistic} counts the pairs (baseline
 * i, candidate j) with candidate j larger, ties counting one half, so it runs from 0 to
 * nBaseline * nCandidate and sits at half of that when the sides do not differ. Immutable.
 *
 * @param uStatistic U of the candidate sample
 * @param pTwoSided two-sided p-value, in [0, 1]
 * @param exact true when p comes from the exact null distribution, false for the normal
 *     approximation (with tie and continuity correction)
 * @param nBaseline number of baseline values
 * @param nCandidate number of candidate values
 */
public record MannWhitneyResult(double uStatistic, double pTwoSided, boolean exact, int nBaseline, int nCandidate) {
}
