package io.perfharness.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Small hand-checked families. Expected values come from the formulas in ModeratedFrameTest's
 * Javadoc with Var[ln(X + 0.5)] summed exactly in Python/scipy: V(20) = 0.0513717193,
 * V(100) = 0.0100508567, V(200) = 0.0050126056; t quantiles from scipy.stats.t.ppf.
 */
class ModeratedFrameTestTest {
  private static final double[] ONES_3 = {1, 1, 1};
  private static final double[] ONES_5 = {1, 1, 1, 1, 1};

  @Test
  void aFrameThatDoublesWithNoRunNoiseGetsThePoissonStandardErrorAndTheFloorOfThePermutationTest() {
    // Below 10 tested frames there is no prior: s² = 0 here, so the variance is the Poisson part,
    // SE = sqrt(V(100)/5 + V(200)/5) = 0.0548880, t = ln(200.5/100.5)/SE = 12.583 with 8 df.
    FrameFamilyResult family = ModeratedFrameTest.DEFAULT.test(List.of(frame(5, 100, 200)), ONES_5, ONES_5, 1);

    FrameChange change = family.frames().get(0).change();
    assertThat(change.ratio()).isCloseTo(200.5 / 100.5, within(1e-12));
    assertThat(change.degreesOfFreedom()).isEqualTo(8);
    assertThat(change.pValue()).isCloseTo(1.4922548e-6, within(1e-10));
    assertThat(change.ratioLower()).isCloseTo(1.7578379, within(1e-5));
    assertThat(change.ratioUpper()).isCloseTo(2.2642158, within(1e-5));
    // The observed labeling and its mirror image are the two most extreme of 252.
    assertThat(change.adjustedP()).isEqualTo(2.0 / 252);
    assertThat(family.frames().get(0).significant()).isTrue();
    assertThat(family.frames().get(0).reason()).isEqualTo("significant");
    assertThat(family.prior()).isEqualTo(ExtraVariancePrior.NONE);
    assertThat(family.labelings()).isEqualTo(252);
    assertThat(family.exactPermutation()).isTrue();
  }

  @Test
  void atThreeRunsPerSideTheSameFrameIsReportedButCannotBeSignificant() {
    FrameFamilyResult family = ModeratedFrameTest.DEFAULT.test(List.of(frame(3, 100, 200)), ONES_3, ONES_3, 1);

    FrameTestResult result = family.frames().get(0);
    assertThat(result.change().pValue()).isCloseTo(6.2062797e-4, within(1e-9));
    assertThat(result.change().ratioLower()).isCloseTo(1.6387231, within(1e-5));
    assertThat(result.change().ratioUpper()).isCloseTo(2.4287961, within(1e-5));
    assertThat(result.change().adjustedP()).isEqualTo(0.1);
    assertThat(result.significant()).isFalse();
    assertThat(result.reason()).isEqualTo("not significant: with 3 and 3 runs the smallest adjusted p is 0.1");
    assertThat(family.smallestAdjustedP()).isEqualTo(0.1);
  }

  @Test
  void aFramePresentInFiveOfFiveRunsWithTwentySamplesAndAbsentFromTheOtherSideIsSignificant() {
    FrameFamilyResult family = ModeratedFrameTest.DEFAULT.test(List.of(frame(5, 20, 0)), ONES_5, ONES_5, 1);

    FrameTestResult result = family.frames().get(0);
    assertThat(result.tested()).isTrue();
    assertThat(result.change().ratio()).isCloseTo(0.5 / 20.5, within(1e-12));
    assertThat(result.change().pValue()).isCloseTo(3.3776e-10, within(1e-13));
    assertThat(result.change().ratioLower()).isCloseTo(0.0193065, within(1e-6));
    assertThat(result.change().ratioUpper()).isCloseTo(0.0308127, within(1e-6));
    assertThat(result.change().adjustedP()).isEqualTo(2.0 / 252);
    assertThat(result.significant()).isTrue();
  }

  @Test
  void theVanishedFrameIsSignificantAmongTwoHundredNoisyFramesToo() {
    ProfileComparisonSimulation.Comparison comparison = ProfileComparisonSimulation.comparison(new SplittableRandom(7),
        ProfileComparisonSimulation.DEFAULT, ProfileComparisonSimulation.Plant.VANISHED);
    FrameFamilyResult family = ModeratedFrameTest.DEFAULT.test(comparison.frames(), comparison.baselineFactors(),
        comparison.candidateFactors(), 1);

    assertThat(family.testedFrames()).isGreaterThan(50);
    assertThat(family.prior().isNone()).isFalse();
    FrameTestResult vanished = family.frames().get(0);
    assertThat(vanished.significant()).isTrue();
    assertThat(vanished.change().adjustedP()).isEqualTo(2.0 / 252);
    assertThat(vanished.change().ratioUpper()).isLessThan(0.1);
  }

  @Test
  void identicalRunsOnBothSidesGiveARatioOfOneAndNoSignificance() {
    FrameFamilyResult family = ModeratedFrameTest.DEFAULT.test(List.of(frame(5, 40, 40)), ONES_5, ONES_5, 1);

    FrameChange change = family.frames().get(0).change();
    assertThat(change.ratio()).isEqualTo(1.0);
    assertThat(change.pValue()).isEqualTo(1.0);
    assertThat(change.adjustedP()).isEqualTo(1.0);
    assertThat(change.ratioLower()).isCloseTo(1 / change.ratioUpper(), within(1e-12));
    assertThat(family.frames().get(0).significant()).isFalse();
  }

  @Test
  void aFrameWithNoSamplesIsLowSamplesAndSoIsOneJustBelowTheThreshold() {
    FrameFamilyResult family = ModeratedFrameTest.DEFAULT.test(List.of(frame(5, 0, 0),
        new FrameCounts(new long[] {10, 10, 10, 10, 10}, new long[] {10, 10, 10, 10, 9}),
        new FrameCounts(new long[] {10, 10, 10, 10, 10}, new long[] {10, 10, 10, 10, 10})), ONES_5, ONES_5, 1);

    assertThat(family.frames().get(0).status()).isEqualTo(FrameTestStatus.LOW_SAMPLES);
    assertThat(family.frames().get(0).reason()).isEqualTo("low samples, not tested (0 of 100 samples over both sides)");
    assertThat(family.frames().get(0).change()).isNull();
    assertThat(family.frames().get(1).reason()).isEqualTo("low samples, not tested (99 of 100 samples over both sides)");
    assertThat(family.frames().get(2).tested()).isTrue();
    assertThat(family.testedFrames()).isEqualTo(1);
  }

  @Test
  void oneRunPerSideIsUntestable() {
    FrameFamilyResult family = ModeratedFrameTest.DEFAULT.test(
        List.of(new FrameCounts(new long[] {500}, new long[] {100})), new double[] {1}, new double[] {1}, 1);

    FrameTestResult result = family.frames().get(0);
    assertThat(result.status()).isEqualTo(FrameTestStatus.TOO_FEW_RUNS);
    assertThat(result.reason()).isEqualTo("need at least 2 runs per side, not tested (have 1 and 1)");
    assertThat(result.significant()).isFalse();
    assertThat(family.testedFrames()).isZero();
  }

  @Test
  void allocationCountsInBytesAreFilteredAndTestedInSamples() {
    long interval = 524_288;
    FrameCounts samples = new FrameCounts(new long[] {30, 31, 29, 30, 33}, new long[] {15, 14, 16, 15, 17});
    FrameCounts bytes = new FrameCounts(new long[] {30 * interval, 31 * interval, 29 * interval, 30 * interval,
        33 * interval}, new long[] {15 * interval, 14 * interval, 16 * interval, 15 * interval, 17 * interval});
    FrameCounts fewBytes = new FrameCounts(new long[] {9 * interval, 9 * interval, 9 * interval, 9 * interval,
        9 * interval}, new long[] {1, 2, 3, 4, 5});
    double[] bytesFactors = {1.0 / 98_000, 1.0 / 101_000, 1.0 / 99_000, 1.0 / 100_500, 1.0 / 97_000};

    FrameChange inSamples = ModeratedFrameTest.DEFAULT.test(List.of(samples), bytesFactors, bytesFactors, 1)
        .frames().get(0).change();
    FrameFamilyResult inBytes = ModeratedFrameTest.DEFAULT.test(List.of(bytes, fewBytes), bytesFactors, bytesFactors,
        interval);

    FrameChange change = inBytes.frames().get(0).change();
    assertThat(change.ratio()).isCloseTo(inSamples.ratio(), within(1e-12));
    assertThat(change.pValue()).isCloseTo(inSamples.pValue(), within(1e-12));
    assertThat(change.ratioLower()).isCloseTo(inSamples.ratioLower(), within(1e-12));
    // 45 samples' worth of bytes over both sides: billions of count units, but below 100 samples.
    assertThat(inBytes.frames().get(1).status()).isEqualTo(FrameTestStatus.LOW_SAMPLES);
  }

  @Test
  void theSameInputGivesTheSameResult() {
    ProfileComparisonSimulation.Comparison comparison = ProfileComparisonSimulation.comparison(new SplittableRandom(3),
        ProfileComparisonSimulation.DEFAULT, ProfileComparisonSimulation.Plant.HALVED);

    FrameFamilyResult first = ModeratedFrameTest.DEFAULT.test(comparison.frames(), comparison.baselineFactors(),
        comparison.candidateFactors(), 1);
    FrameFamilyResult second = ModeratedFrameTest.DEFAULT.test(comparison.frames(), comparison.baselineFactors(),
        comparison.candidateFactors(), 1);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void manyRunsAreTestedOnASeededSampleOfRelabelings() {
    int runs = 10;
    List<FrameCounts> frames = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(5);
    for (int g = 0; g < 20; g++) {
      long[] b = new long[runs];
      long[] c = new long[runs];
      for (int r = 0; r < runs; r++) {
        b[r] = ProfileComparisonSimulation.poisson(random, 60);
        c[r] = ProfileComparisonSimulation.poisson(random, g == 0 ? 120 : 60);
      }
      frames.add(new FrameCounts(b, c));
    }
    double[] factors = new double[runs];
    java.util.Arrays.fill(factors, 1e-4);

    FrameFamilyResult family = ModeratedFrameTest.DEFAULT.test(frames, factors, factors, 1);

    assertThat(family.exactPermutation()).isFalse();
    assertThat(family.labelings()).isEqualTo(2_000);
    assertThat(family.smallestAdjustedP()).isEqualTo(1.0 / 2_000);
    assertThat(family.frames().get(0).significant()).isTrue();
    assertThat(family.frames().get(0).change().ratio()).isCloseTo(2.0, within(0.15));
  }

  @Test
  void everyInvalidArgumentIsReportedAtOnceWithItsValue() {
    List<FrameCounts> frames = List.of(new FrameCounts(new long[] {1, 2, 3}, new long[] {4, 5, -3}),
        new FrameCounts(new long[] {1, 2}, new long[] {4, 5, 6}));

    assertThatThrownBy(() -> ModeratedFrameTest.DEFAULT.test(frames, new double[] {1, Double.NaN, 1},
        new double[] {1, 1, -0.5}, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baselineCostPerCountPerRequest[1] must be finite and > 0 but was NaN; "
            + "candidateCostPerCountPerRequest[2] must be finite and > 0 but was -0.5; "
            + "countsPerSample must be finite and > 0 but was Infinity; "
            + "frames[0].candidateCounts[2] must be >= 0 but was -3; "
            + "frames[1].baselineCounts has 2 runs but baselineCostPerCountPerRequest has 3");
  }

  @Test
  void optionsOutOfRangeAreReportedTogether() {
    assertThatThrownBy(() -> new ModeratedFrameTest(1.5, 0.95, 0, 10, 10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in (0, 1) but was 1.5; minSamplesBothSides must be finite and >= 1 but was 0.0");
  }

  private static FrameCounts frame(int runs, long baselineCount, long candidateCount) {
    long[] b = new long[runs];
    long[] c = new long[runs];
    java.util.Arrays.fill(b, baselineCount);
    java.util.Arrays.fill(c, candidateCount);
    return new FrameCounts(b, c);
  }
}
