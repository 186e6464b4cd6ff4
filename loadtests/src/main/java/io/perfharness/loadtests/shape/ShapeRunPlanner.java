package io.perfharness.loadtests.shape;

import io.perfharness.core.config.RunConfig;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.schedule.ArrivalSchedule;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settles a run that replays a shape file ({@code -Dperf.shape=FILE}): reads the shape and its
 * mapping, fits the window to the shape unless {@code perf.duration} was given, scales the curve to
 * {@code perf.rate} only when that was given, and builds the schedule. An automatic warm-up ({@code
 * perf.warmup=auto}) becomes a fixed one at its floor here. Stateless.
 */
public final class ShapeRunPlanner {
    /** The run's effective options and its schedule. */
    public record Planned(RunConfig config, ArrivalSchedule schedule) {}

    private ShapeRunPlanner() {
    }

    /** @throws IllegalArgumentException for unusable shape or mapping files (the message names file, line, value) */
    public static Planned plan(RunConfig config) {
        try {
            Path shapeFile = config.shapeFile();
            ShapeFile shape = ShapeFileReader.read(shapeFile);
            Path mapFile = config.mapFile();
            if (mapFile == null) {
                if (shape.mapping() == null) {
                    throw new ShapeInputException("shape file " + shapeFile + " names no mapping file; give -Dperf.map=FILE"
                            + " (the sample service: shapes/sample-shop.mapping.json)");
                }
                mapFile = shapeFile.toAbsolutePath().getParent().resolve(shape.mapping()).normalize();
            }
            RouteMapping mapping = RouteMappingReader.read(mapFile);
            // perf.warmup=auto resolves to a fixed warm-up at its floor: the window sits on the shape's own time line
            long warmupNanos = config.warmupPolicy().floor().toNanos();
            Duration duration = config.duration();
            long shapeNanos = shape.curve().replayNanos();
            if (!config.givenKeys().contains("duration") && shapeNanos - warmupNanos >= 1_000_000_000L) {
                long seconds = (shapeNanos - warmupNanos) / 1_000_000_000L; // whole seconds: full fidelity buckets
                duration = Duration.ofSeconds(seconds);
            }
            double rate = config.givenKeys().contains("rate") ? config.ratePerSec() : 0;
            boolean exact = config.replayMode().equals("exact");
            ShapeReplay.Plan plan = ShapeReplay.plan(shape, mapping, exact, config.seed(), warmupNanos, duration.toNanos(),
                    rate, Long.MAX_VALUE);
            ArrivalSchedule schedule = plan.schedule();
            long needed = schedule.arrivals().size();
            long maxRequests = config.givenKeys().contains("maxRequests") ? config.maxRequests() : needed * 2 + 1_000;
            if (needed > maxRequests) {
                throw new IllegalArgumentException("the schedule needs " + needed + " requests, more than `perf.maxRequests` = "
                        + maxRequests + "; lower the rate or the duration, or raise -Dperf.maxRequests");
            }
            double windowRate = schedule.countInWindow() / (duration.toNanos() / 1e9);
            RunConfig effective = config.withReplayWindow(duration, rate > 0 ? rate : round(windowRate), maxRequests);
            String arrivals = (exact ? "exact: the shape's own arrivals per 1 s of replay (cumulative rounding)"
                    : "model: seeded Poisson counts per 1 s bucket with the shape's mean")
                    + ", spread evenly inside each bucket; templates allocated from the shape's segment mix by smooth"
                    + " weighted round-robin; one request per virtual user";
            RunManifest.Replay replay = new RunManifest.Replay(shapeFile.toString(), mapFile.toString(), config.replayMode(),
                    round(plan.shapeSeconds()), round(plan.rateFactor()), plan.loops(), shape.templates().size(), plan.routes());
            ArrivalSchedule withFacts = ArrivalSchedule.of(schedule.arrivals(), schedule.buckets(), schedule.warmupNanos(),
                    schedule.durationNanos(), schedule.intent().withReplay(arrivals, replay, plan.warnings()));
            return new Planned(effective, withFacts);
        } catch (ShapeInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
