package io.perfharness.reports.compare;

import io.perfharness.profiling.query.ApplicationFrames;
import io.perfharness.reports.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Relates the latency change to the profile change: how much of the p50 movement the CPU per
 * request explains and on which application frame, or, when latency moved and CPU did not, that
 * the time went to waiting (pointing at the lock and wall profiles).
 */
final class Reconciliation {
  /** CPU explains latency when it moved by at least this share of the p50 movement. */
  static final double EXPLAINED_SHARE = 0.25;

  private Reconciliation() {}

  static List<String> lines(List<MetricComparison> metrics, List<EventComparison> profiles) {
    List<String> out = new ArrayList<>();
    Optional<MetricComparison> p50 = metric(metrics, "latency.p50");
    Optional<MetricComparison> cpu = metric(metrics, "cpu.perRequest");
    if (p50.isEmpty()) {
      return out;
    }
    double dLatency = p50.get().medianDelta();
    boolean latencyMoved = moved(p50.get());
    String latencyText = String.format(Locale.ROOT, "p50 %s %s ms/request (%s)", verb(dLatency), abs(dLatency),
        p50.get().verdict().label());
    if (cpu.isEmpty()) {
      out.add(latencyText + "; no cpu profile on both sides, so it cannot be related to CPU.");
      return out;
    }
    double dCpu = cpu.get().medianDelta();
    String cpuText = String.format(Locale.ROOT, "CPU per request %s %s ms (%s)", verb(dCpu), abs(dCpu), cpu.get().verdict().label());
    Optional<MetricComparison> appCpu = metric(metrics, "cpu.app.perRequest");
    String appText = appCpu.map(a -> String.format(Locale.ROOT, "; under the service's own frames it %s %s ms (%s)",
        verb(a.medianDelta()), abs(a.medianDelta()), a.verdict().label())).orElse("");
    String where = topApp(profiles, "cpu").map(m -> String.format(Locale.ROOT, ", most on `%s` (%s%s ms/request)",
        m.frame(), m.deltaPerRequest() >= 0 ? "+" : "", num(m.deltaPerRequest()))).orElse("");
    out.add(latencyText + "; " + cpuText + appText + where + ".");
    boolean cpuMoved = moved(cpu.get());
    if (latencyMoved && Math.abs(dCpu) < EXPLAINED_SHARE * Math.abs(dLatency)) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "Latency moved but CPU per request did not (%s of %s ms): the time went to waiting, not computing; look at the "
              + "lock and wall profiles", abs(dCpu), abs(dLatency)));
      for (String event : List.of("lock", "wall")) {
        topApp(profiles, event).ifPresent(m -> sb.append(String.format(Locale.ROOT, "; %s: `%s` %s%s ms/request", event,
            m.frame(), m.deltaPerRequest() >= 0 ? "+" : "", num(m.deltaPerRequest()))));
      }
      if (profiles.stream().noneMatch(e -> e.event().equals("lock") || e.event().equals("wall"))) {
        sb.append(" (capture them with --events cpu,lock,wall)");
      }
      out.add(sb.append('.').toString());
    } else if (cpuMoved && !latencyMoved) {
      out.add("CPU per request moved but p50 did not: spare cores absorbed it at this load; it will show in latency "
          + "and throughput nearer saturation.");
    } else if (latencyMoved && cpuMoved && Math.signum(dCpu) == Math.signum(dLatency)) {
      out.add(String.format(Locale.ROOT, "The CPU change accounts for about %.0f%% of the p50 change.",
          100 * Math.min(1.0, Math.abs(dCpu / dLatency))));
    }
    return out;
  }

  private static boolean moved(MetricComparison m) {
    if (m.verdict() == Verdict.REGRESSION || m.verdict() == Verdict.IMPROVEMENT) {
      return true;
    }
    return m.baselineMedian() > 0 && Math.abs(m.medianDelta()) / m.baselineMedian() > m.noiseBand();
  }

  private static Optional<MetricComparison> metric(List<MetricComparison> metrics, String id) {
    return metrics.stream().filter(m -> m.metric().id().equals(id)).findFirst();
  }

  private static Optional<FrameMover> topApp(List<EventComparison> profiles, String event) {
    return profiles.stream().filter(e -> e.event().equals(event)).flatMap(e -> e.appMovers().stream())
        .filter(m -> !m.frame().equals(ApplicationFrames.OUTSIDE)).findFirst();
  }

  private static String verb(double delta) {
    return delta > 0 ? "rose" : delta < 0 ? "fell" : "stayed, changed by";
  }

  private static String abs(double v) {
    return num(Math.abs(v));
  }

  static String num(double v) {
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 0.01 || a == 0) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
