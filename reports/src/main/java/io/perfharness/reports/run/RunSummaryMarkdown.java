package io.perfharness.reports.run;

import io.perfharness.core.latency.LatencyStats;
import io.perfharness.core.latency.LatencySummary;
import io.perfharness.core.latency.RequestLatency;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders SUMMARY.md, the brief an engineer or an agent reads first: what ran, the achieved load,
 * exact latency, where the time went per request, warnings, and the command that repeats the run.
 * Kept under 150 lines. Pure: the same inputs give the same text.
 */
public final class RunSummaryMarkdown {
  /** SUMMARY.md stays under 150 lines. */
  static final int MAX_LINES = 149;
  private RunSummaryMarkdown() {}

  public static String render(RunDirectory dir, RunManifest m, LatencySummary latency) {
    List<String> out = new ArrayList<>();
    out.add("# Run " + m.runId());
    out.add("");
    String verdict = m.validForComparison() ? "valid for comparison" : "NOT valid for comparison";
    out.add("**" + m.status() + "**, " + verdict
        + (m.invalidReasons().isEmpty() ? "" : ": " + String.join("; ", m.invalidReasons())));
    out.add("");
    RunManifest.Target t = m.target();
    out.add("| | |");
    out.add("|---|---|");
    out.add("| target | `" + t.spec() + "`" + (t.faults() == null ? "" : " (faults: "
        + (t.faults().isEmpty() ? "none" : String.join(", ", t.faults())) + ")") + " at " + t.baseUrl()
        + (t.pid() == null ? "" : ", pid " + t.pid()) + " |");
    RunManifest.Load load = m.load();
    out.add("| shape | " + load.shape() + ", " + load.model() + " model, seed " + load.seed() + " |");
    RunManifest.Windows w = m.windows();
    out.add("| windows | warm-up " + seconds(w.warmupMillis())
        + (w.warmup() != null && "auto".equals(w.warmup().policy()) ? " (auto)" : "")
        + ", measurement " + seconds(w.durationMillis())
        + (w.measurementStartEpochMs() == null ? "" : " from " + Instant.ofEpochMilli(w.measurementStartEpochMs())
            + (w.measurementEndEpochMs() == null ? "" : " to " + Instant.ofEpochMilli(w.measurementEndEpochMs())))
        + " |");
    out.add("| rate | intended " + fmt(load.rateIntendedPerSec()) + "/s, achieved "
        + (load.rateAchievedPerSec() == null ? "?" : fmt(load.rateAchievedPerSec()) + "/s")
        + " (" + load.requestsScheduledInWindow() + " arrivals scheduled in the window) |");
    out.add("| requests | " + nullToQ(load.requestsCompleted()) + " completed in the window, "
        + nullToQ(load.errors()) + " errors"
        + (load.errorRate() == null ? "" : String.format(Locale.ROOT, " (%.3f%%)", 100 * load.errorRate())) + " |");
    RunManifest.Generator g = load.generator();
    if (g != null) {
      out.add(String.format(Locale.ROOT, "| generator | start lag p50 %.1f ms, p99 %.1f ms, max %.1f ms; CPU %s of the machine |",
          g.lagP50Micros() / 1000.0, g.lagP99Micros() / 1000.0, g.lagMaxMicros() / 1000.0,
          g.cpuShareOfMachine() < 0 ? "?" : String.format(Locale.ROOT, "%.0f%%", 100 * g.cpuShareOfMachine())));
    }
    if (m.replay() != null) {
      RunManifest.Replay r = m.replay();
      out.add(String.format(Locale.ROOT, "| replay | %s mode, %d templates over %.1f s of shape%s, rate factor %s, mapping `%s` |",
          r.mode(), r.templates(), r.shapeSeconds(), r.loops() > 1 ? " (looped " + r.loops() + "x)" : "",
          r.rateFactor(), r.mappingFile()));
    }
    String warmup = warmupLine(w.warmup());
    if (warmup != null) {
      out.add(warmup);
    }
    if (m.profiler() != null) {
      RunManifest.Profiler p = m.profiler();
      out.add("| profiler | " + p.tool() + " " + p.version() + ", cpu engine " + nullToQ(p.cpuEngine()) + ", events "
          + String.join(", ", p.events().stream().map(e -> e.name() + " (" + e.interval() + ")").toList()) + " |");
      if (p.jitCompiler() != null) {
        out.add(jitLine(p.jitCompiler()));
      }
    }
    out.addAll(fidelity(m.fidelity()));
    out.add("");
    out.add("## Latency (exact, HdrHistogram, microsecond resolution)");
    out.add("");
    if (latency == null || latency.overall().count() == 0) {
      out.add("No request completed in the measurement window.");
    } else {
      out.add("| request | count | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |");
      out.add("|---|---:|---:|---:|---:|---:|---:|---:|");
      out.add(latencyRow("**all**", latency.overall()));
      for (RequestLatency r : latency.requests()) {
        out.add(latencyRow("`" + r.requestName() + "`", r.stats()));
      }
      out.add("");
      out.add("Covers: " + m.latency().measuredInterval() + ".");
    }
    int soakAt = out.size(); // the soak section goes here, sized to what the rest leaves of the budget
    out.addAll(ProfileSummarySection.render(dir, m));
    if (!m.warnings().isEmpty()) {
      out.add("");
      out.add("## Warnings");
      out.add("");
      m.warnings().forEach(warning -> out.add("- " + warning));
    }
    out.add("");
    out.add("## Reproduce");
    out.add("");
    out.add("```");
    out.add(m.reproduceCommand());
    out.add("```");
    out.add("");
    out.add("Files: `run.json`, `latency/summary.json`, `latency/*.hlog`, `profile/<event>.collapsed|html`,"
        + " `metrics/timeline.csv`, `gatling/index.html`, `target.log`.");
    out.addAll(soakAt, SoakSummarySection.render(dir, MAX_LINES - String.join("\n", out).split("\n", -1).length));
    return String.join("\n", out) + "\n";
  }

  /** When and why the window started: one table row, or null for runs recorded before warm-up facts existed. */
  static String warmupLine(RunManifest.Warmup warmup) {
    if (warmup == null) {
      return null;
    }
    String how = "auto".equals(warmup.policy()) ? "auto (`perf.warmup=" + warmup.asked() + "`) " + warmup.reason()
        : warmup.reason();
    return "| warm-up | " + ("cap".equals(warmup.endedBy()) ? "**cap hit**: " : "") + how.replace("|", "\\|") + " |";
  }

  /** The window's cpu samples in the JIT compiler threads: one table row. */
  static String jitLine(RunManifest.JitCompiler jit) {
    return String.format(Locale.ROOT, "| JIT compiler | %.1f%% of the window's %s samples in JIT compiler threads"
        + " (C2 %.1f%%, C1 %.1f%%; %d of %d, stacks with `%s`) |", 100 * jit.share(), jit.event(),
        100.0 * jit.c2Samples() / jit.totalSamples(), 100.0 * jit.c1Samples() / jit.totalSamples(), jit.samples(),
        jit.totalSamples(), jit.frame());
  }

  /** How well the load followed its shape: three lines at most. */
  static List<String> fidelity(RunManifest.Fidelity f) {
    if (f == null) {
      return List.of();
    }
    return List.of("", "## Fidelity", "", String.format(Locale.ROOT,
        "Arrivals per 1 s bucket, intended vs achieved: NRMSE %.1f%%%s; endpoint mix TVD %.3f%s; %d scheduled, %d started"
            + " in %d buckets, %d templates (`%s`).",
        100 * f.arrivalsNrmse(),
        f.arrivalsNrmseVsShape() == null ? "" : String.format(Locale.ROOT, " (vs the shape's mean: %.1f%%)", 100 * f.arrivalsNrmseVsShape()),
        f.mixTvd(), f.mixTvdVsShape() == null ? "" : String.format(Locale.ROOT, " (vs the shape: %.3f)", f.mixTvdVsShape()),
        f.arrivalsScheduled(), f.arrivalsAchieved(), f.buckets(), f.templates(), f.file()));
  }

  private static String latencyRow(String name, LatencyStats s) {
    return String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s |", name, s.count(), s.errorCount(),
        ms(s.p50Micros()), ms(s.p90Micros()), ms(s.p99Micros()), ms(s.p999Micros()), ms(s.maxMicros()));
  }

  static String ms(long micros) {
    return String.format(Locale.ROOT, micros < 10_000 ? "%.3f" : micros < 100_000 ? "%.2f" : "%.1f", micros / 1000.0);
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s"
        : millis >= 10_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : millis + " ms";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String nullToQ(Object o) {
    return o == null ? "?" : o.toString();
  }
}
