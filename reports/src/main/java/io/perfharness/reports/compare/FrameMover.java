package io.perfharness.reports.compare;

/**
 * One frame whose cost per request moved, with its per-frame test. Immutable.
 *
 * @param view {@code app} (cost charged to the deepest application frame), {@code inclusive} or
 *     {@code self}
 * @param baselinePerRequest pooled cost per request on the baseline side, in the event's unit
 * @param deltaPerRequest candidate - baseline
 * @param ratio candidate/baseline of the pooled costs, null when the baseline is 0
 * @param samples the frame's samples (or events) summed over both sides
 * @param test {@code significant}, {@code not significant} (with the reason when significance is out of
 *     reach), {@code low samples, not tested (...)}, {@code need at least 2 runs per side, ...}, or for the
 *     inclusive view {@value FrameTests#DESCRIPTIVE}
 * @param ratioLower lower end of the tested frame's 95% interval of the ratio of per-run costs
 *     (geometric means, half a sample added to every run), null if untested
 * @param ratioUpper upper end of that interval
 * @param pValue the frame's own two-sided p of the moderated t (null if untested)
 * @param adjustedP family-wise adjusted p over every tested frame of the comparison (Westfall-Young
 *     step-down over relabelings of the runs), compared with 0.05 (null if untested)
 * @param stack the hottest candidate (or, for vanished frames, baseline) stack through the frame,
 *     collapsed, common prefix elided
 * @param via application movers: what the change is made of below the frame, e.g. "java.util.Arrays.sort 100%;
 *     leaf java.util.DualPivotQuicksort.sort 61%" (the callee and the leaf that carry most of the delta, with
 *     their share of it); null for other views or no change
 * @param passesThroughTo inclusive movers: the callee that carries at least 80% of this frame's change, when
 *     the frame only passes it through (a thread root, an executor, a dispatcher); such frames are ranked
 *     after the frames that carry a change; null otherwise
 */
public record FrameMover(String view, String frame, double baselinePerRequest, double candidatePerRequest,
                         double deltaPerRequest, Double ratio, long samples, String test, Double ratioLower,
                         Double ratioUpper, Double pValue, Double adjustedP, boolean appeared, boolean vanished,
                         String stack, String via, String passesThroughTo) {}
