package io.perfharness.loadtests.metrics;

import java.util.List;

/**
 * One service-side sample of {@code metrics/timeline.csv}. Null fields are facts the target did
 * not expose; they are written as empty cells, never as zero.
 *
 * @param jitCompileMillisTotal the target's accumulated JIT compilation time in milliseconds
 *     (CompilationMXBean.getTotalCompilationTime, or Micrometer's {@code jvm_compilation_time_ms_total}),
 *     cumulative; the warm-up detector reads its growth per second
 */
public record TimelineRow(
    long epochMs,
    double elapsedSec,
    String phase,
    Double heapUsedBytes,
    Double heapCommittedBytes,
    Double heapAfterGcBytes,
    Double gcPauseCount,
    Double gcPauseMillisTotal,
    Double threads,
    Double processCpuUsage,
    Double systemCpuUsage,
    Double loadedClasses,
    Double openFiles,
    Double dbActive,
    Double dbIdle,
    Double dbPending,
    Double requestsTotal,
    Double jitCompileMillisTotal) {

  public static final List<String> COLUMNS = List.of(
      "epochMs", "elapsedSec", "phase", "heapUsedBytes", "heapCommittedBytes", "heapAfterGcBytes",
      "gcPauseCount", "gcPauseMillisTotal", "threads", "processCpuUsage", "systemCpuUsage",
      "loadedClasses", "openFiles", "dbActive", "dbIdle", "dbPending", "requestsTotal", "jitCompileMillisTotal");

  /** A row without the JIT column (as before it existed). */
  public TimelineRow(long epochMs, double elapsedSec, String phase, Double heapUsedBytes, Double heapCommittedBytes,
      Double heapAfterGcBytes, Double gcPauseCount, Double gcPauseMillisTotal, Double threads, Double processCpuUsage,
      Double systemCpuUsage, Double loadedClasses, Double openFiles, Double dbActive, Double dbIdle, Double dbPending,
      Double requestsTotal) {
    this(epochMs, elapsedSec, phase, heapUsedBytes, heapCommittedBytes, heapAfterGcBytes, gcPauseCount,
        gcPauseMillisTotal, threads, processCpuUsage, systemCpuUsage, loadedClasses, openFiles, dbActive, dbIdle,
        dbPending, requestsTotal, null);
  }
}
