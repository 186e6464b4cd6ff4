package io.perfharness.loadtests.metrics;

import java.util.List;
import java.util.function.Predicate;

/**
 * Maps Micrometer's Prometheus names onto the timeline columns. Heap after GC is Micrometer's
 * {@code jvm_gc_live_data_size_bytes} (old generation size after the last collection); JIT compile time is
 * {@code jvm_compilation_time_ms_total} (JvmCompilationMetrics), when the service binds it.
 */
public final class PrometheusToTimelineRow {
  private PrometheusToTimelineRow() {}

  public static TimelineRow convert(List<PrometheusSample> samples, long epochMs, double elapsedSec, String phase) {
    Double gcSeconds = sum(samples, s -> s.name().equals("jvm_gc_pause_seconds_sum"));
    return new TimelineRow(
        epochMs,
        elapsedSec,
        phase,
        sum(samples, s -> s.name().equals("jvm_memory_used_bytes") && "heap".equals(s.labels().get("area"))),
        sum(samples, s -> s.name().equals("jvm_memory_committed_bytes") && "heap".equals(s.labels().get("area"))),
        sum(samples, s -> s.name().equals("jvm_gc_live_data_size_bytes")),
        sum(samples, s -> s.name().equals("jvm_gc_pause_seconds_count")),
        gcSeconds == null ? null : gcSeconds * 1000,
        sum(samples, s -> s.name().equals("jvm_threads_live_threads")),
        sum(samples, s -> s.name().equals("process_cpu_usage")),
        sum(samples, s -> s.name().equals("system_cpu_usage")),
        sum(samples, s -> s.name().equals("jvm_classes_loaded_classes")),
        sum(samples, s -> s.name().equals("process_files_open_files")),
        sum(samples, s -> s.name().equals("hikaricp_connections_active")),
        sum(samples, s -> s.name().equals("hikaricp_connections_idle")),
        sum(samples, s -> s.name().equals("hikaricp_connections_pending")),
        sum(samples, s -> s.name().endsWith("_seconds_count") && s.name().contains("http_server_requests")),
        // Micrometer's JvmCompilationMetrics, when the service binds it
        sum(samples, s -> s.name().equals("jvm_compilation_time_ms_total")));
  }

  /** Sum of the matching samples, or null when none matched (unknown is not zero). */
  private static Double sum(List<PrometheusSample> samples, Predicate<PrometheusSample> match) {
    double total = 0;
    boolean any = false;
    for (PrometheusSample s : samples) {
      if (match.test(s) && !Double.isNaN(s.value())) {
        total += s.value();
        any = true;
      }
    }
    return any ? total : null;
  }
}
