package io.perfharness.reports.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Westfall and Young's step-down maxT adjustment (Westfall and Young 1993, algorithm 2.8), fed one
 * relabeling of the runs at a time: the adjusted p of the frame with the j-th largest observed
 * score is the share of relabelings in which the largest score among that frame and all frames
 * scoring lower reaches the observed score, made monotone. It controls the family-wise error rate
 * without any model of how frames depend on each other, because every relabeling permutes whole
 * runs. Mutable: {@link #add} accumulates.
 */
final class WestfallYoung {
  private final double[] observed;
  private final int[] descending;
  private final long[] reached;
  private long total;

  /** @param observedScores per frame, the score of the observed labeling; larger is more extreme */
  WestfallYoung(double[] observedScores) {
    this.observed = observedScores.clone();
    Integer[] order = new Integer[observed.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // Stable: equal scores keep frame order, so the result is deterministic.
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -observed[i]));
    this.descending = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    this.reached = new long[observed.length];
  }

  /** Counts one labeling's scores (same frame order as the observed ones) with the given weight. */
  void add(double[] scores, int weight) {
    double runningMax = Double.NEGATIVE_INFINITY;
    for (int j = descending.length - 1; j >= 0; j--) {
      int frame = descending[j];
      runningMax = Math.max(runningMax, scores[frame]);
      // A relative tolerance, so a labeling computed in another summation order still ties.
      if (runningMax >= observed[frame] - 1e-9 * Math.max(1, Math.abs(observed[frame]))) {
        reached[j] += weight;
      }
    }
    total += weight;
  }

  /** The adjusted p-values, in the frame order of the observed scores. */
  double[] adjusted() {
    double[] out = new double[observed.length];
    double runningMax = 0;
    for (int j = 0; j < descending.length; j++) {
      runningMax = Math.max(runningMax, (double) reached[j] / total);
      out[descending[j]] = runningMax;
    }
    return out;
  }
}
