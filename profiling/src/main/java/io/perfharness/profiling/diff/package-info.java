/**
 * The profile diff model: two sides of runs (baseline, candidate), their collapsed profiles
 * matched frame by frame after normalization, costs per completed request, movers, a merged
 * tree of both sides, appeared and vanished paths, and a stable-ancestor view.
 *
 * <p>{@link io.perfharness.profiling.diff.ProfileDiff} computes an immutable
 * {@link io.perfharness.profiling.diff.ProfileDiffModel}; statistics (Hodges-Lehmann,
 * Mann-Whitney) and rendering belong to the caller, which gets the per-run values to test.
 */
package io.perfharness.profiling.diff;
