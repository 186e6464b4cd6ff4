package io.perfharness.profiling.diff;

import io.perfharness.profiling.diff.DiffAccumulator.RunCounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a filled {@link DiffAccumulator} into the immutable {@link ProfileDiffModel}: pooled and
 * per-run costs per frame, the merged tree, one-sided paths and stable-ancestor moves. Single use.
 */
final class DiffModelAssembler {
    private final DiffAccumulator acc;
    private final long[] requests = new long[2];
    private final long[][] totalCount = new long[2][];
    private final double[][] totalCost = new double[2][];
    private int[] depth;
    private int[] stableLength;

    DiffModelAssembler(DiffAccumulator acc) {
        this.acc = acc;
    }

    ProfileDiffModel assemble(String baselineLabel, String candidateLabel) {
        SideSummary baseline = summary(baselineLabel, DiffAccumulator.BASELINE);
        SideSummary candidate = summary(candidateLabel, DiffAccumulator.CANDIDATE);
        List<FrameDiff> frames = frames();
        sumTotals();
        DiffTreeNode tree = tree();
        pathDepths();
        return new ProfileDiffModel(baseline, candidate, frames, tree,
                oneSidedPaths(DiffAccumulator.CANDIDATE), oneSidedPaths(DiffAccumulator.BASELINE),
                stableAncestorMoves());
    }

    private SideSummary summary(String label, int side) {
        List<RunCounts> runs = acc.runs[side];
        double[] perRun = new double[runs.size()];
        double[] factors = new double[runs.size()];
        long sideRequests = 0;
        long sideCount = 0;
        double sideCost = 0;
        for (int r = 0; r < runs.size(); r++) {
            RunCounts run = runs.get(r);
            perRun[r] = run.totalCount() * run.unitsPerCount() / run.completedRequests();
            factors[r] = run.unitsPerCount() / run.completedRequests();
            sideRequests = Math.addExact(sideRequests, run.completedRequests());
            sideCount = Math.addExact(sideCount, run.totalCount());
            sideCost += run.totalCount() * run.unitsPerCount();
        }
        requests[side] = sideRequests;
        return new SideSummary(label, runs.size(), sideRequests, sideCount, sideCost / sideRequests, perRun, factors);
    }

    private List<FrameDiff> frames() {
        List<FrameDiff> frames = new ArrayList<>();
        for (int f = 0; f < acc.frameNames.size(); f++) {
            FrameSideCost baseline = frameSide(f, DiffAccumulator.BASELINE);
            FrameSideCost candidate = frameSide(f, DiffAccumulator.CANDIDATE);
            if (baseline.present() || candidate.present()) {
                frames.add(new FrameDiff(acc.frameNames.get(f), baseline, candidate));
            }
        }
        frames.sort(Comparator.comparing(FrameDiff::frame));
        return frames;
    }

    private FrameSideCost frameSide(int frame, int side) {
        List<RunCounts> runs = acc.runs[side];
        double[] selfPerRun = new double[runs.size()];
        double[] inclusivePerRun = new double[runs.size()];
        long[] selfCounts = new long[runs.size()];
        long[] inclusiveCounts = new long[runs.size()];
        long selfCount = 0;
        long inclusiveCount = 0;
        double selfCost = 0;
        double inclusiveCost = 0;
        for (int r = 0; r < runs.size(); r++) {
            RunCounts run = runs.get(r);
            long self = run.self(frame);
            long inclusive = run.inclusive(frame);
            selfCounts[r] = self;
            inclusiveCounts[r] = inclusive;
            selfCount = Math.addExact(selfCount, self);
            inclusiveCount = Math.addExact(inclusiveCount, inclusive);
            selfCost += self * run.unitsPerCount();
            inclusiveCost += inclusive * run.unitsPerCount();
            selfPerRun[r] = self * run.unitsPerCount() / run.completedRequests();
            inclusivePerRun[r] = inclusive * run.unitsPerCount() / run.completedRequests();
        }
        return new FrameSideCost(selfCount, inclusiveCount, selfCost / requests[side],
                inclusiveCost / requests[side], selfPerRun, inclusivePerRun, selfCounts, inclusiveCounts);
    }

    private void sumTotals() {
        for (int s = 0; s < 2; s++) {
            totalCount[s] = acc.nodeTotalCount[s];
            totalCost[s] = acc.nodeTotalCost[s];
        }
    }

    private DiffTreeNode tree() {
        return new DiffTreeView(acc, requests[0], requests[1]).node(DiffAccumulator.ROOT_NODE);
    }

    private boolean twoSided(int node) {
        return node == DiffAccumulator.ROOT_NODE || totalCount[0][node] > 0 && totalCount[1][node] > 0;
    }

    private void pathDepths() {
        int nodes = acc.nodeCount;
        depth = new int[nodes];
        stableLength = new int[nodes];
        for (int n = 1; n < nodes; n++) {
            int parent = acc.nodeParent[n];
            depth[n] = depth[parent] + 1;
            stableLength[n] = twoSided(n) ? depth[n] : stableLength[parent];
        }
    }

    private List<String> path(int node) {
        String[] frames = new String[depth[node]];
        for (int n = node; n != DiffAccumulator.ROOT_NODE; n = acc.nodeParent[n]) {
            frames[depth[n] - 1] = acc.frameNames.get(acc.nodeFrame[n]);
        }
        return List.of(frames);
    }

    /** Stacks ending in a path that only {@code side} has. */
    private List<DiffPath> oneSidedPaths(int side) {
        int other = 1 - side;
        List<DiffPath> paths = new ArrayList<>();
        for (int n = 1; n < acc.nodeCount; n++) {
            if (totalCount[other][n] == 0 && acc.nodeSelfCount[side][n] > 0) {
                paths.add(new DiffPath(path(n), stableLength[n], acc.nodeSelfCount[side][n],
                        acc.nodeSelfCost[side][n] / requests[side]));
            }
        }
        paths.sort(Comparator.comparingDouble((DiffPath p) -> -p.costPerRequest()).thenComparing(DiffPath::stackText));
        return paths;
    }

    private List<StableAncestorMove> stableAncestorMoves() {
        record Moved(String frame, double perRequest) { }
        final class Builder {
            final List<Moved> appeared = new ArrayList<>();
            final List<Moved> vanished = new ArrayList<>();
        }
        Map<Integer, Builder> byAncestor = new HashMap<>();
        for (int n = 1; n < acc.nodeCount; n++) {
            int parent = acc.nodeParent[n];
            if (twoSided(n) || !twoSided(parent)) {
                continue; // only the topmost node of a one-sided subtree moves under a stable ancestor
            }
            Builder b = byAncestor.computeIfAbsent(parent, k -> new Builder());
            String frame = acc.frameNames.get(acc.nodeFrame[n]);
            if (totalCount[DiffAccumulator.BASELINE][n] == 0) {
                double perRequest = totalCost[DiffAccumulator.CANDIDATE][n] / requests[DiffAccumulator.CANDIDATE];
                b.appeared.add(new Moved(frame, perRequest));
            } else {
                double perRequest = totalCost[DiffAccumulator.BASELINE][n] / requests[DiffAccumulator.BASELINE];
                b.vanished.add(new Moved(frame, perRequest));
            }
        }
        Comparator<Moved> byCost = Comparator.comparingDouble((Moved m) -> -m.perRequest()).thenComparing(Moved::frame);
        List<StableAncestorMove> moves = new ArrayList<>(byAncestor.size());
        for (Map.Entry<Integer, Builder> e : byAncestor.entrySet()) {
            int ancestor = e.getKey();
            Builder b = e.getValue();
            b.appeared.sort(byCost);
            b.vanished.sort(byCost);
            double delta = totalCost[1][ancestor] / requests[1] - totalCost[0][ancestor] / requests[0];
            // summed in the sorted order, so the sums do not depend on the order stacks were read in
            double appearedPerRequest = b.appeared.stream().mapToDouble(Moved::perRequest).sum();
            double vanishedPerRequest = b.vanished.stream().mapToDouble(Moved::perRequest).sum();
            moves.add(new StableAncestorMove(path(ancestor), appearedPerRequest, vanishedPerRequest, delta,
                    b.appeared.stream().map(Moved::frame).toList(), b.vanished.stream().map(Moved::frame).toList()));
        }
        moves.sort(Comparator.comparingDouble((StableAncestorMove m) -> -m.movedPerRequest())
                .thenComparing(m -> String.join(";", m.ancestorPath())));
        return moves;
    }
}
