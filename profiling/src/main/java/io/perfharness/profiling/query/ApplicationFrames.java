package io.perfharness.profiling.query;

import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.event.ProfilingEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The application view of a profile: every stack is cut below its deepest application frame, so
 * the cost of JDK, library, JIT and kernel frames is charged to the application method that called
 * into them ("where in the service's own code does the time go"). Stacks with no application frame
 * at all (idle pool threads, GC, the JIT compiler) are kept as one pseudo-frame, {@value #OUTSIDE},
 * so totals and shares stay those of the whole profile. Which frames are the application's is the
 * run's {@link ApplicationRule}. Stateless.
 *
 * <p>For alloc and lock profiles the leaf frame is the allocated or contended class, not a method,
 * and is never taken as the application frame.
 */
public final class ApplicationFrames {
    /** The pseudo-frame of stacks without any application frame. */
    public static final String OUTSIDE = "(no application frame)";

    private ApplicationFrames() {}

    /** The profile with each stack ending at its deepest application frame (same total count). */
    public static CollapsedProfile view(CollapsedProfile profile, ProfilingEvent event, ApplicationRule rule) {
        List<CollapsedStack> cut = new ArrayList<>(profile.stacks().size());
        for (CollapsedStack stack : profile.stacks()) {
            int deepest = deepestApplicationFrame(stack.frames(), event, rule);
            List<String> kept = deepest < 0 ? List.of(OUTSIDE) : stack.frames().subList(0, deepest + 1);
            cut.add(new CollapsedStack(kept, stack.count()));
        }
        return CollapsedProfile.of(cut);
    }

    /**
     * The index of the deepest application frame of a stack (root first), or -1 if it has none; for
     * alloc and lock the leaf (a type) is skipped.
     */
    public static int deepestApplicationFrame(List<String> frames, ProfilingEvent event, ApplicationRule rule) {
        boolean leafIsType = event == ProfilingEvent.ALLOC || event == ProfilingEvent.LOCK;
        int last = leafIsType ? frames.size() - 2 : frames.size() - 1;
        for (int i = last; i >= 0; i--) {
            if (rule.isApplication(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The stacks that pass through an application frame: for wall and lock, the time threads spend
     * working or blocked inside the service's own requests. Idle pool threads parked waiting for work,
     * selectors, GC, JIT and an embedded database's server threads carry no application frame and drop
     * out (async-profiler's thread state cannot tell a parked idle worker from a request blocked in
     * {@code Thread.sleep}: both are sleeping; its thread filter needs the application's cooperation).
     */
    public static CollapsedProfile inRequests(CollapsedProfile profile, ProfilingEvent event, ApplicationRule rule) {
        List<CollapsedStack> kept = new ArrayList<>();
        for (CollapsedStack stack : profile.stacks()) {
            if (deepestApplicationFrame(stack.frames(), event, rule) >= 0) {
                kept.add(stack);
            }
        }
        return CollapsedProfile.of(kept);
    }

    /** Whether the event's cost per request counts only stacks inside requests (wall and lock). */
    public static boolean countsRequestTimeOnly(ProfilingEvent event) {
        return event == ProfilingEvent.WALL || event == ProfilingEvent.LOCK;
    }

    /** The summed count of the stacks that pass through an application frame. */
    public static long applicationCount(CollapsedProfile profile, ProfilingEvent event, ApplicationRule rule) {
        long sum = 0;
        for (CollapsedStack stack : profile.stacks()) {
            if (deepestApplicationFrame(stack.frames(), event, rule) >= 0) {
                sum += stack.count();
            }
        }
        return sum;
    }
}
