package io.perfharness.profiling.diff;

import java.util.Comparator;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One frame (name after normalization) on both sides of a diff. Immutable.
 *
 * @param frame     the normalized frame name
 * @param baseline  its cost on the baseline side (zeros if absent there)
 * @param candidate its cost on the candidate side (zeros if absent there)
 */
public record FrameDiff(String frame, FrameSideCost baseline, FrameSideCost candidate) {
    /**
     * Counts summed over both sides below which a frame is labelled "low samples, not tested".
     * A count of n samples is Poisson-noisy by about √n: under 20 that is more than ±22%, far
     * wider than the 5% noise band a verdict needs, and spread over several runs per side the
     * per-run values are mostly 0 or 1, so a rank test sees little but ties. The threshold is
     * meant for sampled events (cpu, wall), whose counts are samples; alloc and lock counts are
     * bytes and nanoseconds, which the caller must turn into event counts before applying it.
     */
    public static final long MIN_SAMPLES = 20;

    /** Largest |inclusive delta per request| first, then frame name. */
    public static final Comparator<FrameDiff> BY_INCLUSIVE_DELTA =
            Comparator.comparingDouble((FrameDiff f) -> -Math.abs(f.inclusiveDeltaPerRequest()))
                    .thenComparing(FrameDiff::frame);

    /** Largest |self delta per request| first, then frame name. */
    public static final Comparator<FrameDiff> BY_SELF_DELTA =
            Comparator.comparingDouble((FrameDiff f) -> -Math.abs(f.selfDeltaPerRequest()))
                    .thenComparing(FrameDiff::frame);

    public FrameDiff {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
    }

    /** Pooled candidate minus pooled baseline inclusive cost per request. */
    public double inclusiveDeltaPerRequest() {
        return candidate.inclusivePerRequest() - baseline.inclusivePerRequest();
    }

    /** Pooled candidate minus pooled baseline self cost per request. */
    public double selfDeltaPerRequest() {
        return candidate.selfPerRequest() - baseline.selfPerRequest();
    }

    /** Pooled inclusive candidate / baseline; empty when the baseline inclusive cost is 0. */
    public OptionalDouble inclusiveRatio() {
        return ratio(candidate.inclusivePerRequest(), baseline.inclusivePerRequest());
    }

    /** Pooled self candidate / baseline; empty when the baseline self cost is 0. */
    public OptionalDouble selfRatio() {
        return ratio(candidate.selfPerRequest(), baseline.selfPerRequest());
    }

    /** Inclusive counts of both sides summed: what {@link #MIN_SAMPLES} is compared with. */
    public long inclusiveCountBothSides() {
        return baseline.inclusiveCount() + candidate.inclusiveCount();
    }

    /** Whether the frame has at least {@link #MIN_SAMPLES} counts over both sides. */
    public boolean hasEnoughSamples() {
        return inclusiveCountBothSides() >= MIN_SAMPLES;
    }

    /** Only in the candidate. */
    public boolean appeared() {
        return !baseline.present() && candidate.present();
    }

    /** Only in the baseline. */
    public boolean vanished() {
        return baseline.present() && !candidate.present();
    }

    private static OptionalDouble ratio(double candidate, double baseline) {
        return baseline == 0 ? OptionalDouble.empty() : OptionalDouble.of(candidate / baseline);
    }
}
