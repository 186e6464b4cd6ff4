package io.perfharness.profiling.diff;

import java.util.List;
import java.util.Objects;

/**
 * A node of the merged call tree of both sides: a path from the root, with its pooled costs per
 * request on each side, so appeared (baseline 0) and vanished (candidate 0) paths sit side by
 * side. Children are ordered by the larger of their two totals per request, descending, then by
 * frame name. Immutable; the nodes of a model's tree are views created on access, so compare
 * them with {@code equals}, not {@code ==}.
 *
 * @param frame                     the frame name; {@link #ROOT_FRAME} for the synthetic root
 * @param baselineTotalCount        summed count of baseline stacks through this path
 * @param candidateTotalCount       summed count of candidate stacks through this path
 * @param baselineSelfCount         summed count of baseline stacks ending here
 * @param candidateSelfCount        summed count of candidate stacks ending here
 * @param baselineTotalPerRequest   pooled baseline cost per request through this path
 * @param candidateTotalPerRequest  pooled candidate cost per request through this path
 * @param baselineSelfPerRequest    pooled baseline cost per request of stacks ending here
 * @param candidateSelfPerRequest   pooled candidate cost per request of stacks ending here
 * @param children                  callees
 */
public record DiffTreeNode(String frame, long baselineTotalCount, long candidateTotalCount,
                           long baselineSelfCount, long candidateSelfCount,
                           double baselineTotalPerRequest, double candidateTotalPerRequest,
                           double baselineSelfPerRequest, double candidateSelfPerRequest,
                           List<DiffTreeNode> children) {
    /** Name of the synthetic root above all root frames, as in flame graphs. */
    public static final String ROOT_FRAME = "all";

    public DiffTreeNode {
        Objects.requireNonNull(frame, "frame");
        // the tree's own child lists are immutable views over its arrays; copy anything else
        children = children instanceof DiffTreeView.Children ? children : List.copyOf(children);
    }

    /** Candidate minus baseline total per request. */
    public double totalDeltaPerRequest() {
        return candidateTotalPerRequest - baselineTotalPerRequest;
    }

    /** The path occurs only in the candidate. */
    public boolean appeared() {
        return baselineTotalCount == 0 && candidateTotalCount > 0;
    }

    /** The path occurs only in the baseline. */
    public boolean vanished() {
        return baselineTotalCount > 0 && candidateTotalCount == 0;
    }

    /** The child with this frame name, or null. */
    public DiffTreeNode child(String childFrame) {
        for (DiffTreeNode child : children) {
            if (child.frame.equals(childFrame)) {
                return child;
            }
        }
        return null;
    }
}
