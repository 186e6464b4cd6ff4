package io.perfharness.reports.compare;

/**
 * One frame whose cost per request moved, with its per-frame test. Immutable.
 *
 * @param view {@code app} (cost charged to the deepest application frame), {@code inclusive} or
 *     {@code self}
 * @param baselinePerRequest pooled cost per request on the baseline side, in the event's unit
 * @param deltaPerRequest candidate - baseline
 * @param ratio candidate/baseline, null when the baseline is 0
 * @param samples the frame's samples (or events) summed over both sides
 * @param test {@code significant}, {@code not significant}, {@code low samples, not tested} or
 *     {@code need at least 4 runs per side}
 * @param shiftLower lower end of the Hodges-Lehmann interval of the per-run difference (null if untested)
 * @param pValue raw Mann-Whitney p (null if untested)
 * @param qValue Benjamini-Hochberg adjusted p across the tested frames of this event and view
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
                         double deltaPerRequest, Double ratio, long samples, String test, Double shiftLower,
                         Double shiftUpper, Double pValue, Double qValue, boolean appeared, boolean vanished,
                         String stack, String via, String passesThroughTo) {}
