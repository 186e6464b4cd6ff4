package io.perfharness.reports.compare;

import io.perfharness.core.latency.LatencyStats;
import io.perfharness.core.latency.RequestLatency;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.query.ApplicationFrames;
import io.perfharness.reports.profile.RunProfile;
import java.io.IOException;
import io.perfharness.profiling.query.RequestCost;
import io.perfharness.reports.stats.Direction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-run values that a comparison tests, one number per metric per run (a run is the unit of
 * replication): exact latency percentiles from {@code latency/summary.json}, throughput and error
 * rate from {@code run.json}, and profile cost per completed request from each event's total.
 */
public final class RunMetrics {
  /** The metrics {@code --gate} acts on unless told otherwise. */
  public static final Set<String> DEFAULT_GATED = Set.of("latency.p50", "latency.p99", "cpu.perRequest", "errors.rate",
      "jmh.score", "jmh.throughput");

  private RunMetrics() {}

  /** Metric id to definition, for every metric {@link #values} can produce, in report order. */
  public static Map<String, MetricDefinition> definitions(Iterable<String> ids, Set<String> gated) {
    Map<String, MetricDefinition> out = new LinkedHashMap<>();
    for (String id : ids) {
      out.put(id, definition(id, gated));
    }
    return out;
  }

  static MetricDefinition definition(String id, Set<String> gated) {
    boolean perRequestName = id.contains("[");
    MetricDefinition.Family family = gated.contains(id) ? MetricDefinition.Family.GATED
        : perRequestName ? MetricDefinition.Family.PER_REQUEST : MetricDefinition.Family.HEADLINE;
    if (id.startsWith("latency.")) {
      return new MetricDefinition(id, "ms", Direction.LOWER_IS_BETTER, family, false);
    }
    if (id.equals("throughput")) {
      return new MetricDefinition(id, "req/s", Direction.HIGHER_IS_BETTER, family, false);
    }
    if (id.equals("errors.rate")) {
      return new MetricDefinition(id, "fraction", Direction.LOWER_IS_BETTER, family, true);
    }
    if (id.startsWith("soak.")) {
      // slopes can be negative or zero: tested on the difference, with the band as an absolute value
      String unit = id.startsWith("soak.heapAfterGc") ? "bytes/1k req" : id.startsWith("soak.threads") ? "threads/1k req"
          : "connections/1k req";
      return new MetricDefinition(id, unit, Direction.LOWER_IS_BETTER, family, true);
    }
    if (id.equals("jmh.throughput")) {
      return new MetricDefinition(id, "ops/time", Direction.HIGHER_IS_BETTER, family, false);
    }
    if (id.equals("jmh.score")) {
      return new MetricDefinition(id, "time/op", Direction.LOWER_IS_BETTER, family, false);
    }
    String event = id.substring(0, id.indexOf('.'));
    boolean perOp = id.endsWith(".perOp");
    String unit = ProfilingEvent.byId(event).map(e -> e == ProfilingEvent.ALLOC ? "bytes" : perOp ? "ns" : "ms").orElse("?");
    return new MetricDefinition(id, unit, Direction.LOWER_IS_BETTER, family, false);
  }

  /** One run's values under its own application rule; metrics the run did not measure are absent. */
  public static Map<String, Double> values(LoadedRun run) {
    return values(run, RunProfile.applicationRule(run.manifest()));
  }

  /**
   * One run's values, metric id to value, with {@code rule} deciding its application frames (a
   * comparison passes one rule for all its runs); metrics the run did not measure are absent.
   */
  public static Map<String, Double> values(LoadedRun run, ApplicationRule rule) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (run.isBenchmark()) {
      out.put(run.bench().higherIsBetter() ? "jmh.throughput" : "jmh.score", run.bench().score());
      profileCosts(run, rule).forEach((k, v) -> out.put(k.replace(".perRequest", ".perOp"),
          k.startsWith("alloc.") ? v : v * 1e6));
      return out;
    }
    LatencyStats overall = run.latency().overall();
    if (overall.count() > 0) {
      putLatency(out, "", overall);
    }
    RunManifest.Load load = run.manifest().load();
    if (load != null && load.rateAchievedPerSec() != null) {
      out.put("throughput", load.rateAchievedPerSec());
    }
    if (load != null && load.errorRate() != null) {
      out.put("errors.rate", load.errorRate());
    } else if (overall.count() > 0) {
      out.put("errors.rate", (double) overall.errorCount() / overall.count());
    }
    profileCosts(run, rule).forEach(out::put);
    SoakComparison.slopes(run).forEach(out::put);
    for (RequestLatency r : run.latency().requests()) {
      if (r.stats().count() > 0) {
        putLatency(out, "[" + r.requestName() + "]", r.stats());
      }
    }
    return out;
  }

  /**
   * Profile costs per completed request, per captured event:
   * <ul>
   *   <li>cpu, alloc: {@code <event>.perRequest} of the whole profile (from run.json's totals), and
   *       {@code <event>.app.perRequest}, the part with a frame of the target's own code on its stack
   *       ({@link ApplicationFrames}): the rest (database server threads, GC, JIT) often dwarfs a change
   *       in the service's own code;</li>
   *   <li>wall, lock: {@code <event>.perRequest} counts request time only, the stacks through an
   *       application frame ({@link ApplicationFrames#inRequests}): idle pool threads parked waiting for
   *       work are not time spent on requests.</li>
   * </ul>
   */
  static Map<String, Double> profileCosts(LoadedRun run, ApplicationRule rule) {
    Map<String, Double> out = new LinkedHashMap<>();
    RunManifest m = run.manifest();
    Long completed = m.load() == null ? null : m.load().requestsCompleted();
    if (m.profiler() == null || completed == null || completed == 0) {
      return out;
    }
    for (RunManifest.ProfiledEvent e : m.profiler().events()) {
      Optional<ProfilingEvent> event = ProfilingEvent.byId(e.name());
      if (event.isEmpty()) {
        continue;
      }
      boolean requestTimeOnly = ApplicationFrames.countsRequestTimeOnly(event.get());
      if (!requestTimeOnly) {
        out.put(e.name() + ".perRequest", RequestCost.of(event.get(), e.sampleIntervalNanos(), completed)
            .perRequest(e.totalCount()));
      }
      try {
        RunProfile p = RunProfile.load(run.directory(), m, e.name());
        if (p.cost() != null) {
          out.put(e.name() + (requestTimeOnly ? ".perRequest" : ".app.perRequest"),
              p.cost().perRequest(ApplicationFrames.applicationCount(p.profile(), p.event(), rule)));
        }
      } catch (IOException | RuntimeException ex) {
        // an unreadable profile: the metric is absent for this run (the profile diff says why)
      }
    }
    return out;
  }

  private static void putLatency(Map<String, Double> out, String suffix, LatencyStats s) {
    out.put("latency.p50" + suffix, s.p50Micros() / 1000.0);
    out.put("latency.p90" + suffix, s.p90Micros() / 1000.0);
    out.put("latency.p99" + suffix, s.p99Micros() / 1000.0);
  }
}
