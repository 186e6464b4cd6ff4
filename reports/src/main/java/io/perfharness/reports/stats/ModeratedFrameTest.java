package io.perfharness.reports.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-frame tests of a profile comparison that can reach significance at 5 runs per side: a
 * moderated t on each frame's per-run log cost per request, made family-wise by permuting whole
 * runs. Immutable; the record's components are its options.
 *
 * <p>Frames with fewer than {@code minSamplesBothSides} samples over both sides are not tested (a
 * filter on the pooled count ignores the labels, so it leaves the test's null distribution alone:
 * Bourgon et al. 2010). For each other frame:
 * <ol>
 *   <li>each run's log cost per request, y = ln(count × factor + half a sample's cost);
 *   <li>the difference of the side means of y, and the pooled within-side variance s²;
 *   <li>the frame's variance is its Poisson part (known from its counts) plus an extra variance
 *       drawn from a prior learnt across all tested frames ({@link ExtraVariancePrior}, empirical
 *       Bayes after limma); the posterior of the frame's precision gives the standard error and,
 *       matched to a gamma, the t's degrees of freedom (limma's d0 + d when the Poisson part is 0);
 *   <li>t = difference / standard error; its p and the interval exp(difference ± t quantile ×
 *       standard error) are the frame's own;
 *   <li>the adjusted p is Westfall and Young's step-down maxT over the relabelings of the runs as
 *       baseline or candidate (all 252 at 5+5). When the runs of both sides are exchangeable (an
 *       A/A comparison) the chance that any frame is significant is at most alpha whatever the
 *       noise and however frames depend on each other: 12/252 = 4.76% at 5+5.
 * </ol>
 * The smallest adjusted p is 2/252 = 0.0079 at 5+5 however many frames are tested; with a
 * Mann-Whitney p per frame, 2/252 was the floor of each frame before Benjamini-Hochberg multiplied it.
 *
 * <pre>{@code
 * // alloc: counts are bytes, one sample per 512 KiB; factor = unitsPerCount / completedRequests
 * List<FrameCounts> frames = List.of(new FrameCounts(baselineBytes, candidateBytes), ...);
 * FrameFamilyResult family = ModeratedFrameTest.DEFAULT.test(frames,
 *     new double[] {1.0 / 98_000, 1.0 / 101_000, ...}, new double[] {1.0 / 99_500, ...}, 524_288);
 * FrameTestResult first = family.frames().get(0);
 * if (first.tested()) {
 *   FrameChange c = first.change(); // c.ratio(), c.ratioLower(), c.ratioUpper(), c.adjustedP()
 * }
 * }</pre>
 *
 * @param alpha family-wise level the adjusted p must be strictly below, e.g. 0.05
 * @param confidenceLevel of each frame's ratio interval, e.g. 0.95
 * @param minSamplesBothSides frames with fewer samples over all runs of both sides are not tested;
 *     100 lets a frame present in 5 of 5 runs with 20 samples each, absent from the other side, be tested
 * @param maxEnumeratedLabelings evaluate every relabeling when there are at most this many
 * @param sampledLabelings otherwise, how many seeded random relabelings to evaluate
 * @param seed of the random relabelings, so the same input gives the same output
 */
public record ModeratedFrameTest(double alpha, double confidenceLevel, double minSamplesBothSides,
                                 int maxEnumeratedLabelings, int sampledLabelings, long seed) {
  public static final double DEFAULT_MIN_SAMPLES_BOTH_SIDES = 100;
  /** Up to 7+7 runs (3,432 relabelings) every relabeling is evaluated. */
  public static final int DEFAULT_MAX_ENUMERATED_LABELINGS = 5_000;
  /** Beyond, 1,999 random ones and the observed one: adjusted p in steps of 1/2,000. */
  public static final int DEFAULT_SAMPLED_LABELINGS = 1_999;
  public static final ModeratedFrameTest DEFAULT = new ModeratedFrameTest(VerdictRule.DEFAULT_ALPHA, 0.95,
      DEFAULT_MIN_SAMPLES_BOTH_SIDES, DEFAULT_MAX_ENUMERATED_LABELINGS, DEFAULT_SAMPLED_LABELINGS, 0x5EEDL);

  static final String LOW_SAMPLES = "low samples, not tested";
  private static final int MAX_PROBLEMS_LISTED = 20;

  public ModeratedFrameTest {
    List<String> problems = new ArrayList<>();
    if (!(alpha > 0 && alpha < 1)) {
      problems.add("alpha must be in (0, 1) but was " + alpha);
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      problems.add("confidenceLevel must be in (0, 1) but was " + confidenceLevel);
    }
    if (!(minSamplesBothSides >= 1 && Double.isFinite(minSamplesBothSides))) {
      problems.add("minSamplesBothSides must be finite and >= 1 but was " + minSamplesBothSides);
    }
    if (maxEnumeratedLabelings < 1) {
      problems.add("maxEnumeratedLabelings must be >= 1 but was " + maxEnumeratedLabelings);
    }
    if (sampledLabelings < 1) {
      problems.add("sampledLabelings must be >= 1 but was " + sampledLabelings);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** The same options with another sample threshold. */
  public ModeratedFrameTest withMinSamplesBothSides(double samples) {
    return new ModeratedFrameTest(alpha, confidenceLevel, samples, maxEnumeratedLabelings, sampledLabelings, seed);
  }

  /**
   * Tests every frame of one family.
   *
   * @param frames per frame, its count in each run of each side
   * @param baselineCostPerCountPerRequest per baseline run, unitsPerCount / completedRequests: the
   *     cost per request one count stands for, so a run's cost per request is count × factor
   * @param candidateCostPerCountPerRequest the same per candidate run
   * @param countsPerSample how many count units make one profiler sample: 1 for cpu and wall, the
   *     allocation sampling interval in bytes for alloc (e.g. 524288), the lock threshold in ns for
   *     lock (e.g. 10000); the sample filter and the half-sample pseudo-count are in samples
   * @throws IllegalArgumentException listing every problem: a null or mismatched array, a
   *     negative count, a factor or countsPerSample that is not finite and > 0
   */
  public FrameFamilyResult test(List<FrameCounts> frames, double[] baselineCostPerCountPerRequest,
                                double[] candidateCostPerCountPerRequest, double countsPerSample) {
    return testJointly(List.of(new Family(frames, baselineCostPerCountPerRequest, candidateCostPerCountPerRequest,
        countsPerSample))).get(0);
  }

  /**
   * One family's input: per frame its count in each run, the per-run factors and the sample unit, as
   * {@link #test} takes them.
   */
  public record Family(List<FrameCounts> frames, double[] baselineCostPerCountPerRequest,
                       double[] candidateCostPerCountPerRequest, double countsPerSample) {}

  /**
   * Tests several families of frames of the same runs (the events and views of one comparison) as one
   * family-wise family: each family keeps its own moderated statistic and prior, and the permutation's
   * maximum is taken over the tested frames of all families under the same relabeling of the runs, so
   * the chance that any frame of the whole comparison is significant in an A/A comparison is at most
   * alpha (12/252 at 5+5). The families must count the same runs, in the same order on each side.
   *
   * @throws IllegalArgumentException listing every problem, or when the families' run counts differ
   */
  public List<FrameFamilyResult> testJointly(List<Family> families) {
    if (families.isEmpty()) {
      return List.of();
    }
    for (Family f : families) {
      validate(f.frames(), f.baselineCostPerCountPerRequest(), f.candidateCostPerCountPerRequest(), f.countsPerSample());
    }
    int nBaseline = families.get(0).baselineCostPerCountPerRequest().length;
    int nCandidate = families.get(0).candidateCostPerCountPerRequest().length;
    for (Family f : families) {
      if (f.baselineCostPerCountPerRequest().length != nBaseline || f.candidateCostPerCountPerRequest().length != nCandidate) {
        throw new IllegalArgumentException("families tested jointly must have the same runs but had " + nBaseline + "+"
            + nCandidate + " and " + f.baselineCostPerCountPerRequest().length + "+"
            + f.candidateCostPerCountPerRequest().length);
      }
    }
    if (nBaseline < 2 || nCandidate < 2) {
      String reason = "need at least 2 runs per side, not tested (have " + nBaseline + " and " + nCandidate + ")";
      List<FrameFamilyResult> out = new ArrayList<>();
      for (Family f : families) {
        List<FrameTestResult> results = new ArrayList<>(f.frames().size());
        for (int i = 0; i < f.frames().size(); i++) {
          results.add(FrameTestResult.untested(FrameTestStatus.TOO_FEW_RUNS, reason));
        }
        out.add(new FrameFamilyResult(results, 0, ExtraVariancePrior.NONE, 0, true, 1.0));
      }
      return out;
    }
    RunLabelings labelings = RunLabelings.of(nBaseline, nCandidate, maxEnumeratedLabelings, sampledLabelings, seed);
    List<Prepared> prepared = new ArrayList<>();
    int totalTested = 0;
    for (Family f : families) {
      Prepared p = prepare(f, nBaseline, nCandidate, labelings);
      prepared.add(p);
      totalTested += p.tested.size();
    }
    // Westfall-Young over every tested frame of every family, one relabeling of the runs at a time
    double[] observedScores = new double[totalTested];
    concatenate(prepared, true, observedScores);
    WestfallYoung westfallYoung = new WestfallYoung(observedScores);
    westfallYoung.add(observedScores, labelings.weightEach());
    double[] scores = new double[totalTested];
    for (int l = 1; l < labelings.size(); l++) {
      for (Prepared p : prepared) {
        if (p.matrix != null) {
          p.matrix.compute(labelings.baselineRuns(l), p.precision, p.relabeled);
        }
      }
      concatenate(prepared, false, scores);
      westfallYoung.add(scores, labelings.weightEach());
    }
    double[] adjusted = westfallYoung.adjusted();
    String notReachable = labelings.smallestAdjustedP() >= alpha
        ? "not significant: with " + nBaseline + " and " + nCandidate + " runs the smallest adjusted p is "
            + ReasonFormat.plain(labelings.smallestAdjustedP())
        : "not significant";
    double normalQuantile = NormalDistribution.quantile(1 - (1 - confidenceLevel) / 2);
    List<FrameFamilyResult> out = new ArrayList<>();
    int offset = 0;
    for (Prepared p : prepared) {
      FrameTestResult[] testedResults = new FrameTestResult[p.tested.size()];
      for (int t = 0; t < p.tested.size(); t++) {
        FrameChange change = change(p.observed, t, adjusted[offset + t], normalQuantile);
        boolean significant = change.adjustedP() < alpha && change.excludesNoChange();
        testedResults[t] = new FrameTestResult(FrameTestStatus.TESTED, significant ? "significant" : notReachable,
            change, significant);
      }
      offset += p.tested.size();
      out.add(new FrameFamilyResult(inInputOrder(p.size, p.tested, testedResults, p.untested), p.tested.size(), p.prior,
          labelings.totalWeight(), labelings.enumerated(), labelings.smallestAdjustedP()));
    }
    return out;
  }

  /** One family after the sample filter, with its matrix, prior and observed statistics. */
  private static final class Prepared {
    final int size;
    final List<Integer> tested = new ArrayList<>();
    final List<FrameTestResult> untested = new ArrayList<>();
    FrameRunMatrix matrix;
    ExtraVariancePrior prior = ExtraVariancePrior.NONE;
    PosteriorPrecision precision;
    FrameRunMatrix.LabeledStatistics observed;
    FrameRunMatrix.LabeledStatistics relabeled;

    Prepared(int size) {
      this.size = size;
    }
  }

  private Prepared prepare(Family f, int nBaseline, int nCandidate, RunLabelings labelings) {
    Prepared p = new Prepared(f.frames().size());
    List<long[]> baselineCounts = new ArrayList<>();
    List<long[]> candidateCounts = new ArrayList<>();
    for (int i = 0; i < f.frames().size(); i++) {
      FrameCounts frame = f.frames().get(i);
      double samples = (sum(frame.baselineView()) + sum(frame.candidateView())) / f.countsPerSample();
      if (samples >= minSamplesBothSides) {
        p.tested.add(i);
        baselineCounts.add(frame.baselineView());
        candidateCounts.add(frame.candidateView());
      } else {
        p.untested.add(FrameTestResult.untested(FrameTestStatus.LOW_SAMPLES, LOW_SAMPLES + " ("
            + ReasonFormat.plain(samples) + " of " + ReasonFormat.plain(minSamplesBothSides) + " samples over both sides)"));
      }
    }
    if (p.tested.isEmpty()) {
      return p;
    }
    p.matrix = new FrameRunMatrix(baselineCounts, candidateCounts, f.baselineCostPerCountPerRequest(),
        f.candidateCostPerCountPerRequest(), f.countsPerSample());
    // The prior is fitted to each frame's variance over all runs, labels ignored, so the statistic is
    // one and the same function of the runs under every relabeling, as the permutation test needs.
    // A frame that did move looks noisier there; that can only cost power.
    p.prior = ExtraVariancePriorFit.fit(p.matrix.totalVariances(), p.matrix.totalPoissonVariances(),
        nBaseline + nCandidate - 1);
    p.precision = new PosteriorPrecision(p.prior, nBaseline + nCandidate - 2);
    p.observed = new FrameRunMatrix.LabeledStatistics(p.tested.size());
    p.matrix.compute(labelings.baselineRuns(0), p.precision, p.observed);
    p.relabeled = new FrameRunMatrix.LabeledStatistics(p.tested.size());
    return p;
  }

  private static void concatenate(List<Prepared> prepared, boolean observed, double[] into) {
    int offset = 0;
    for (Prepared p : prepared) {
      if (p.matrix == null) {
        continue;
      }
      double[] scores = observed ? p.observed.score : p.relabeled.score;
      System.arraycopy(scores, 0, into, offset, scores.length);
      offset += scores.length;
    }
  }

  private FrameChange change(FrameRunMatrix.LabeledStatistics observed, int t, double adjustedP,
                             double normalQuantile) {
    double logRatio = observed.logRatio[t];
    double standardError = observed.standardError[t];
    double df = observed.degreesOfFreedom[t];
    double p = StudentTDistribution.twoSidedP(logRatio / standardError, df);
    double quantile = StudentTDistribution.quantile(1 - (1 - confidenceLevel) / 2, normalQuantile, df);
    // The permutation p can fall below this frame's own p only by the luck of a small family;
    // reporting the larger keeps adjusted >= raw, and can only make the test more conservative.
    return new FrameChange(Math.exp(logRatio), Math.exp(logRatio - quantile * standardError),
        Math.exp(logRatio + quantile * standardError), p, Math.max(adjustedP, p), df);
  }

  private static List<FrameTestResult> inInputOrder(int size, List<Integer> tested, FrameTestResult[] testedResults,
                                                    List<FrameTestResult> untested) {
    List<FrameTestResult> out = new ArrayList<>(size);
    int nextTested = 0;
    int nextUntested = 0;
    for (int i = 0; i < size; i++) {
      if (nextTested < tested.size() && tested.get(nextTested) == i) {
        out.add(testedResults[nextTested++]);
      } else {
        out.add(untested.get(nextUntested++));
      }
    }
    return out;
  }

  private static double sum(long[] counts) {
    double total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }

  private static void validate(List<FrameCounts> frames, double[] baselineFactors, double[] candidateFactors,
                               double countsPerSample) {
    List<String> problems = new ArrayList<>();
    if (frames == null) {
      problems.add("frames must not be null");
    }
    requireFactors("baselineCostPerCountPerRequest", baselineFactors, problems);
    requireFactors("candidateCostPerCountPerRequest", candidateFactors, problems);
    if (!(countsPerSample > 0 && Double.isFinite(countsPerSample))) {
      problems.add("countsPerSample must be finite and > 0 but was " + countsPerSample);
    }
    if (frames != null) {
      for (int i = 0; i < frames.size(); i++) {
        FrameCounts frame = frames.get(i);
        if (frame == null) {
          problems.add("frames[" + i + "] must not be null");
          continue;
        }
        requireCounts("frames[" + i + "].baselineCounts", frame.baselineView(), baselineFactors,
            "baselineCostPerCountPerRequest", problems);
        requireCounts("frames[" + i + "].candidateCounts", frame.candidateView(), candidateFactors,
            "candidateCostPerCountPerRequest", problems);
      }
    }
    if (!problems.isEmpty()) {
      int more = problems.size() - MAX_PROBLEMS_LISTED;
      List<String> listed = problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_LISTED));
      throw new IllegalArgumentException(String.join("; ", listed) + (more > 0 ? "; and " + more + " more" : ""));
    }
  }

  private static void requireFactors(String name, double[] factors, List<String> problems) {
    if (factors == null) {
      problems.add(name + " must not be null");
      return;
    }
    for (int r = 0; r < factors.length; r++) {
      if (!(factors[r] > 0 && Double.isFinite(factors[r]))) {
        problems.add(name + "[" + r + "] must be finite and > 0 but was " + factors[r]);
      }
    }
  }

  private static void requireCounts(String name, long[] counts, double[] factors, String factorsName,
                                    List<String> problems) {
    if (factors != null && counts.length != factors.length) {
      problems.add(name + " has " + counts.length + " runs but " + factorsName + " has " + factors.length);
    }
    for (int r = 0; r < counts.length; r++) {
      if (counts[r] < 0) {
        problems.add(name + "[" + r + "] must be >= 0 but was " + counts[r]);
      }
    }
  }
}
