package io.perfharness.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ways of relabeling the runs of a comparison as baseline or candidate, for a permutation test:
 * all of them when there are few (252 for 5+5), else the observed labeling plus a seeded random
 * sample. With equal sides a labeling and its mirror image give the same two-sided statistics, so
 * only the labelings that put run 0 on the baseline side are kept, each counted twice. The observed
 * labeling (runs 0..nBaseline-1 on the baseline side) is always first. Immutable.
 */
final class RunLabelings {
  private final List<int[]> baselineRuns;
  private final int weightEach;
  private final boolean enumerated;

  private RunLabelings(List<int[]> baselineRuns, int weightEach, boolean enumerated) {
    this.baselineRuns = baselineRuns;
    this.weightEach = weightEach;
    this.enumerated = enumerated;
  }

  /**
   * @param maxEnumerated enumerate every labeling when there are at most this many
   * @param sampled otherwise, how many random labelings join the observed one
   */
  static RunLabelings of(int nBaseline, int nCandidate, int maxEnumerated, int sampled, long seed) {
    int runs = nBaseline + nCandidate;
    double all = binomial(runs, nBaseline);
    if (all <= maxEnumerated) {
      List<int[]> out = new ArrayList<>();
      boolean mirrored = nBaseline == nCandidate;
      // Lexicographic order starts with {0, ..., nBaseline-1}: the observed labeling comes first.
      int[] combination = new int[nBaseline];
      for (int i = 0; i < nBaseline; i++) {
        combination[i] = i;
      }
      do {
        if (!mirrored || combination[0] == 0) {
          out.add(combination.clone());
        }
      } while (next(combination, runs));
      return new RunLabelings(List.copyOf(out), mirrored ? 2 : 1, true);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<int[]> out = new ArrayList<>(sampled + 1);
    int[] observed = new int[nBaseline];
    for (int i = 0; i < nBaseline; i++) {
      observed[i] = i;
    }
    out.add(observed);
    int[] shuffled = new int[runs];
    for (int s = 0; s < sampled; s++) {
      for (int i = 0; i < runs; i++) {
        shuffled[i] = i;
      }
      // Partial Fisher-Yates: the first nBaseline places are a uniform random subset.
      for (int i = 0; i < nBaseline; i++) {
        int j = i + random.nextInt(runs - i);
        int t = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = t;
      }
      int[] subset = new int[nBaseline];
      System.arraycopy(shuffled, 0, subset, 0, nBaseline);
      Arrays.sort(subset);
      out.add(subset);
    }
    return new RunLabelings(List.copyOf(out), 1, false);
  }

  /** How many labelings are evaluated. */
  int size() {
    return baselineRuns.size();
  }

  /** The runs (indices into baseline-then-candidate order) labeled baseline by labeling i; do not modify. */
  int[] baselineRuns(int i) {
    return baselineRuns.get(i);
  }

  /** How many labelings each evaluated one stands for (2 for a mirrored pair, else 1). */
  int weightEach() {
    return weightEach;
  }

  /** The number of labelings the evaluated ones stand for. */
  int totalWeight() {
    return weightEach * baselineRuns.size();
  }

  /** Whether every labeling is evaluated (an exact test) rather than a random sample. */
  boolean enumerated() {
    return enumerated;
  }

  /** The smallest adjusted p a frame can get: the observed labeling's share of the total. */
  double smallestAdjustedP() {
    return (double) weightEach / totalWeight();
  }

  /** C(n, k) as a double (exact below 2^53). */
  static double binomial(int n, int k) {
    double value = 1;
    for (int i = 1; i <= k; i++) {
      value = value * (n - k + i) / i;
    }
    return Math.rint(value);
  }

  /** Advances to the next k-subset of {0..n-1} in lexicographic order; false after the last. */
  private static boolean next(int[] combination, int n) {
    int k = combination.length;
    int i = k - 1;
    while (i >= 0 && combination[i] == n - k + i) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    combination[i]++;
    for (int j = i + 1; j < k; j++) {
      combination[j] = combination[j - 1] + 1;
    }
    return true;
  }
}
