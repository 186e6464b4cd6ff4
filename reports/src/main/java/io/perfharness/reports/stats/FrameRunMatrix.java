package io.perfharness.reports.stats;

import java.util.List;

/**
 * The tested frames of a comparison as a matrix of runs (baseline runs first, then candidate
 * runs): each run's log cost per request and its count in samples, with the per-labeling
 * statistics of the moderated test computed from it. Immutable after construction.
 *
 * <p>A run's log rate is ln(count × costPerCountPerRequest + 0.5 × countsPerSample × f̄), f̄ the
 * geometric mean of costPerCountPerRequest over all runs: the cost per request plus half a sample's
 * worth of an average run's cost. Using one pseudo-cost for every run (edgeR's choice, rather than
 * half a sample of each run's own factor) makes a frame that is absent from a side exactly
 * constant there instead of varying with that side's request counts.
 */
final class FrameRunMatrix {
  private final int runs;
  private final double[][] logRates;
  private final double[][] samples;
  private final double[] totalLogRate;
  private final double[] totalLogRateSquares;
  private final double[] totalSamples;

  FrameRunMatrix(List<long[]> baselineCounts, List<long[]> candidateCounts, double[] baselineCostPerCountPerRequest,
                 double[] candidateCostPerCountPerRequest, double countsPerSample) {
    int nBaseline = baselineCostPerCountPerRequest.length;
    this.runs = nBaseline + candidateCostPerCountPerRequest.length;
    double[] factors = new double[runs];
    double logSum = 0;
    for (int r = 0; r < runs; r++) {
      factors[r] = r < nBaseline ? baselineCostPerCountPerRequest[r] : candidateCostPerCountPerRequest[r - nBaseline];
      logSum += Math.log(factors[r]);
    }
    double pseudoCost = PoissonLogVariance.PSEUDO_SAMPLES * countsPerSample * Math.exp(logSum / runs);
    int frames = baselineCounts.size();
    this.logRates = new double[frames][runs];
    this.samples = new double[frames][runs];
    this.totalLogRate = new double[frames];
    this.totalLogRateSquares = new double[frames];
    this.totalSamples = new double[frames];
    for (int g = 0; g < frames; g++) {
      double mean = 0;
      for (int r = 0; r < runs; r++) {
        long count = r < nBaseline ? baselineCounts.get(g)[r] : candidateCounts.get(g)[r - nBaseline];
        logRates[g][r] = Math.log(count * factors[r] + pseudoCost);
        samples[g][r] = count / countsPerSample;
        mean += logRates[g][r] / runs;
      }
      for (int r = 0; r < runs; r++) {
        // Centred per frame: only differences matter, and sums of squares of small numbers keep their digits.
        logRates[g][r] -= mean;
        totalLogRate[g] += logRates[g][r];
        totalLogRateSquares[g] += logRates[g][r] * logRates[g][r];
        totalSamples[g] += samples[g][r];
      }
    }
  }

  int frames() {
    return logRates.length;
  }

  /** Per frame, the variance of the log rate over all runs (runs - 1 degrees of freedom): it ignores the labels. */
  double[] totalVariances() {
    double[] out = new double[frames()];
    for (int g = 0; g < out.length; g++) {
      double mean = totalLogRate[g] / runs;
      out[g] = Math.max(0, (totalLogRateSquares[g] - runs * mean * mean) / (runs - 1));
    }
    return out;
  }

  /** Per frame, the Poisson part of the variance of the log rate at its mean samples per run over all runs. */
  double[] totalPoissonVariances() {
    double[] out = new double[frames()];
    for (int g = 0; g < out.length; g++) {
      out[g] = PoissonLogVariance.of(totalSamples[g] / runs);
    }
    return out;
  }

  /**
   * Fills {@code out} with every frame's moderated two-sample statistic for the labeling that puts
   * {@code baselineRuns} on the baseline side and the other runs on the candidate side.
   */
  void compute(int[] baselineRuns, PosteriorPrecision precision, LabeledStatistics out) {
    int nBaseline = baselineRuns.length;
    int nCandidate = runs - nBaseline;
    int df = runs - 2;
    double k = 1.0 / nBaseline + 1.0 / nCandidate;
    double[] posterior = new double[2];
    for (int g = 0; g < logRates.length; g++) {
      double[] y = logRates[g];
      double[] s = samples[g];
      double sumB = 0;
      double squaresB = 0;
      double samplesB = 0;
      for (int r : baselineRuns) {
        sumB += y[r];
        squaresB += y[r] * y[r];
        samplesB += s[r];
      }
      double meanB = sumB / nBaseline;
      double meanC = (totalLogRate[g] - sumB) / nCandidate;
      double within = squaresB - nBaseline * meanB * meanB
          + (totalLogRateSquares[g] - squaresB) - nCandidate * meanC * meanC;
      double s2 = Math.max(0, within / df);
      double poissonB = PoissonLogVariance.of(samplesB / nBaseline);
      double poissonC = PoissonLogVariance.of((totalSamples[g] - samplesB) / nCandidate);
      double poissonPooled = ((nBaseline - 1) * poissonB + (nCandidate - 1) * poissonC) / df;
      precision.lookup(poissonPooled, s2, posterior);
      double extra = Math.max(0, 1 / posterior[0] - poissonPooled);
      double standardError = Math.sqrt(poissonB / nBaseline + poissonC / nCandidate + extra * k);
      double degreesOfFreedom = posterior[1];
      double difference = meanC - meanB;
      double t = difference / standardError;
      out.logRatio[g] = difference;
      out.standardError[g] = standardError;
      out.degreesOfFreedom[g] = degreesOfFreedom;
      // The square of |t| mapped to the normal scale (Wallace's approximation), so that frames with
      // different degrees of freedom compete fairly for the maximum of the permutation test; the
      // square root is left out because only the order of scores matters there.
      out.score[g] = (degreesOfFreedom - 0.5) * Math.log(1 + t * t / degreesOfFreedom);
    }
  }

  /** One labeling's per-frame statistics; reused across labelings. */
  static final class LabeledStatistics {
    final double[] logRatio;
    final double[] standardError;
    final double[] degreesOfFreedom;
    final double[] score;

    LabeledStatistics(int frames) {
      logRatio = new double[frames];
      standardError = new double[frames];
      degreesOfFreedom = new double[frames];
      score = new double[frames];
    }
  }
}
