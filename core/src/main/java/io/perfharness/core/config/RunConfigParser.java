package io.perfharness.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads {@code perf.*} keys (system properties or CLI flags mapped to the same keys) into a {@link
 * RunConfig}, checking every key before anything starts and reporting all problems at once as
 * "`perf.key` was 'value' but it must ...". Unknown {@code perf.} keys are problems too, so a
 * typo never silently falls back to a default.
 */
public final class RunConfigParser {
  public static final String PREFIX = "perf.";
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern APP_PREFIX = Pattern.compile("[a-zA-Z_$][\\w$]*(?:\\.[a-zA-Z_$][\\w$]*)*\\.?");

  /** Documented defaults; the README's option table mirrors this map. */
  public static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new TreeMap<>();
    d.put("target", "sample");
    d.put("shape", "steady");
    d.put("warmup", "auto"); // the window starts once the target's JIT and latency settled (auto:10s..3m)
    d.put("duration", "30s");
    d.put("rate", "50");
    d.put("events", "cpu");
    d.put("label", "run");
    d.put("seed", "1");
    d.put("out", "runs");
    d.put("pid", "");
    d.put("allowRemote", "false");
    d.put("maxRequests", "");
    d.put("jfr", "false");
    d.put("startTimeout", "60s");
    d.put("healthPath", "/health");
    d.put("map", "");
    d.put("replay", "model");
    d.put("histoInterval", "off");
    d.put("app", "");
    return Map.copyOf(d);
  }

  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> values;

  private RunConfigParser(Map<String, String> values) {
    this.values = new java.util.HashMap<>(values);
  }

  /** A value that names a file rather than a shape: a path or a .json name. */
  private static boolean looksLikeFile(String s) {
    return s.endsWith(".json") || s.contains("/") || s.contains(java.io.File.separator);
  }

  /** Reads the {@code perf.*} entries of the given properties (other keys are ignored). */
  public static RunConfig fromProperties(Map<?, ?> properties, Path baseDir) throws ConfigException {
    Map<String, String> perf = new TreeMap<>();
    properties.forEach((k, v) -> {
      String key = String.valueOf(k);
      if (key.startsWith(PREFIX)) {
        perf.put(key.substring(PREFIX.length()), String.valueOf(v));
      }
    });
    return parse(perf, baseDir);
  }

  /**
   * Parses keys without the {@code perf.} prefix. Relative {@code out} paths resolve against
   * {@code baseDir}.
   */
  public static RunConfig parse(Map<String, String> keys, Path baseDir) throws ConfigException {
    Set<String> unknown = new LinkedHashSet<>(keys.keySet());
    unknown.removeAll(DEFAULTS.keySet());
    unknown.removeIf(k -> k.startsWith("internal."));
    RunConfigParser p = new RunConfigParser(keys);
    for (String key : unknown) {
      p.problems.add("`perf." + key + "` is not an option; known options: perf."
          + String.join(", perf.", DEFAULTS.keySet()));
    }
    TargetSpec target = p.get("target", TargetSpec::parse, "be a target spec", null);
    String shape = p.get("shape", s -> {
      if (!RunConfig.KNOWN_SHAPES.contains(s) && !looksLikeFile(s)) {
        throw new IllegalArgumentException("unknown");
      }
      return s;
    }, "be one of " + RunConfig.KNOWN_SHAPES + " or a shape file (*.json)", "steady");
    Path shapeFile = null;
    if (p.ok("shape") && !RunConfig.KNOWN_SHAPES.contains(shape)) {
      shapeFile = baseDir.resolve(shape).toAbsolutePath().normalize();
      if (!java.nio.file.Files.isRegularFile(shapeFile)) {
        p.problem("shape", "be one of " + RunConfig.KNOWN_SHAPES + " or an existing shape file (no such file: " + shapeFile + ")");
        shapeFile = null;
      }
    }
    Path mapFile = p.get("map", s -> s.isBlank() ? null : baseDir.resolve(s).toAbsolutePath().normalize(),
        "be a mapping file path", null);
    if (mapFile != null && !java.nio.file.Files.isRegularFile(mapFile)) {
      p.problem("map", "be an existing mapping file (no such file: " + mapFile + ")");
    }
    String replay = p.get("replay", s -> {
      if (!RunConfig.REPLAY_MODES.contains(s)) {
        throw new IllegalArgumentException("unknown");
      }
      return s;
    }, "be one of " + RunConfig.REPLAY_MODES, "model");
    if (shapeFile == null && p.ok("shape") && (keys.containsKey("map") || keys.containsKey("replay"))) {
      p.problems.add("`perf.map` and `perf.replay` were given but they only apply to a shape file, and `perf.shape` was '"
          + shape + "'");
    }
    // named shapes that change defaults: a smoke check is short and light, a soak is long
    Map<String, String> shapeDefaults = switch (shape) {
      // a smoke check is quick; a soak's thresholds (docs/soak.md) were measured after 30 s: both keep fixed warm-ups
      case "smoke" -> Map.of("warmup", "2s", "duration", "10s", "rate", "5");
      // a soak's verdicts need the pool, Jetty's threads and the caches settled before the first histogram
      case "soak" -> Map.of("duration", "30m", "warmup", "30s", "histoInterval", "15s", "events", "alloc");
      default -> Map.of();
    };
    shapeDefaults.forEach((k, v) -> {
      if (!keys.containsKey(k)) {
        p.values.put(k, v);
      }
    });
    WarmupPolicy warmupPolicy = p.get("warmup", WarmupPolicy::parse, "be a duration like 10s, or auto (the run ends"
        + " the warm-up once the target's JIT compilation and latency have settled; auto:FLOOR..CAP bounds it, default"
        + " auto:" + DurationParser.format(WarmupPolicy.DEFAULT_FLOOR) + ".." + DurationParser.format(WarmupPolicy.DEFAULT_CAP)
        + ")", WarmupPolicy.fixed(Duration.ZERO));
    Duration warmup = warmupPolicy.cap(); // auto: the longest warm-up, which bounds the requests and the run
    Duration duration = p.get("duration", DurationParser::parse, "be a duration like 30s", Duration.ZERO);
    if (duration.compareTo(Duration.ofSeconds(1)) < 0 && p.ok("duration")) {
      p.problem("duration", "be at least 1s (the latency logs have 1 s intervals)");
    }
    if (duration.compareTo(Duration.ofHours(24)) > 0) {
      p.problem("duration", "be at most 24h (every run is bounded)");
    }
    if (warmup.compareTo(Duration.ofHours(1)) > 0) {
      p.problem("warmup", warmupPolicy.auto() ? "have a cap of at most 1h" : "be at most 1h");
    }
    if (warmupPolicy.auto() && warmupPolicy.cap().compareTo(Duration.ofSeconds(1)) < 0) {
      p.problem("warmup", "have a cap of at least 1s (the warm-up detector samples once a second)");
    }
    double rate = p.get("rate", Double::parseDouble, "be a number of requests per second", 0.0);
    if (p.ok("rate") && !(rate > 0 && rate <= 100_000)) {
      p.problem("rate", "be a number of requests per second in (0, 100000]");
    }
    List<String> events = p.get("events", RunConfigParser::parseEvents,
        "be a comma-separated subset of " + RunConfig.KNOWN_EVENTS + " or none", List.of());
    String label = p.get("label", s -> {
      if (!LABEL.matcher(s).matches()) {
        throw new IllegalArgumentException("bad");
      }
      return s;
    }, "be 1-64 characters of A-Z a-z 0-9 . _ -", "run");
    long seed = p.get("seed", Long::parseLong, "be an integer", 1L);
    Path out = p.get("out", s -> baseDir.resolve(s).normalize(), "be a folder path", baseDir);
    OptionalLong pid = p.get("pid", s -> s.isBlank() ? OptionalLong.empty()
        : OptionalLong.of(positive(Long.parseLong(s.trim()))), "be a process id", OptionalLong.empty());
    boolean allowRemote = p.get("allowRemote", RunConfigParser::parseBoolean, "be true or false", false);
    double windowSeconds = (warmup.toMillis() + duration.toMillis()) / 1000.0;
    long derivedMax = (long) Math.ceil(rate * windowSeconds * 2 + 1_000);
    long maxRequests = p.get("maxRequests", s -> s.isBlank() ? derivedMax : positive(Long.parseLong(s.trim())),
        "be a positive integer", derivedMax);
    boolean jfr = p.get("jfr", RunConfigParser::parseBoolean, "be true or false", false);
    Duration startTimeout = p.get("startTimeout", DurationParser::parse, "be a duration like 60s", Duration.ofSeconds(60));
    String healthPath = p.get("healthPath", s -> {
      if (!s.startsWith("/")) {
        throw new IllegalArgumentException("bad");
      }
      return s;
    }, "start with /", "/health");
    Duration histoInterval = p.get("histoInterval", s -> s.isBlank() || s.trim().equalsIgnoreCase("off") ? null
        : DurationParser.parse(s.trim()), "be a duration like 15s or off", null);
    if (histoInterval != null && histoInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      p.problem("histoInterval", "be at least 1s (each class histogram forces a full GC of the target), or off");
    }
    if (histoInterval != null && target instanceof TargetSpec.Url && pid.isEmpty() && p.ok("target")) {
      p.problems.add("`perf.histoInterval` was '" + DurationParser.format(histoInterval) + "' but class histograms of a"
          + " url: target need -Dperf.pid=<pid of its JVM>; give the pid, or set -Dperf.histoInterval=off");
    }

    if (target instanceof TargetSpec.Url url && url.jmx() == null && !events.isEmpty() && pid.isEmpty()
        && p.ok("target")) { // a jmx: target is profiled over JMX, without a pid
      p.problems.add("`perf.target` was '" + target.spec() + "' with `perf.events` '"
          + String.join(",", events) + "' but a url: target can only be profiled with -Dperf.pid=<pid of its JVM>;"
          + " give the pid, or set -Dperf.events=none to run without profiling");
    }
    if (!(target instanceof TargetSpec.Url) && pid.isPresent()) {
      p.problems.add("`perf.pid` was '" + pid.getAsLong()
          + "' but it only applies to url: targets (the harness knows the pid of a target it starts)");
    }
    String app = p.get("app", s -> {
      if (s.isBlank()) {
        return null;
      }
      for (String prefix : s.split(",")) {
        String t = prefix.strip();
        if (!t.equals("(default)") && !APP_PREFIX.matcher(t).matches()) {
          throw new IllegalArgumentException("'" + t + "' is not a package or class name");
        }
      }
      return s.strip();
    }, "be comma-separated package or class prefixes like org.acme.shop or org.acme.Shop, or (default) for the"
        + " default package", null);
    if (!p.problems.isEmpty()) {
      throw new ConfigException(p.problems);
    }
    return new RunConfig(target, shape, warmup, duration, rate, events, label, seed, out, pid,
        allowRemote, maxRequests, jfr, startTimeout, healthPath, shapeFile, mapFile, replay, keys.keySet(),
        histoInterval, app, warmupPolicy);
  }

  private <T> T get(String key, Function<String, T> parse, String must, T fallback) {
    String raw = values.getOrDefault(key, DEFAULTS.get(key));
    try {
      return parse.apply(raw);
    } catch (RuntimeException e) {
      String detail = e.getMessage() != null && e.getMessage().startsWith("'") ? " (" + e.getMessage() + ")" : "";
      problems.add("`perf." + key + "` was '" + raw + "' but it must " + must + detail);
      return fallback;
    }
  }

  private boolean ok(String key) {
    return problems.stream().noneMatch(p -> p.startsWith("`perf." + key + "`"));
  }

  private void problem(String key, String must) {
    problems.add("`perf." + key + "` was '" + values.getOrDefault(key, DEFAULTS.get(key))
        + "' but it must " + must);
  }

  private static long positive(long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("not positive");
    }
    return value;
  }

  private static boolean parseBoolean(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  static List<String> parseEvents(String s) {
    String trimmed = s.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("none") || trimmed.isEmpty()) {
      return List.of();
    }
    Set<String> events = new LinkedHashSet<>();
    for (String e : trimmed.split(",")) {
      String event = e.trim();
      if (!RunConfig.KNOWN_EVENTS.contains(event)) {
        throw new IllegalArgumentException("'" + event + "' is not an event");
      }
      events.add(event);
    }
    return List.copyOf(events);
  }
}
