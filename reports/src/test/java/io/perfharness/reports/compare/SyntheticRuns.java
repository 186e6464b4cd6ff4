package io.perfharness.reports.compare;

import io.perfharness.core.latency.LatencyStats;
import io.perfharness.core.latency.LatencySummary;
import io.perfharness.core.latency.LatencySummaryJsonWriter;
import io.perfharness.core.latency.RequestLatency;
import io.perfharness.core.run.RunManifest;
import io.perfharness.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes run directories with chosen numbers (manifest, latency summary, collapsed profiles) so the
 * comparison's statistics and rendering can be pinned exactly; the end-to-end tests use real runs.
 */
final class SyntheticRuns {
  private SyntheticRuns() {}

  /** One run's chosen numbers; {@code cpuStacks} are collapsed lines with 1 ms samples. */
  record Spec(String runId, String target, double p50Ms, double p90Ms, double p99Ms, long requests, long errors,
              Map<String, Long> cpuStacks, boolean valid) {}

  static Path write(Path sideDir, Spec s) throws IOException {
    Path dir = Files.createDirectories(sideDir.resolve(s.runId()));
    Files.createDirectories(dir.resolve("latency"));
    Files.createDirectories(dir.resolve("profile"));
    long total = 0;
    StringBuilder collapsed = new StringBuilder();
    for (Map.Entry<String, Long> e : s.cpuStacks().entrySet()) {
      collapsed.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
      total += e.getValue();
    }
    Files.writeString(dir.resolve("profile/cpu.collapsed"), collapsed.toString());
    RunManifest.ProfiledEvent cpu = new RunManifest.ProfiledEvent("cpu", "1ms", 1_000_000L, "samples",
        "profile/cpu.collapsed", "profile/cpu.html", total);
    RunManifest m = new RunManifest(RunManifest.SCHEMA_VERSION, s.runId(), "synthetic",
        RunManifest.Status.COMPLETE, s.valid(), s.valid() ? List.of() : List.of("the generator fell behind (synthetic)"),
        new RunManifest.Target(s.target(), "sample", List.of(), "http://127.0.0.1:1", 1L, null, true, null, null, null, null),
        new RunManifest.Load("open", "steady", 1, "poisson", "shared", 50, 50.0, 1000, 1000, 1000L, s.requests(),
            s.errors(), (double) s.errors() / s.requests(), 3000, null),
        new RunManifest.Windows(0L, 0L, 1000L, 21000L, 22000L, 1000, 20000),
        new RunManifest.Latency("microseconds", 3, "measurement window", List.of(), "latency/summary.json"),
        new RunManifest.Profiler("async-profiler", "4.5", "perf_events", List.of(cpu), 1000L, 21000L, null, List.of()),
        new RunManifest.Host("Linux", "amd64", 2, "17.0.1", "17.0.1"), "0.1.0-SNAPSHOT", List.of(),
        "mvn gatling:test -Dperf.target=" + s.target(), Map.of());
    Json.writeFile(dir.resolve("run.json"), m);
    LatencyStats overall = stats(s.requests(), s.errors(), s.p50Ms(), s.p90Ms(), s.p99Ms());
    LatencyStats products = stats(s.requests() / 2, 0, s.p50Ms() * 0.5, s.p90Ms() * 0.5, s.p99Ms() * 0.5);
    LatencySummaryJsonWriter.write(new LatencySummary(1000, 21000, 3, 0, 0, overall,
        List.of(new RequestLatency("GET /products", "t0", products))), dir.resolve("latency/summary.json"));
    return dir;
  }

  static LatencyStats stats(long count, long errors, double p50Ms, double p90Ms, double p99Ms) {
    return new LatencyStats(count, errors, 100, p50Ms * 1000, Math.round(p50Ms * 1000), Math.round(p90Ms * 1000),
        Math.round(p99Ms * 1000), Math.round(p99Ms * 1100), Math.round(p99Ms * 1200));
  }

  /**
   * A side of {@code n} runs: p50 around {@code p50Ms} with a deterministic +-2% spread, and a cpu
   * profile whose {@code Validator.check} frame costs {@code checkMsPerRequest} per request.
   */
  static Path side(Path root, String name, String target, int n, double p50Ms, double checkMsPerRequest) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    double[] spread = {0.0, 0.013, -0.011, 0.019, -0.017, 0.007, -0.004, 0.016, -0.019, 0.002};
    for (int i = 0; i < n; i++) {
      double f = 1 + spread[i % spread.length];
      long requests = 1000;
      Map<String, Long> stacks = new LinkedHashMap<>();
      stacks.put("java.lang.Thread.run;app.Handler.handle;app.Repository.load", Math.round(1000 * 1.0 * f));
      if (checkMsPerRequest > 0) {
        stacks.put("java.lang.Thread.run;app.Handler.handle;app.Validator.check;java.util.regex.Pattern.compile",
            Math.round(requests * checkMsPerRequest * f));
      }
      stacks.put("java.lang.Thread.run;app.Handler.handle;app.Json.write", Math.round(500 * f));
      write(dir, new Spec(String.format("20261126T0%d0000Z-%s-%d", i, name, i + 1), target, p50Ms * f,
          p50Ms * 2 * f, p50Ms * 4 * f, requests, 0, stacks, true));
    }
    return dir;
  }

  /**
   * A side of {@code n} benchmark forks as {@code perf bench} writes them: avgt score around
   * {@code nanosPerOp}, 1,000,000 operations each, a cpu profile (1 ms samples) where {@code
   * compileShare} of the samples are in Pattern.compile.
   */
  static Path benchSide(Path root, String name, int n, double nanosPerOp, double compileShare) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    double[] spread = {0.0, 0.013, -0.011, 0.019, -0.017, 0.007};
    for (int i = 0; i < n; i++) {
      double f = 1 + spread[i % spread.length];
      String runId = String.format("20261126T0%d0000Z-%s-fork%d", i, name, i + 1);
      long ops = 1_000_000;
      long samples = Math.round(ops * nanosPerOp * f / 1e6);
      Map<String, Long> stacks = new LinkedHashMap<>();
      long compile = Math.round(samples * compileShare);
      if (compile > 0) {
        stacks.put("bench.Regex.validate;app.InputValidator.matchesWithFreshPattern;java.util.regex.Pattern.compile", compile);
      }
      stacks.put("bench.Regex.validate;app.InputValidator.matches;java.util.regex.Matcher.matches", samples - compile);
      Path run = write(dir, new Spec(runId, "bench.Regex.validate:mode=" + name, 1, 1, 1, ops, 0, stacks, true));
      Files.createDirectories(run.resolve("jmh"));
      Files.writeString(run.resolve("jmh/score.json"), String.format(java.util.Locale.ROOT,
          "{\"schemaVersion\":1,\"benchmark\":\"bench.Regex.validate\",\"params\":{\"mode\":\"%s\"},\"mode\":\"avgt\","
              + "\"scoreUnit\":\"ns/op\",\"score\":%.3f,\"iterationScores\":[%.3f],\"operations\":%d}",
          name, nanosPerOp * f, nanosPerOp * f, ops));
      Files.delete(run.resolve("latency/summary.json"));
    }
    return dir;
  }

  static List<Path> list(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.sorted().forEach(out::add);
    }
    return out;
  }
}
