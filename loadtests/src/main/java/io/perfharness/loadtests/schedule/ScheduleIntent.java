package io.perfharness.loadtests.schedule;

import io.perfharness.core.run.RunManifest;
import java.util.List;

/**
 * What a schedule was meant to follow, kept for the fidelity report: the shape's expected arrivals
 * per 1 s bucket (before the seeded draw), the template every arrival stands for, and the shape's
 * endpoint mix over the measurement window. Immutable by convention (arrays are not copied).
 *
 * @param expectedPerBucket the shape's mean arrivals per schedule bucket, aligned with {@link ArrivalSchedule#buckets()}
 * @param templates template names, indexed by template id
 * @param templateOfArrival the template id of each arrival, by schedule position
 * @param shapeMixInWindow the shape's share of each template over the measurement window, or null when the mix
 *     has no declared weights
 * @param arrivalsDescription how arrivals were placed, for {@code load.arrivals} (null: the named-shape default)
 * @param replay the shape-file replay facts for run.json, or null for a named shape
 * @param notes warnings the schedule's construction produced (looped shape, unused routes)
 */
public record ScheduleIntent(double[] expectedPerBucket, List<String> templates, int[] templateOfArrival,
        double[] shapeMixInWindow, String arrivalsDescription, RunManifest.Replay replay, List<String> notes) {

    public ScheduleIntent(double[] expectedPerBucket, List<String> templates, int[] templateOfArrival,
            double[] shapeMixInWindow) {
        this(expectedPerBucket, templates, templateOfArrival, shapeMixInWindow, null, null, List.of());
    }

    /** The same intent with the replay facts of a shape-file run. */
    public ScheduleIntent withReplay(String description, RunManifest.Replay replayFacts, List<String> replayNotes) {
        return new ScheduleIntent(expectedPerBucket, templates, templateOfArrival, shapeMixInWindow, description,
                replayFacts, List.copyOf(replayNotes));
    }
}
