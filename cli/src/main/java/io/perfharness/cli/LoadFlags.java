package io.perfharness.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The load and profiling options of {@code perf run}, {@code perf experiment}, {@code perf calibrate}
 * (and {@code perf soak}), mapped to the same {@code perf.*} keys as {@code mvn gatling:test}; each
 * command adds the target, label and output folder its own way.
 */
final class LoadFlags {
  @Option(names = "--shape", description = "a named shape (steady, ramp, spike, smoke, steps, diurnal, soak) or a shape file from perf shape (default: steady)")
  String shape;

  @Option(names = "--map", description = "mapping file from shape templates to requests (default: the one the shape file names)")
  String map;

  @Option(names = "--replay", description = "model or exact replay of a shape file (default: model)")
  String replay;

  @Option(names = "--warmup", description = "warm-up before the measurement window: a duration (10s), or auto to start"
      + " the window once the target's JIT compilation and latency have settled, between a floor and a cap"
      + " (auto = auto:10s..3m; smoke and soak shapes: 2s and 30s) (default: auto)")
  String warmup;

  @Option(names = "--duration", description = "measurement window, e.g. 30s, 2m (default: 30s)")
  String duration;

  @Option(names = "--rate", description = "intended arrivals per second (default: 50)")
  String rate;

  @Option(names = "--events", description = "profiler events: cpu,alloc,lock,wall or none (default: cpu)")
  String events;

  @Option(names = "--seed", description = "seed of the arrival schedule, the same for every run of both sides (default: 1)")
  String seed;

  @Option(names = "--max-requests", description = "hard bound on requests sent per run (default: twice the schedule + 1000)")
  String maxRequests;

  @Option(names = "--start-timeout", description = "how long a target may take to become healthy (default: 60s)")
  String startTimeout;

  @Option(names = "--app", description = "the application's package or class prefixes, comma-separated, (default) for the"
      + " default package (default: inferred from the target JVM's main class, jar and class directories)")
  String app;

  @Option(names = "--allow-remote", description = "allow a non-loopback target host")
  boolean allowRemote;

  @Option(names = "--jfr", description = "keep the profiler's JFR recording in each run")
  boolean jfr;

  /** The shared keys, without target, label and out. */
  Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    put(keys, "shape", shape);
    put(keys, "map", map);
    put(keys, "replay", replay);
    put(keys, "warmup", warmup);
    put(keys, "duration", duration);
    put(keys, "rate", rate);
    put(keys, "events", events);
    put(keys, "seed", seed);
    put(keys, "maxRequests", maxRequests);
    put(keys, "startTimeout", startTimeout);
    put(keys, "app", app);
    if (allowRemote) {
      keys.put("allowRemote", "true");
    }
    if (jfr) {
      keys.put("jfr", "true");
    }
    return keys;
  }

  private static void put(Map<String, String> keys, String key, String value) {
    if (value != null) {
      keys.put(key, value);
    }
  }
}
