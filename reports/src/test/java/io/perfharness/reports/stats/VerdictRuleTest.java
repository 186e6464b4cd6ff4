package io.perfharness.reports.stats;

import org.junit.jupiter.api.Test;

import static io.perfharness.reports.stats.Direction.HIGHER_IS_BETTER;
import static io.perfharness.reports.stats.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerdictRuleTest {

    private static final VerdictRule RULE = VerdictRule.DEFAULT;

    @Test
    void theDefaultIsAlphaFivePercentFourRunsAndAFivePercentBand() {
        assertThat(RULE).isEqualTo(new VerdictRule(0.05, 4, 0.05));
        assertThat(Verdict.NO_CHANGE.label()).isEqualTo("NO CHANGE");
        assertThat(Verdict.REGRESSION.label()).isEqualTo("REGRESSION");
        assertThat(Verdict.IMPROVEMENT.label()).isEqualTo("IMPROVEMENT");
        assertThat(Verdict.INCONCLUSIVE.label()).isEqualTo("INCONCLUSIVE");
    }

    @Test
    void fewerThanFourRunsOnEitherSideIsInconclusiveWhateverTheNumbers() {
        ShiftEstimate huge = new ShiftEstimate(3.0, 2.5, 3.5, 0.95);

        assertThat(RULE.decide(huge, 0.001, LOWER_IS_BETTER, 3, 5))
                .isEqualTo(new MetricVerdict(Verdict.INCONCLUSIVE, "need at least 4 runs per side (have 3 and 5)"));
        assertThat(RULE.decide(huge, 0.001, LOWER_IS_BETTER, 1, 1).reason())
                .isEqualTo("need at least 4 runs per side (have 1 and 1)");
        assertThat(RULE.decideShift(huge, 0.001, LOWER_IS_BETTER, 4, 2).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aSignificantIntervalAboveTheBandIsARegressionWhenLowerIsBetter() {
        ShiftEstimate slower = new ShiftEstimate(1.30, 1.22, 1.38, 0.968);

        assertThat(RULE.decide(slower, 0.0079, LOWER_IS_BETTER, 5, 5))
                .isEqualTo(new MetricVerdict(Verdict.REGRESSION, "interval [1.22, 1.38] beyond the ±5% noise band, p=0.0079"));
        assertThat(RULE.decide(slower, 0.0079, HIGHER_IS_BETTER, 5, 5).verdict()).isEqualTo(Verdict.IMPROVEMENT);
    }

    @Test
    void aSignificantIntervalBelowTheBandIsAnImprovementWhenLowerIsBetter() {
        ShiftEstimate faster = new ShiftEstimate(0.70, 0.64, 0.77, 0.968);

        assertThat(RULE.decide(faster, 0.00002, LOWER_IS_BETTER, 10, 10))
                .isEqualTo(new MetricVerdict(Verdict.IMPROVEMENT, "interval [0.64, 0.77] beyond the ±5% noise band, p=2.0e-05"));
        assertThat(RULE.decide(faster, 0.00002, HIGHER_IS_BETTER, 10, 10).verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void anIntervalInsideTheBandIsNoChangeEvenWhenSignificant() {
        ShiftEstimate small = new ShiftEstimate(1.02, 1.01, 1.04, 0.95);

        assertThat(RULE.decide(small, 0.001, LOWER_IS_BETTER, 10, 10))
                .isEqualTo(new MetricVerdict(Verdict.NO_CHANGE, "interval [1.01, 1.04] inside the ±5% noise band"));
    }

    @Test
    void identicalSamplesAreNoChange() {
        double[] same = {12.5, 12.5, 12.5, 12.5, 12.5};
        ShiftEstimate ratio = HodgesLehmann.ratio(same, same.clone(), 0.95);
        MannWhitneyResult test = MannWhitney.test(same, same.clone());

        MetricVerdict verdict = RULE.decide(ratio, test.pTwoSided(), LOWER_IS_BETTER, 5, 5);

        assertThat(ratio.lower()).isEqualTo(1.0);
        assertThat(ratio.upper()).isEqualTo(1.0);
        assertThat(test.pTwoSided()).isEqualTo(1.0);
        assertThat(verdict).isEqualTo(new MetricVerdict(Verdict.NO_CHANGE, "interval [1.00, 1.00] inside the ±5% noise band"));
    }

    @Test
    void aWideIntervalIsInconclusiveSayingSo() {
        assertThat(RULE.decide(new ShiftEstimate(1.05, 0.91, 1.22, 0.95), 0.4, LOWER_IS_BETTER, 5, 5))
                .isEqualTo(new MetricVerdict(Verdict.INCONCLUSIVE, "interval [0.91, 1.22] too wide for the ±5% noise band"));
    }

    @Test
    void aSignificantIntervalOverlappingTheBandIsInconclusiveSayingSo() {
        assertThat(RULE.decide(new ShiftEstimate(1.15, 1.02, 1.30, 0.95), 0.01, LOWER_IS_BETTER, 5, 5))
                .isEqualTo(new MetricVerdict(Verdict.INCONCLUSIVE,
                        "significant (p=0.01) but interval [1.02, 1.30] overlaps the ±5% noise band"));
    }

    @Test
    void anIntervalBeyondTheBandWithoutSignificanceIsInconclusive() {
        // Holm can lift p above alpha while the unadjusted interval clears the band.
        assertThat(RULE.decide(new ShiftEstimate(1.25, 1.10, 1.40, 0.968), 0.0317, LOWER_IS_BETTER, 4, 4).verdict())
                .isEqualTo(Verdict.REGRESSION);
        assertThat(RULE.decide(new ShiftEstimate(1.25, 1.10, 1.40, 0.971), 0.114, LOWER_IS_BETTER, 4, 4))
                .isEqualTo(new MetricVerdict(Verdict.INCONCLUSIVE,
                        "interval [1.10, 1.40] beyond the ±5% noise band but p=0.11 is not below alpha 0.05"));
    }

    @Test
    void roundingNeverMakesTheNumbersContradictTheVerdict() {
        // 1.0496 would print as 1.05, the band edge; 0.0496 would print as 0.05, alpha
        assertThat(RULE.decide(new ShiftEstimate(1.2, 1.0496, 1.30, 0.95), 0.0496, LOWER_IS_BETTER, 5, 5).reason())
                .isEqualTo("significant (p=0.0496) but interval [1.0496, 1.3000] overlaps the ±5% noise band");
        assertThat(RULE.withNoiseBand(0.025).decide(new ShiftEstimate(1.0, 0.98, 1.02, 0.95), 0.5, LOWER_IS_BETTER, 5, 5).reason())
                .isEqualTo("interval [0.98, 1.02] inside the ±2.5% noise band");
    }

    @Test
    void differencesAreJudgedAgainstAnAbsoluteBand() {
        VerdictRule errorRate = RULE.withNoiseBand(0.001);

        assertThat(errorRate.decideShift(new ShiftEstimate(0.004, 0.003, 0.006, 0.968), 0.0079, LOWER_IS_BETTER, 5, 5))
                .isEqualTo(new MetricVerdict(Verdict.REGRESSION, "interval [0.0030, 0.0060] beyond the ±0.001 noise band, p=0.0079"));
        assertThat(errorRate.decideShift(new ShiftEstimate(0, -0.0004, 0.0005, 0.968), 0.6, LOWER_IS_BETTER, 5, 5))
                .isEqualTo(new MetricVerdict(Verdict.NO_CHANGE, "interval [-0.0004, 0.0005] inside the ±0.001 noise band"));
        assertThat(errorRate.decideShift(new ShiftEstimate(0, 0, 0, 0.968), 1.0, LOWER_IS_BETTER, 5, 5).verdict())
                .isEqualTo(Verdict.NO_CHANGE);
        assertThat(errorRate.decideShift(new ShiftEstimate(-0.004, -0.006, -0.002, 0.968), 0.0079, LOWER_IS_BETTER, 5, 5).verdict())
                .isEqualTo(Verdict.IMPROVEMENT);
    }

    @Test
    void rejectsInconsistentSettingsAllAtOnce() {
        assertThatThrownBy(() -> new VerdictRule(0, 0, -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in (0, 1) but was 0.0; minRunsPerSide must be >= 1 but was 0; "
                        + "noiseBand must be finite and >= 0 but was -0.1");
        assertThatThrownBy(() -> RULE.withNoiseBand(1.0).decide(new ShiftEstimate(1, 1, 1, 1), 1, LOWER_IS_BETTER, 5, 5))
                .hasMessage("noiseBand must be a fraction < 1 for a ratio but was 1.0");
        assertThatThrownBy(() -> RULE.decide(new ShiftEstimate(1, 1.2, 1.1, 1), 1.2, null, 5, 5))
                .hasMessage("estimate interval must have lower <= upper but was [1.2, 1.1]; "
                        + "adjustedP must be in [0, 1] but was 1.2; direction must not be null");
    }
}
