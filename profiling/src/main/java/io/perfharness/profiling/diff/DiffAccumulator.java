package io.perfharness.profiling.diff;

import io.perfharness.profiling.normalize.FrameNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates the stacks of all runs of both sides into int ids: normalized frames, a merged
 * call tree with per-side self counts and costs, and per-run self and inclusive counts per
 * frame. Stacks never live as lists of strings here, which keeps 100 MB inputs inside a small
 * heap. Mutable, single use, not thread-safe; {@link DiffModelAssembler} reads it at the end.
 */
final class DiffAccumulator {
    static final int BASELINE = 0;
    static final int CANDIDATE = 1;
    static final int ROOT_NODE = 0;

    /** One finished run: counts per normalized frame id (arrays may be shorter than the frame count). */
    record RunCounts(long[] selfCounts, long[] inclusiveCounts, long completedRequests, double unitsPerCount,
                     long totalCount) {
        long self(int frame) {
            return frame < selfCounts.length ? selfCounts[frame] : 0;
        }

        long inclusive(int frame) {
            return frame < inclusiveCounts.length ? inclusiveCounts[frame] : 0;
        }
    }

    private final FrameNormalizer normalizer;
    private final Map<String, Integer> frameIdsByName = new HashMap<>();
    final List<String> frameNames = new ArrayList<>();
    private final Map<String, Integer> rawFrameIds = new HashMap<>();
    private final Map<String, Integer> rawRootFrameIds = new HashMap<>();

    int nodeCount = 1;
    int[] nodeParent = new int[1024];
    int[] nodeFrame = new int[1024];
    final long[][] nodeSelfCount = {new long[1024], new long[1024]};
    final double[][] nodeSelfCost = {new double[1024], new double[1024]};
    final long[][] nodeTotalCount = {new long[1024], new long[1024]};
    final double[][] nodeTotalCost = {new double[1024], new double[1024]};
    /** Self counts per node of the open run; costs are added per run so that line order cannot change a sum. */
    private long[] runNodeSelf = new long[1024];
    private final ChildIndex children = new ChildIndex(1024);

    @SuppressWarnings("unchecked")
    final List<RunCounts>[] runs = new List[] {new ArrayList<RunCounts>(), new ArrayList<RunCounts>()};

    private int side = -1;
    private double unitsPerCount;
    private long completedRequests;
    private long runTotalCount;
    private long[] runSelf = new long[256];
    private long[] runInclusive = new long[256];
    private int[] frameStamp = new int[256];
    private int stackSerial;

    DiffAccumulator(FrameNormalizer normalizer) {
        this.normalizer = normalizer;
        nodeParent[ROOT_NODE] = -1;
        nodeFrame[ROOT_NODE] = -1;
    }

    /** The normalized frame id of a raw frame name; {@code root} for the first frame of a stack. */
    int frameIdOfRaw(String rawFrame, boolean root) {
        Map<String, Integer> cache = root ? rawRootFrameIds : rawFrameIds;
        Integer id = cache.get(rawFrame);
        if (id == null) {
            String name = root ? normalizer.normalizeRootFrame(rawFrame) : normalizer.normalizeFrame(rawFrame);
            id = frameIdsByName.get(name);
            if (id == null) {
                id = frameNames.size();
                frameNames.add(name);
                frameIdsByName.put(name, id);
            }
            cache.put(rawFrame, id);
        }
        return id;
    }

    void beginRun(int runSide, RunProfileSample run) {
        if (side >= 0) {
            throw new IllegalStateException("a run is still open");
        }
        side = runSide;
        unitsPerCount = run.unitsPerCount();
        completedRequests = run.completedRequests();
        runTotalCount = 0;
        runSelf = new long[Math.max(256, frameNames.size())];
        runInclusive = new long[runSelf.length];
    }

    /**
     * Adds one stack of the open run: {@code frames[0..length)} are normalized frame ids, root
     * first. Stacks with a count of 0 add nothing (the frame is not "present" through them).
     */
    void addStack(int[] frames, int length, long count) {
        if (count == 0) {
            return;
        }
        ensureFrameCapacity(frameNames.size());
        runTotalCount = Math.addExact(runTotalCount, count);
        int serial = ++stackSerial;
        int node = ROOT_NODE;
        for (int i = 0; i < length; i++) {
            int frame = frames[i];
            node = child(node, frame);
            if (frameStamp[frame] != serial) {
                // inclusive counts a stack once per frame, however often recursion repeats it
                frameStamp[frame] = serial;
                runInclusive[frame] = Math.addExact(runInclusive[frame], count);
            }
        }
        int leaf = frames[length - 1];
        runSelf[leaf] += count;
        runNodeSelf[node] = Math.addExact(runNodeSelf[node], count);
    }

    void endRun() {
        long[] runNodeTotal = Arrays.copyOf(runNodeSelf, nodeCount);
        // children have larger ids than their parent: one backward pass sums the subtrees
        for (int n = nodeCount - 1; n > ROOT_NODE; n--) {
            runNodeTotal[nodeParent[n]] = Math.addExact(runNodeTotal[nodeParent[n]], runNodeTotal[n]);
        }
        for (int n = 0; n < nodeCount; n++) {
            long self = runNodeSelf[n];
            if (self != 0) {
                nodeSelfCount[side][n] = Math.addExact(nodeSelfCount[side][n], self);
                nodeSelfCost[side][n] += self * unitsPerCount;
                runNodeSelf[n] = 0;
            }
            long total = runNodeTotal[n];
            if (total != 0) {
                nodeTotalCount[side][n] = Math.addExact(nodeTotalCount[side][n], total);
                nodeTotalCost[side][n] += total * unitsPerCount;
            }
        }
        int frames = frameNames.size();
        runs[side].add(new RunCounts(Arrays.copyOf(runSelf, frames), Arrays.copyOf(runInclusive, frames),
                completedRequests, unitsPerCount, runTotalCount));
        side = -1;
    }

    private int child(int parent, int frame) {
        int node = children.getOrPut(parent, frame, nodeCount);
        if (node == nodeCount) {
            if (nodeCount == nodeParent.length) {
                growNodes();
            }
            nodeParent[node] = parent;
            nodeFrame[node] = frame;
            nodeCount++;
        }
        return node;
    }

    private void growNodes() {
        int capacity = nodeParent.length * 2;
        nodeParent = Arrays.copyOf(nodeParent, capacity);
        nodeFrame = Arrays.copyOf(nodeFrame, capacity);
        runNodeSelf = Arrays.copyOf(runNodeSelf, capacity);
        for (int s = 0; s < 2; s++) {
            nodeSelfCount[s] = Arrays.copyOf(nodeSelfCount[s], capacity);
            nodeSelfCost[s] = Arrays.copyOf(nodeSelfCost[s], capacity);
            nodeTotalCount[s] = Arrays.copyOf(nodeTotalCount[s], capacity);
            nodeTotalCost[s] = Arrays.copyOf(nodeTotalCost[s], capacity);
        }
    }

    private void ensureFrameCapacity(int frames) {
        if (frames > runSelf.length) {
            int capacity = Math.max(frames, runSelf.length * 2);
            runSelf = Arrays.copyOf(runSelf, capacity);
            runInclusive = Arrays.copyOf(runInclusive, capacity);
        }
        if (frames > frameStamp.length) {
            frameStamp = Arrays.copyOf(frameStamp, Math.max(frames, frameStamp.length * 2));
        }
    }
}
