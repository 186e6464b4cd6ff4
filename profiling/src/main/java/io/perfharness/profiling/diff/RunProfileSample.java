package io.perfharness.profiling.diff;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.query.RequestCost;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One run's profile of one event, with what it takes to turn counts into cost per completed
 * request: {@code costPerRequest = count × unitsPerCount / completedRequests}. Immutable.
 *
 * @param stacks            the run's stacks; {@link ProfileDiff} normalizes frame names again
 *                          (normalizing is idempotent), so raw files are fine too
 * @param completedRequests requests completed in the window the profile covers, &gt; 0
 * @param unitsPerCount     cost units one count stands for, finite and &gt; 0; e.g. for cpu
 *                          samples every 10 ms: 10.0 (CPU ms per sample); for alloc bytes: 1.0
 */
public record RunProfileSample(StackSource stacks, long completedRequests, double unitsPerCount) {

    public RunProfileSample {
        Objects.requireNonNull(stacks, "stacks");
        if (completedRequests <= 0) {
            throw new IllegalArgumentException("completedRequests must be > 0 but was " + completedRequests);
        }
        if (!(unitsPerCount > 0) || Double.isInfinite(unitsPerCount)) {
            throw new IllegalArgumentException("unitsPerCount must be finite and > 0 but was " + unitsPerCount);
        }
    }

    /** A profile in memory. */
    public static RunProfileSample of(CollapsedProfile profile, long completedRequests, double unitsPerCount) {
        return new RunProfileSample(StackSource.of(profile), completedRequests, unitsPerCount);
    }

    /** A profile in memory, converted as {@code cost} converts (same unit as {@link RequestCost#unit()}). */
    public static RunProfileSample of(CollapsedProfile profile, RequestCost cost) {
        return new RunProfileSample(StackSource.of(profile), cost.completedRequests(), unitsPerCount(cost));
    }

    /** A plain folded file, streamed (see {@link StackSource#ofCollapsedFile(Path)}). */
    public static RunProfileSample ofCollapsedFile(Path file, long completedRequests, double unitsPerCount) {
        return new RunProfileSample(StackSource.ofCollapsedFile(file), completedRequests, unitsPerCount);
    }

    /** A plain folded file, streamed, converted as {@code cost} converts. */
    public static RunProfileSample ofCollapsedFile(Path file, RequestCost cost) {
        return new RunProfileSample(StackSource.ofCollapsedFile(file), cost.completedRequests(), unitsPerCount(cost));
    }

    /**
     * The cost one count stands for under {@code cost}, in {@link RequestCost#unit()}: the factor
     * of {@link RequestCost#perRequest(long)} before the division by requests.
     */
    public static double unitsPerCount(RequestCost cost) {
        switch (cost.event()) {
            case CPU:
            case WALL:
                return cost.sampleIntervalNanos() / 1e6;
            case ALLOC:
                return 1.0;
            case LOCK:
                return 1e-6;
            default:
                throw new IllegalStateException("no per-request conversion for " + cost.event());
        }
    }
}
