package io.perfharness.profiling.query;

import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.event.ProfilingEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * What the cost charged to each application frame is made of: per application frame (the deepest on
 * its stacks), the cost by the frame it calls into (the JDK or library entry, e.g.
 * {@code java.util.Arrays.sort} under {@code Ranking.topProducts}; {@value #SELF} for its own code)
 * and by the stack's leaf (where the samples landed, the allocated type, the contended lock). Costs
 * are added with a weight per profile, so several runs pool into cost per request. Mutable
 * accumulator, not thread-safe.
 */
public final class CalleeBreakdown {
    /** The callee of stacks that end in the application frame itself. */
    public static final String SELF = "(self)";

    private static final String INVOKE_PLUMBING = "java.lang.invoke.";

    private final Map<String, Map<String, Double>> byCallee = new HashMap<>();
    private final Map<String, Map<String, Double>> byLeaf = new HashMap<>();

    /** Adds every stack of {@code profile}, each count times {@code weight} (e.g. ms per sample / requests). */
    public void add(CollapsedProfile profile, ProfilingEvent event, ApplicationRule rule, double weight) {
        for (CollapsedStack stack : profile.stacks()) {
            int d = ApplicationFrames.deepestApplicationFrame(stack.frames(), event, rule);
            if (d < 0) {
                continue;
            }
            String frame = stack.frames().get(d);
            boolean leafIsType = event == ProfilingEvent.ALLOC || event == ProfilingEvent.LOCK;
            int last = stack.frames().size() - 1;
            String callee = d == last || leafIsType && d == last - 1 ? SELF
                    : callee(stack.frames(), d + 1, leafIsType ? last - 1 : last);
            double cost = stack.count() * weight;
            byCallee.computeIfAbsent(frame, f -> new HashMap<>()).merge(callee, cost, Double::sum);
            byLeaf.computeIfAbsent(frame, f -> new HashMap<>()).merge(stack.leaf(), cost, Double::sum);
        }
    }

    /**
     * The frame the application frame calls into: the first below it that is not method-handle
     * plumbing ({@code java.lang.invoke.*}: an {@code invokedynamic} string concatenation or lambda call
     * passes through several), or the first frame if all are.
     */
    private static String callee(java.util.List<String> frames, int from, int last) {
        for (int i = from; i <= last; i++) {
            if (!frames.get(i).startsWith(INVOKE_PLUMBING)) {
                return frames.get(i);
            }
        }
        return frames.get(from);
    }

    /** Cost by callee of an application frame (empty if it has none). */
    public Map<String, Double> callees(String applicationFrame) {
        return byCallee.getOrDefault(applicationFrame, Map.of());
    }

    /** Cost by leaf of an application frame (empty if it has none). */
    public Map<String, Double> leaves(String applicationFrame) {
        return byLeaf.getOrDefault(applicationFrame, Map.of());
    }

    /**
     * The part that carries most of a change between two breakdowns: the key whose candidate minus
     * baseline delta is largest in the direction of {@code totalDelta}, with its share of it, or null.
     */
    public static Share largestShare(Map<String, Double> baseline, Map<String, Double> candidate, double totalDelta) {
        if (totalDelta == 0) {
            return null;
        }
        Map<String, Double> delta = new HashMap<>();
        baseline.forEach((k, v) -> delta.merge(k, -v, Double::sum));
        candidate.forEach((k, v) -> delta.merge(k, v, Double::sum));
        Share best = null;
        for (Map.Entry<String, Double> e : delta.entrySet()) {
            double signed = e.getValue() * Math.signum(totalDelta);
            if (signed > 0 && (best == null || signed > best.delta() * Math.signum(totalDelta)
                    || signed == best.delta() * Math.signum(totalDelta) && e.getKey().compareTo(best.key()) < 0)) {
                best = new Share(e.getKey(), e.getValue(), e.getValue() / totalDelta);
            }
        }
        return best;
    }

    /** One part of a change: its key, its delta, and that delta over the whole change. */
    public record Share(String key, double delta, double share) {}
}
