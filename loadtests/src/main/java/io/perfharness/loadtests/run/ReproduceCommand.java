package io.perfharness.loadtests.run;

import io.perfharness.core.config.DurationParser;
import io.perfharness.core.config.RunConfig;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The exact options of a run, and the shell command that repeats it (same seed, same schedule). */
public final class ReproduceCommand {
  private ReproduceCommand() {}

  /** Every option that shapes the run, as {@code perf.*} keys with their effective values. */
  public static Map<String, String> options(RunConfig config) {
    Map<String, String> o = new TreeMap<>();
    o.put("perf.target", config.target().spec());
    o.put("perf.shape", config.shape());
    o.put("perf.warmup", config.warmupPolicy().spec()); // auto stays auto: the run decides again
    o.put("perf.duration", DurationParser.format(config.duration()));
    if (config.shapeFile() == null || config.givenKeys().contains("rate")) { // a shape file brings its own rate
      o.put("perf.rate", formatRate(config.ratePerSec()));
    }
    o.put("perf.events", config.events().isEmpty() ? "none" : String.join(",", config.events()));
    o.put("perf.label", config.label());
    o.put("perf.seed", Long.toString(config.seed()));
    o.put("perf.maxRequests", Long.toString(config.maxRequests()));
    config.pid().ifPresent(pid -> o.put("perf.pid", Long.toString(pid)));
    if (config.allowRemote()) {
      o.put("perf.allowRemote", "true");
    }
    if (config.keepJfr()) {
      o.put("perf.jfr", "true");
    }
    if (config.shapeFile() != null) {
      if (config.mapFile() != null) {
        o.put("perf.map", config.mapFile().toString());
      }
      o.put("perf.replay", config.replayMode());
    }
    if (config.app() != null) {
      o.put("perf.app", config.app());
    }
    if (config.soakSampling()) {
      o.put("perf.histoInterval", DurationParser.format(config.histoInterval()));
    }
    return o;
  }

  public static String mavenCommand(RunConfig config) {
    StringBuilder sb = new StringBuilder("mvn gatling:test");
    options(config).forEach((k, v) -> sb.append(" -D").append(k).append('=').append(shellQuote(v)));
    return sb.toString();
  }

  static String formatRate(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : String.format(Locale.ROOT, "%s", rate);
  }

  static String shellQuote(String value) {
    if (value.matches("[A-Za-z0-9._,:/=+@%-]+")) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
