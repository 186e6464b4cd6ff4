package io.perfharness.loadtests.soak;

import io.perfharness.loadtests.metrics.PrometheusSample;
import java.util.List;

/**
 * What a soak snapshot reads from the target's Prometheus {@code /metrics} before its histogram: live
 * threads ({@code jvm_threads_live_threads}), the database pool's borrowed connections
 * ({@code hikaricp_connections_active}, summed over pools) and open files ({@code process_files_open_files}).
 * A metric the target does not expose is null, never zero. Immutable.
 */
public record SoakMetrics(Long liveThreads, Long dbPoolActiveConnections, Long openFileDescriptors) {
  public static final SoakMetrics NONE = new SoakMetrics(null, null, null);

  public static SoakMetrics of(List<PrometheusSample> samples) {
    return new SoakMetrics(sum(samples, "jvm_threads_live_threads"), sum(samples, "hikaricp_connections_active"),
        sum(samples, "process_files_open_files"));
  }

  /** Per metric, the smaller of this and {@code other} (a metric one of them lacks stays as the other has it). */
  public SoakMetrics leastOf(SoakMetrics other) {
    return new SoakMetrics(least(liveThreads, other.liveThreads), least(dbPoolActiveConnections, other.dbPoolActiveConnections),
        least(openFileDescriptors, other.openFileDescriptors));
  }

  private static Long least(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
  }

  private static Long sum(List<PrometheusSample> samples, String name) {
    double total = 0;
    boolean any = false;
    for (PrometheusSample s : samples) {
      if (s.name().equals(name) && Double.isFinite(s.value())) {
        total += s.value();
        any = true;
      }
    }
    return any ? Math.round(total) : null;
  }
}
