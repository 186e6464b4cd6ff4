package io.perfharness.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One run's validated options: what {@code -Dperf.*} properties or {@code perf run} flags asked
 * for. Immutable; build it with {@link RunConfigParser}.
 *
 * @param target what to load and profile
 * @param shape the named arrival shape, or the shape file as given
 * @param warmup load before the measurement window; excluded from every number we report. With
 *     {@code perf.warmup=auto} the longest it may be (the policy's cap): the run decides the real length
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
 * @param shapeFile the shape file to replay (absolute), or null for a named shape
 * @param mapFile the mapping file of a shape replay (absolute), or null for the one the shape names
 * @param replayMode {@code model} (seeded arrivals following the curve) or {@code exact} (the log's own counts)
 * @param givenKeys the option keys that were given explicitly (others took their defaults)
 * @param histoInterval the cadence of the soak sampler (class histogram, heap after GC, threads, pool,
 *     files), or null when the run takes no class histograms (see docs/soak.md)
 * @param app the application's package or class prefixes as given ({@code perf.app}, comma-separated,
 *     {@code (default)} for the default package), or null to infer them from the target JVM
 * @param warmupPolicy how the warm-up ends: fixed ({@code warmup}) or auto (settled JIT and latency, between
 *     a floor and a cap); see {@link WarmupPolicy}
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
    String healthPath,
    Path shapeFile,
    Path mapFile,
    String replayMode,
    Set<String> givenKeys,
    Duration histoInterval,
    String app,
    WarmupPolicy warmupPolicy) {

  public static final List<String> KNOWN_EVENTS = List.of("cpu", "alloc", "lock", "wall");
  public static final List<String> KNOWN_SHAPES = List.of("steady", "ramp", "spike", "smoke", "steps", "diurnal", "soak");
  public static final List<String> REPLAY_MODES = List.of("model", "exact");

  public RunConfig {
    events = List.copyOf(events);
    givenKeys = Set.copyOf(givenKeys);
    if (warmupPolicy == null) {
      warmupPolicy = WarmupPolicy.fixed(warmup);
    }
  }

  /** The options with a fixed warm-up (as before {@code warmupPolicy} existed). */
  public RunConfig(TargetSpec target, String shape, Duration warmup, Duration duration, double ratePerSec,
      List<String> events, String label, long seed, Path outDir, OptionalLong pid, boolean allowRemote,
      long maxRequests, boolean keepJfr, Duration startTimeout, String healthPath, Path shapeFile, Path mapFile,
      String replayMode, Set<String> givenKeys, Duration histoInterval, String app) {
    this(target, shape, warmup, duration, ratePerSec, events, label, seed, outDir, pid, allowRemote, maxRequests,
        keepJfr, startTimeout, healthPath, shapeFile, mapFile, replayMode, givenKeys, histoInterval, app,
        WarmupPolicy.fixed(warmup));
  }

  /** The options without a soak sampler (as before {@code histoInterval} existed). */
  public RunConfig(TargetSpec target, String shape, Duration warmup, Duration duration, double ratePerSec,
      List<String> events, String label, long seed, Path outDir, OptionalLong pid, boolean allowRemote,
      long maxRequests, boolean keepJfr, Duration startTimeout, String healthPath, Path shapeFile, Path mapFile,
      String replayMode, Set<String> givenKeys) {
    this(target, shape, warmup, duration, ratePerSec, events, label, seed, outDir, pid, allowRemote, maxRequests,
        keepJfr, startTimeout, healthPath, shapeFile, mapFile, replayMode, givenKeys, null, null);
  }

  /** The same options with the window, rate and request bound a shape replay settled on. */
  public RunConfig withReplayWindow(Duration newDuration, double newRatePerSec, long newMaxRequests) {
    return new RunConfig(target, shape, warmup, newDuration, newRatePerSec, events, label, seed, outDir, pid,
        allowRemote, newMaxRequests, keepJfr, startTimeout, healthPath, shapeFile, mapFile, replayMode, givenKeys,
        histoInterval, app, warmupPolicy);
  }

  /** Whether the run decides its warm-up's length from the target ({@code perf.warmup=auto}). */
  public boolean autoWarmup() {
    return warmupPolicy.auto();
  }

  public boolean profiling() {
    return !events.isEmpty();
  }

  /** Whether the run samples the target's heap with class histograms (a soak run). */
  public boolean soakSampling() {
    return histoInterval != null;
  }
}
