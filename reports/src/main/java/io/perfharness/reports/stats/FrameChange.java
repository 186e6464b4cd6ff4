package io.perfharness.reports.stats;

/**
 * A tested frame's change of cost per request, candidate over baseline, from the moderated test.
 * Immutable.
 *
 * @param ratio exp of the difference of mean log cost per request (a ratio of geometric means,
 *     each run's cost raised by half a sample, so a frame absent from one side gives a small
 *     finite ratio rather than 0 or infinity)
 * @param ratioLower lower end of the interval for the ratio
 * @param ratioUpper upper end of the interval for the ratio
 * @param pValue two-sided p of this frame alone, from the moderated t with {@code degreesOfFreedom}
 * @param adjustedP family-wise adjusted p (Westfall-Young step-down over run relabelings), never
 *     below {@code pValue}; compare it with alpha
 * @param degreesOfFreedom the moderated t's degrees of freedom, from the posterior of the frame's
 *     precision (at most 10,000, beyond which t is as good as normal)
 */
public record FrameChange(double ratio, double ratioLower, double ratioUpper, double pValue, double adjustedP,
                          double degreesOfFreedom) {

  /** Whether the interval leaves out a ratio of 1. */
  public boolean excludesNoChange() {
    return ratioLower > 1 || ratioUpper < 1;
  }
}
