package io.perfharness.profiling.diff;

import java.util.List;

/**
 * Cost that moved under one stable ancestor: a path present on both sides whose callees
 * include paths present on one side only. A renamed or newly (un)inlined method shows as cost
 * vanishing and appearing under the same ancestor with a net change near zero, not as new code.
 * Immutable.
 *
 * @param ancestorPath                 the stable path, root first; empty for the synthetic root
 * @param appearedPerRequest           pooled candidate cost per request of the one-sided callee
 *                                     paths that appeared under it
 * @param vanishedPerRequest           pooled baseline cost per request of those that vanished
 * @param ancestorTotalDeltaPerRequest the inclusive (total) delta per request at the ancestor
 *                                     path itself, which also holds changes of its stable callees
 * @param appearedFrames               first frames of the appeared callee paths, by cost descending
 * @param vanishedFrames               first frames of the vanished callee paths, by cost descending
 */
public record StableAncestorMove(List<String> ancestorPath, double appearedPerRequest, double vanishedPerRequest,
                                 double ancestorTotalDeltaPerRequest, List<String> appearedFrames,
                                 List<String> vanishedFrames) {

    public StableAncestorMove {
        ancestorPath = List.copyOf(ancestorPath);
        appearedFrames = List.copyOf(appearedFrames);
        vanishedFrames = List.copyOf(vanishedFrames);
    }

    /** The ancestor's frame name, {@link DiffTreeNode#ROOT_FRAME} for the synthetic root. */
    public String ancestorFrame() {
        return ancestorPath.isEmpty() ? DiffTreeNode.ROOT_FRAME : ancestorPath.get(ancestorPath.size() - 1);
    }

    /** Appeared minus vanished: near 0 for a rename or an inlining change of the same cost. */
    public double netMovedPerRequest() {
        return appearedPerRequest - vanishedPerRequest;
    }

    /** Appeared plus vanished: how much cost changed place under the ancestor. */
    public double movedPerRequest() {
        return appearedPerRequest + vanishedPerRequest;
    }
}
