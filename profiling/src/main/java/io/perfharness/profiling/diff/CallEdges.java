package io.perfharness.profiling.diff;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The change per request along every caller-to-callee edge of a merged call tree, summed over the
 * paths where the edge occurs: what tells a frame that carries a change from one that only passes
 * it through to a single callee (a thread root, an executor, a dispatcher). Immutable once built.
 */
public final class CallEdges {
    /**
     * A frame whose change goes this share or more through one callee passes it through: the callee
     * (or a frame below it) carries it.
     */
    public static final double PASS_THROUGH_SHARE = 0.8;

    private final Map<String, Map<String, Double>> deltaByCallee = new HashMap<>();

    private CallEdges() {}

    /** The edges of the tree under {@code root}. */
    public static CallEdges of(DiffTreeNode root) {
        CallEdges edges = new CallEdges();
        Deque<DiffTreeNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            DiffTreeNode node = todo.pop();
            boolean isRoot = node.frame().equals(DiffTreeNode.ROOT_FRAME) && node == root;
            for (DiffTreeNode child : node.children()) {
                if (!isRoot) {
                    edges.deltaByCallee.computeIfAbsent(node.frame(), f -> new HashMap<>())
                            .merge(child.frame(), child.totalDeltaPerRequest(), Double::sum);
                }
                todo.push(child);
            }
        }
        return edges;
    }

    /**
     * The callee that carries at least {@link #PASS_THROUGH_SHARE} of {@code frame}'s inclusive change
     * {@code inclusiveDelta} (same direction), or null when the frame itself, or several callees, carry it.
     */
    public String passesThroughTo(String frame, double inclusiveDelta) {
        if (inclusiveDelta == 0) {
            return null;
        }
        Map<String, Double> callees = deltaByCallee.get(frame);
        if (callees == null) {
            return null;
        }
        String best = null;
        double bestSigned = 0;
        for (Map.Entry<String, Double> e : callees.entrySet()) {
            if (e.getKey().equals(frame)) {
                continue; // direct recursion passes nothing on
            }
            double signed = e.getValue() * Math.signum(inclusiveDelta);
            if (signed > bestSigned || signed == bestSigned && best != null && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
                bestSigned = signed;
            }
        }
        return best != null && bestSigned >= PASS_THROUGH_SHARE * Math.abs(inclusiveDelta) ? best : null;
    }
}
