package io.perfharness.reports.stats;

import java.util.List;
import java.util.Objects;

/**
 * The moderated test of a whole family of frames (one event, one view of a comparison). Immutable.
 *
 * @param frames one result per input frame, in input order
 * @param testedFrames how many frames passed the sample filter and were tested
 * @param prior the extra-variance prior learnt from the tested frames ({@link ExtraVariancePrior#NONE}
 *     below 10 tested frames)
 * @param labelings how many relabelings of the runs the permutation test stands for (252 for 5+5)
 * @param exactPermutation true when every relabeling was evaluated, false for a seeded random sample
 * @param smallestAdjustedP the smallest adjusted p any frame can reach with these run counts
 *     (2/252 = 0.0079 for 5+5, 2/70 = 0.029 for 4+4, 0.1 for 3+3: nothing can be significant)
 */
public record FrameFamilyResult(List<FrameTestResult> frames, int testedFrames, ExtraVariancePrior prior,
                                int labelings, boolean exactPermutation, double smallestAdjustedP) {
  public FrameFamilyResult {
    frames = List.copyOf(frames);
    Objects.requireNonNull(prior, "prior");
  }

  /** How many frames are significant. */
  public long significantFrames() {
    return frames.stream().filter(FrameTestResult::significant).count();
  }
}
