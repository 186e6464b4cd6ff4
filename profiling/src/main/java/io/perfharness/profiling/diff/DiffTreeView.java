package io.perfharness.profiling.diff;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

/**
 * The merged call tree held in flat arrays, handing out {@link DiffTreeNode}s as views: the tree
 * of two 100 MB profiles has over a million nodes, which as objects would not fit the heap
 * budget. Immutable after construction (the arrays are never written again).
 */
final class DiffTreeView {
    private final List<String> frameNames;
    private final int[] nodeFrame;
    private final long[][] selfCount;
    private final double[][] selfCost;
    private final long[][] totalCount;
    private final double[][] totalCost;
    private final double[] requests;
    private final int[] childStart;
    private final int[] childIds;

    DiffTreeView(DiffAccumulator acc, long baselineRequests, long candidateRequests) {
        frameNames = List.copyOf(acc.frameNames);
        nodeFrame = acc.nodeFrame;
        selfCount = acc.nodeSelfCount;
        selfCost = acc.nodeSelfCost;
        totalCount = acc.nodeTotalCount;
        totalCost = acc.nodeTotalCost;
        requests = new double[] {baselineRequests, candidateRequests};
        int nodes = acc.nodeCount;
        // children of node n are childIds[childStart[n] .. childStart[n + 1])
        childStart = new int[nodes + 1];
        for (int n = 1; n < nodes; n++) {
            childStart[acc.nodeParent[n] + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            childStart[n + 1] += childStart[n];
        }
        int[] fill = Arrays.copyOf(childStart, nodes);
        childIds = new int[Math.max(0, nodes - 1)];
        for (int n = 1; n < nodes; n++) {
            childIds[fill[acc.nodeParent[n]]++] = n;
        }
        sortChildren(nodes);
    }

    /** The larger of the two totals per request descending, then frame name. */
    private void sortChildren(int nodes) {
        Comparator<Integer> order = Comparator.comparingDouble((Integer c) -> -maxTotalPerRequest(c))
                .thenComparing(c -> frameNames.get(nodeFrame[c]));
        for (int n = 0; n < nodes; n++) {
            int from = childStart[n];
            int to = childStart[n + 1];
            if (to - from > 1) {
                Integer[] kids = new Integer[to - from];
                for (int i = from; i < to; i++) {
                    kids[i - from] = childIds[i];
                }
                Arrays.sort(kids, order);
                for (int i = from; i < to; i++) {
                    childIds[i] = kids[i - from];
                }
            }
        }
    }

    private double maxTotalPerRequest(int node) {
        return Math.max(totalCost[0][node] / requests[0], totalCost[1][node] / requests[1]);
    }

    DiffTreeNode node(int n) {
        String frame = n == DiffAccumulator.ROOT_NODE ? DiffTreeNode.ROOT_FRAME : frameNames.get(nodeFrame[n]);
        return new DiffTreeNode(frame, totalCount[0][n], totalCount[1][n], selfCount[0][n], selfCount[1][n],
                totalCost[0][n] / requests[0], totalCost[1][n] / requests[1],
                selfCost[0][n] / requests[0], selfCost[1][n] / requests[1], new Children(n));
    }

    /** The callees of one node, created on access. Immutable. */
    final class Children extends AbstractList<DiffTreeNode> implements RandomAccess {
        private final int parent;

        private Children(int parent) {
            this.parent = parent;
        }

        @Override
        public DiffTreeNode get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("index " + index + " of " + size());
            }
            return node(childIds[childStart[parent] + index]);
        }

        @Override
        public int size() {
            return childStart[parent + 1] - childStart[parent];
        }
    }
}
