package io.perfharness.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * One run's validated options: what {@code -Dperf.*} properties or {@code perf run} flags asked
 * for. Immutable; build it with {@link RunConfigParser}.
 *
 * @param target what to load and profile
 * @param shape the named arrival shape
 * @param warmup load before the measurement window; excluded from every number we report
 * @param duration the measurement window
 * @param ratePerSec the intended mean arrival rate during the measurement window
 * @param events async-profiler events to capture (empty: no profiling)
 * @param label a short name that ends up in the run id
 * @param seed seeds the arrival schedule and the request mix
 * @param outDir the folder that receives {@code <run-id>/}
 * @param pid the JVM to profile for a {@code url:} target
 * @param allowRemote whether a non-loopback host may be loaded
 * @param maxRequests hard bound on the number of requests the run may send
 * @param keepJfr whether to keep the profiler's JFR recording in the run directory
 * @param startTimeout how long a started target may take to answer {@code /health}
 * @param healthPath the readiness path polled on the target
 */
public record RunConfig(
    TargetSpec target,
    String shape,
    Duration warmup,
    Duration duration,
    double ratePerSec,
    List<String> events,
    String label,
    long seed,
    Path outDir,
    OptionalLong pid,
    boolean allowRemote,
    long maxRequests,
    boolean keepJfr,
    Duration startTimeout,
    String healthPath) {

  public static final List<String> KNOWN_EVENTS = List.of("cpu", "alloc", "lock", "wall");
  public static final List<String> KNOWN_SHAPES = List.of("steady", "ramp", "spike");

  public RunConfig {
    events = List.copyOf(events);
  }

  public boolean profiling() {
    return !events.isEmpty();
  }
}
