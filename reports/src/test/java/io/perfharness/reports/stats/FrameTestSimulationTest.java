package io.perfharness.reports.stats;

import io.perfharness.reports.stats.ProfileComparisonSimulation.Comparison;
import io.perfharness.reports.stats.ProfileComparisonSimulation.Plant;
import io.perfharness.reports.stats.ProfileComparisonSimulation.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded simulations of whole profile comparisons at 5+5 runs through {@link ModeratedFrameTest}:
 * the family-wise rate of A/A comparisons with any significant frame, the power to find one frame
 * halved among all the others, and a frame that vanishes. The measured rates are printed; surefire
 * writes them to target/surefire-reports/io.perfharness.reports.stats.FrameTestSimulationTest-output.txt.
 *
 * <p>The model ({@link ProfileComparisonSimulation}): 200 frames per comparison; frame g's mean
 * samples per run μ_g is lognormal, median 8, σ of ln μ 2.0 (a few frames with thousands of samples
 * per run, most under 10; about 91 pass the 100-sample filter). Each frame has its own extra
 * run-to-run noise τ_g (a standard deviation on the log scale): 95% of frames are ordinary, τ_g =
 * 0.05 × exp(0.5 Z), so 95% of them between 1.9% and 13%; 5% are noisy like JIT compiler or GC
 * frames, τ_g uniform in [0.25, 0.8]. Run r of a side completes R_r requests, uniform in [8,000,
 * 12,000], and has a run-level factor ρ_r shared by all its frames, ln ρ_r ~ Normal(0, 0.05). The
 * count of frame g in run r is Poisson(μ_g × R_r / 10,000 × ρ_r × exp(τ_g Z_gr - τ_g² / 2)); the
 * run's factor (cost per count per request) is 1 / R_r; 5 runs per side.
 *
 * <p>A/A: 1,000 comparisons, both sides drawn alike; any significant frame counts. Halved: 500
 * comparisons; frame 0 has μ = 50 on the baseline side and 25 on the candidate side, with an
 * ordinary τ drawn like the others'. Vanished: 100 comparisons; frame 0 has at least 20 samples in
 * each baseline run (Poisson(24) redrawn below 20) and none in any candidate run.
 *
 * <p>Other scenarios for docs/comparison.md, as system properties: {@code -DframeSim.typicalNoise=0.08},
 * {@code noiseLogSd}, {@code noisyShare}, {@code noisyLow}, {@code noisyHigh}, {@code runLogSd},
 * {@code minSamples} (the filter), and the counts {@code aa}, {@code power}, {@code vanished}.
 */
class FrameTestSimulationTest {

  /** {@link ProfileComparisonSimulation#DEFAULT}, or what the system properties change of it. */
  static final Scenario SCENARIO = new Scenario(
      property("typicalNoise", ProfileComparisonSimulation.DEFAULT.typicalNoise()),
      property("noiseLogSd", ProfileComparisonSimulation.DEFAULT.noiseLogSd()),
      property("noisyShare", ProfileComparisonSimulation.DEFAULT.noisyShare()),
      property("noisyLow", ProfileComparisonSimulation.DEFAULT.noisyLow()),
      property("noisyHigh", ProfileComparisonSimulation.DEFAULT.noisyHigh()),
      property("runLogSd", ProfileComparisonSimulation.DEFAULT.runLogSd()));

  /** The test under simulation: the default options, or another sample filter for docs/comparison.md. */
  static final ModeratedFrameTest TEST = ModeratedFrameTest.DEFAULT.withMinSamplesBothSides(
      property("minSamples", ModeratedFrameTest.DEFAULT_MIN_SAMPLES_BOTH_SIDES));

  private static final int AA_COMPARISONS = Integer.getInteger("frameSim.aa", 1_000);
  private static final int POWER_COMPARISONS = Integer.getInteger("frameSim.power", 500);
  private static final int VANISHED_COMPARISONS = Integer.getInteger("frameSim.vanished", 100);
  /** By construction the A/A rate is 12/252: the 6 of 126 distinct relabelings at or beyond the observed one. */
  private static final double EXACT_FAMILY_WISE_RATE = 12.0 / 252;

  @Test
  void aaComparisonsHaveASignificantFrameInAtMostFivePercent() {
    Rates aa = run(SCENARIO, 11L, AA_COMPARISONS, Plant.NONE);
    print("A/A", aa);

    // The simulation can only confirm the design rate within its own binomial error, as in VerdictSimulationTest.
    double slack = 3 * Math.sqrt(0.05 * 0.95 / AA_COMPARISONS);
    assertThat(aa.anySignificantRate()).as("family-wise rate").isLessThanOrEqualTo(0.05 + slack);
    // Far below 12/252 would mean the permutation test lost its level (and its power with it).
    assertThat(aa.anySignificantRate()).as("family-wise rate").isGreaterThan(EXACT_FAMILY_WISE_RATE - slack);
  }

  @Test
  void aFrameOfFiftySamplesPerRunHalvedIsFoundInAtLeastNinetyPercent() {
    Rates halved = run(SCENARIO, 12L, POWER_COMPARISONS, Plant.HALVED);
    print("halved", halved);

    assertThat(halved.plantedTestedRate()).isEqualTo(1.0);
    assertThat(halved.plantedSignificantRate()).as("power").isGreaterThanOrEqualTo(0.90);
    double slack = 3 * Math.sqrt(0.05 * 0.95 / POWER_COMPARISONS);
    assertThat(halved.anySignificantRate()).as("rate of any other frame significant").isLessThanOrEqualTo(0.05 + slack);
  }

  @Test
  void aFrameInFiveOfFiveRunsOnOneSideAndNoneOnTheOtherIsAlwaysFound() {
    Rates vanished = run(SCENARIO, 13L, VANISHED_COMPARISONS, Plant.VANISHED);
    print("vanished", vanished);

    assertThat(vanished.plantedSignificantRate()).isEqualTo(1.0);
  }

  /**
   * A comparison tests the frames of all its events and views at once, and the views are sums of the same
   * stacks: the self view is the model's 200 frames (leaves), the application view charges each group of 5
   * consecutive leaves to one application frame (40 frames). (The inclusive view is not tested: an
   * inclusive change is the sum of the changes below it, which the other two views test.) Tested jointly,
   * the chance of any false frame in the whole comparison stays within the level, and a halved leaf
   * (frame 0, 50 samples per run) is still found in the self view in at least 90% of comparisons of one
   * event. Comparisons of three events (three independent draws of the model, the planted one first)
   * are measured too, for docs/comparison.md: more frames compete for the permutation's maximum.
   */
  @Test
  void theViewsOfAComparisonTestedJointlyKeepTheLevelAndThePower() {
    int aaComparisons = AA_COMPARISONS / 2;
    int powerComparisons = POWER_COMPARISONS / 2;
    SplittableRandom random = new SplittableRandom(14L);
    double aa = jointRate(random, aaComparisons, Plant.NONE, 1);
    double aaThree = jointRate(random, aaComparisons, Plant.NONE, 3);
    double power = jointRate(random, powerComparisons, Plant.HALVED, 1);
    double powerThree = jointRate(random, powerComparisons, Plant.HALVED, 3);
    System.out.printf(Locale.ROOT, "joint app+self views: one event: A/A any-significant=%.4f over %d, halved leaf"
        + " found=%.4f over %d; three events: A/A %.4f, halved %.4f%n", aa, aaComparisons, power, powerComparisons,
        aaThree, powerThree);
    double slack = 3 * Math.sqrt(0.05 * 0.95 / aaComparisons);
    assertThat(aa).as("family-wise rate of a one-event comparison").isLessThanOrEqualTo(0.05 + slack);
    assertThat(aaThree).as("family-wise rate of a three-event comparison").isLessThanOrEqualTo(0.05 + slack);
    assertThat(power).as("power, all views of one event tested jointly").isGreaterThanOrEqualTo(0.90);
  }

  /**
   * With no plant, the share of comparisons with any significant frame; with a plant, the share where the
   * planted leaf is significant in the self view of the first event.
   */
  private static double jointRate(SplittableRandom random, int comparisons, Plant plant, int events) {
    int hits = 0;
    for (int c = 0; c < comparisons; c++) {
      List<ModeratedFrameTest.Family> families = new ArrayList<>();
      for (int e = 0; e < events; e++) {
        families.addAll(views(ProfileComparisonSimulation.comparison(random, SCENARIO, e == 0 ? plant : Plant.NONE)));
      }
      List<FrameFamilyResult> results = TEST.testJointly(families);
      hits += plant == Plant.NONE ? (results.stream().anyMatch(r -> r.significantFrames() > 0) ? 1 : 0)
          : (results.get(1).frames().get(0).significant() ? 1 : 0);
    }
    return (double) hits / comparisons;
  }

  /** The application and self views of one event's leaf counts, in that order. */
  private static List<ModeratedFrameTest.Family> views(Comparison leaves) {
    List<ModeratedFrameTest.Family> out = new ArrayList<>();
    for (List<FrameCounts> view : List.of(groups(leaves.frames(), 5), leaves.frames())) {
      out.add(new ModeratedFrameTest.Family(view, leaves.baselineFactors(), leaves.candidateFactors(), 1));
    }
    return out;
  }

  /** Sums of consecutive frames, {@code size} at a time (the last group may be smaller). */
  private static List<FrameCounts> groups(List<FrameCounts> frames, int size) {
    List<FrameCounts> out = new ArrayList<>();
    for (int from = 0; from < frames.size(); from += size) {
      long[] b = new long[frames.get(0).baselineCounts().length];
      long[] c = new long[frames.get(0).candidateCounts().length];
      for (FrameCounts f : frames.subList(from, Math.min(frames.size(), from + size))) {
        long[] fb = f.baselineCounts();
        long[] fc = f.candidateCounts();
        for (int r = 0; r < b.length; r++) {
          b[r] += fb[r];
        }
        for (int r = 0; r < c.length; r++) {
          c[r] += fc[r];
        }
      }
      out.add(new FrameCounts(b, c));
    }
    return out;
  }

  private static void print(String label, Rates rates) {
    System.out.printf(Locale.ROOT, "%s %s minSamplesBothSides=%s %s%n", label, SCENARIO,
        ReasonFormat.plain(TEST.minSamplesBothSides()), rates);
  }

  private static double property(String name, double defaultValue) {
    String value = System.getProperty("frameSim." + name);
    return value == null ? defaultValue : Double.parseDouble(value);
  }

  record Rates(int comparisons, int anySignificant, int plantedSignificant, int plantedTested, double testedFrames,
               long falseFrames, long nullFramesTested, double medianPriorDf, double medianPriorScale, double seconds) {
    double anySignificantRate() {
      return (double) anySignificant / comparisons;
    }

    double plantedSignificantRate() {
      return (double) plantedSignificant / comparisons;
    }

    double plantedTestedRate() {
      return (double) plantedTested / comparisons;
    }

    @Override
    public String toString() {
      double se = Math.sqrt(anySignificantRate() * (1 - anySignificantRate()) / comparisons);
      return String.format(Locale.ROOT, "comparisons=%d other-frame-significant=%.4f (se %.4f) planted-significant=%.4f"
          + " planted-tested=%.4f false-per-null-frame=%.2e mean-tested=%.1f median-prior-d0=%.2f median-prior-s0^2=%.5f"
          + " %.1f s", comparisons, anySignificantRate(), se, plantedSignificantRate(), plantedTestedRate(),
          (double) falseFrames / Math.max(1, nullFramesTested), testedFrames, medianPriorDf, medianPriorScale, seconds);
    }
  }

  static Rates run(Scenario s, long seed, int comparisons, Plant plant) {
    long start = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    int any = 0;
    int planted = 0;
    int plantedTested = 0;
    long tested = 0;
    long falseFrames = 0;
    long nullFramesTested = 0;
    double[] dfs = new double[comparisons];
    double[] scales = new double[comparisons];
    for (int c = 0; c < comparisons; c++) {
      Comparison comparison = ProfileComparisonSimulation.comparison(random, s, plant);
      FrameFamilyResult family = TEST.test(comparison.frames(), comparison.baselineFactors(),
          comparison.candidateFactors(), 1);
      // Frame 0 carries the planted change; with no plant it is a null frame like the others.
      int firstNull = plant == Plant.NONE ? 0 : 1;
      long falseHere = family.frames().stream().skip(firstNull).filter(FrameTestResult::significant).count();
      any += falseHere > 0 ? 1 : 0;
      falseFrames += falseHere;
      nullFramesTested += family.frames().stream().skip(firstNull).filter(FrameTestResult::tested).count();
      if (plant != Plant.NONE) {
        planted += family.frames().get(0).significant() ? 1 : 0;
        plantedTested += family.frames().get(0).tested() ? 1 : 0;
      }
      tested += family.testedFrames();
      dfs[c] = family.prior().degreesOfFreedom();
      scales[c] = family.prior().scale();
    }
    Arrays.sort(dfs);
    Arrays.sort(scales);
    return new Rates(comparisons, any, planted, plantedTested, (double) tested / comparisons, falseFrames,
        nullFramesTested, dfs[comparisons / 2], scales[comparisons / 2], (System.nanoTime() - start) / 1e9);
  }
}
