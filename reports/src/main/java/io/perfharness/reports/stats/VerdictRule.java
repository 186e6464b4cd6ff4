package io.perfharness.reports.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * How a metric's estimate, adjusted p-value and run counts become a {@link Verdict}; immutable.
 * A change is claimed only when the adjusted p is below alpha and the whole interval lies beyond
 * the noise band; NO CHANGE only when the whole interval lies inside it.
 *
 * @param alpha significance level the adjusted p must be strictly below, e.g. 0.05
 * @param minRunsPerSide fewer runs than this on either side always give INCONCLUSIVE
 * @param noiseBand half-width of the band of no practical change: for {@link #decide} a fraction
 *     around a ratio of 1 (0.05 = ratios from 0.95 to 1.05), for {@link #decideShift} an absolute
 *     amount around a difference of 0 in the metric's unit (error rate 0.001 = 0.1 percentage points)
 */
public record VerdictRule(double alpha, int minRunsPerSide, double noiseBand) {

    public static final double DEFAULT_ALPHA = 0.05;
    public static final int DEFAULT_MIN_RUNS_PER_SIDE = 4;
    public static final double DEFAULT_NOISE_BAND = 0.05;

    /** alpha 0.05, at least 4 runs per side, a ±5% noise band. */
    public static final VerdictRule DEFAULT = new VerdictRule(DEFAULT_ALPHA, DEFAULT_MIN_RUNS_PER_SIDE, DEFAULT_NOISE_BAND);

    public VerdictRule {
        List<String> problems = new ArrayList<>();
        if (!(alpha > 0 && alpha < 1)) {
            problems.add("alpha must be in (0, 1) but was " + alpha);
        }
        if (minRunsPerSide < 1) {
            problems.add("minRunsPerSide must be >= 1 but was " + minRunsPerSide);
        }
        if (!(noiseBand >= 0 && Double.isFinite(noiseBand))) {
            problems.add("noiseBand must be finite and >= 0 but was " + noiseBand);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The same rule with another band, e.g. max(0.05, the band an A/A calibration measured). */
    public VerdictRule withNoiseBand(double band) {
        return new VerdictRule(alpha, minRunsPerSide, band);
    }

    /**
     * Decides on a ratio candidate/baseline (from {@link HodgesLehmann#ratio}) against the band
     * [1 - noiseBand, 1 + noiseBand].
     *
     * @param adjustedP the metric's p-value after the family's correction (Holm for gated metrics)
     */
    public MetricVerdict decide(ShiftEstimate ratioEstimate, double adjustedP, Direction direction,
            int nBaseline, int nCandidate) {
        requireArguments(ratioEstimate, adjustedP, direction, nBaseline, nCandidate);
        if (noiseBand >= 1) {
            throw new IllegalArgumentException("noiseBand must be a fraction < 1 for a ratio but was " + noiseBand);
        }
        Band band = new Band(1.0 - noiseBand, 1.0 + noiseBand, "±" + ReasonFormat.percent(noiseBand),
                ReasonFormat.interval(ratioEstimate.lower(), ratioEstimate.upper(), 2,
                        1.0 - noiseBand, 1.0 + noiseBand));
        return decide(ratioEstimate, adjustedP, direction, nBaseline, nCandidate, band);
    }

    /**
     * Decides on a difference candidate - baseline (from {@link HodgesLehmann#shift}) against the
     * absolute band [-noiseBand, +noiseBand], noiseBand read in the metric's own unit (error rate as a
     * fraction: 0.001 = 0.1 percentage points).
     *
     * @param adjustedP the metric's p-value after the family's correction (Holm for gated metrics)
     */
    public MetricVerdict decideShift(ShiftEstimate shiftEstimate, double adjustedP, Direction direction,
            int nBaseline, int nCandidate) {
        requireArguments(shiftEstimate, adjustedP, direction, nBaseline, nCandidate);
        int decimals = noiseBand > 0 ? Math.max(2, 1 - (int) Math.floor(Math.log10(noiseBand))) : 2;
        Band band = new Band(-noiseBand, noiseBand, "±" + ReasonFormat.plain(noiseBand),
                ReasonFormat.interval(shiftEstimate.lower(), shiftEstimate.upper(), decimals, -noiseBand, noiseBand));
        return decide(shiftEstimate, adjustedP, direction, nBaseline, nCandidate, band);
    }

    private MetricVerdict decide(ShiftEstimate estimate, double adjustedP, Direction direction,
            int nBaseline, int nCandidate, Band band) {
        if (nBaseline < minRunsPerSide || nCandidate < minRunsPerSide) {
            return new MetricVerdict(Verdict.INCONCLUSIVE, "need at least " + minRunsPerSide
                    + " runs per side (have " + nBaseline + " and " + nCandidate + ")");
        }
        boolean significant = adjustedP < alpha;
        boolean candidateHigher = estimate.lower() > band.upperEdge();
        boolean candidateLower = estimate.upper() < band.lowerEdge();
        String p = "p=" + ReasonFormat.pValue(adjustedP, alpha);
        String interval = "interval " + band.formattedInterval();
        String noiseBand = "the " + band.label() + " noise band";
        if (significant && (candidateHigher || candidateLower)) {
            boolean worse = candidateHigher == (direction == Direction.LOWER_IS_BETTER);
            return new MetricVerdict(worse ? Verdict.REGRESSION : Verdict.IMPROVEMENT,
                    interval + " beyond " + noiseBand + ", " + p);
        }
        if (estimate.lower() >= band.lowerEdge() && estimate.upper() <= band.upperEdge()) {
            return new MetricVerdict(Verdict.NO_CHANGE, interval + " inside " + noiseBand);
        }
        if (significant) {
            return new MetricVerdict(Verdict.INCONCLUSIVE,
                    "significant (" + p + ") but " + interval + " overlaps " + noiseBand);
        }
        if (candidateHigher || candidateLower) {
            return new MetricVerdict(Verdict.INCONCLUSIVE, interval + " beyond " + noiseBand + " but " + p
                    + " is not below alpha " + ReasonFormat.plain(alpha));
        }
        return new MetricVerdict(Verdict.INCONCLUSIVE, interval + " too wide for " + noiseBand);
    }

    private static void requireArguments(ShiftEstimate estimate, double adjustedP, Direction direction,
            int nBaseline, int nCandidate) {
        List<String> problems = new ArrayList<>();
        if (estimate == null) {
            problems.add("estimate must not be null");
        } else if (!(estimate.lower() <= estimate.upper())) {
            problems.add("estimate interval must have lower <= upper but was [" + estimate.lower()
                    + ", " + estimate.upper() + "]");
        }
        if (!(adjustedP >= 0 && adjustedP <= 1)) {
            problems.add("adjustedP must be in [0, 1] but was " + adjustedP);
        }
        if (direction == null) {
            problems.add("direction must not be null");
        }
        if (nBaseline < 0 || nCandidate < 0) {
            problems.add("run counts must be >= 0 but were " + nBaseline + " and " + nCandidate);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The band of no practical change, its printed label and the interval printed against it. */
    private record Band(double lowerEdge, double upperEdge, String label, String formattedInterval) {
    }
}
