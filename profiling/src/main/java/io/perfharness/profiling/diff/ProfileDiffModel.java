package io.perfharness.profiling.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The diff of two sides' profiles of one event, costs per completed request in the unit the runs'
 * {@code unitsPerCount} gives (e.g. CPU ms/request). Immutable; the same input gives the same
 * model, orderings included.
 *
 * @param baseline            the baseline side in total
 * @param candidate           the candidate side in total
 * @param frames              every frame present on either side, by name
 * @param tree                the merged call tree of both sides under {@link DiffTreeNode#ROOT_FRAME}
 * @param appearedPaths       stacks only the candidate has, by cost per request descending, then text
 * @param vanishedPaths       stacks only the baseline has, likewise
 * @param stableAncestorMoves cost moved under stable ancestors, by moved cost descending, then path
 */
public record ProfileDiffModel(SideSummary baseline, SideSummary candidate, List<FrameDiff> frames,
                               DiffTreeNode tree, List<DiffPath> appearedPaths, List<DiffPath> vanishedPaths,
                               List<StableAncestorMove> stableAncestorMoves) {

    public ProfileDiffModel {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(tree, "tree");
        frames = List.copyOf(frames);
        appearedPaths = List.copyOf(appearedPaths);
        vanishedPaths = List.copyOf(vanishedPaths);
        stableAncestorMoves = List.copyOf(stableAncestorMoves);
    }

    /** Frames by |inclusive delta per request| descending, then name. */
    public List<FrameDiff> moversByInclusiveDelta() {
        List<FrameDiff> movers = new ArrayList<>(frames);
        movers.sort(FrameDiff.BY_INCLUSIVE_DELTA);
        return List.copyOf(movers);
    }

    /** Frames by |self delta per request| descending, then name. */
    public List<FrameDiff> moversBySelfDelta() {
        List<FrameDiff> movers = new ArrayList<>(frames);
        movers.sort(FrameDiff.BY_SELF_DELTA);
        return List.copyOf(movers);
    }

    /** The frame with this normalized name, if either side has it. */
    public Optional<FrameDiff> frame(String name) {
        for (FrameDiff frame : frames) {
            if (frame.frame().equals(name)) {
                return Optional.of(frame);
            }
        }
        return Optional.empty();
    }

    /** Frames only the candidate has, by name. */
    public List<FrameDiff> appearedFrames() {
        return frames.stream().filter(FrameDiff::appeared).toList();
    }

    /** Frames only the baseline has, by name. */
    public List<FrameDiff> vanishedFrames() {
        return frames.stream().filter(FrameDiff::vanished).toList();
    }

    /** Candidate minus baseline cost per request of the whole profile. */
    public double totalDeltaPerRequest() {
        return candidate.totalPerRequest() - baseline.totalPerRequest();
    }
}
