package io.perfharness.core.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code run.json}: everything needed to judge and reproduce a run. Immutable; fields are
 * documented in {@code docs/run-directory.md}. Absent facts are left out of the JSON, never
 * invented.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunManifest(
    int schemaVersion,
    String runId,
    String label,
    Status status,
    boolean validForComparison,
    List<String> invalidReasons,
    Target target,
    Load load,
    Windows windows,
    Latency latency,
    Profiler profiler,
    Host host,
    String harnessVersion,
    List<String> warnings,
    String reproduceCommand,
    Map<String, String> options,
    Fidelity fidelity,
    Replay replay,
    Heap heap,
    Application application) {

  public static final int SCHEMA_VERSION = 1;

  /** The manifest without fidelity and replay facts (as before they existed; they are left out of the JSON). */
  public RunManifest(int schemaVersion, String runId, String label, Status status, boolean validForComparison,
      List<String> invalidReasons, Target target, Load load, Windows windows, Latency latency, Profiler profiler,
      Host host, String harnessVersion, List<String> warnings, String reproduceCommand, Map<String, String> options) {
    this(schemaVersion, runId, label, status, validForComparison, invalidReasons, target, load, windows, latency,
        profiler, host, harnessVersion, warnings, reproduceCommand, options, null, null);
  }

  /** The manifest without heap facts (as before they existed; they are left out of the JSON). */
  public RunManifest(int schemaVersion, String runId, String label, Status status, boolean validForComparison,
      List<String> invalidReasons, Target target, Load load, Windows windows, Latency latency, Profiler profiler,
      Host host, String harnessVersion, List<String> warnings, String reproduceCommand, Map<String, String> options,
      Fidelity fidelity, Replay replay) {
    this(schemaVersion, runId, label, status, validForComparison, invalidReasons, target, load, windows, latency,
        profiler, host, harnessVersion, warnings, reproduceCommand, options, fidelity, replay, null, null);
  }

  /** The same manifest with these heap facts. */
  public RunManifest withHeap(Heap newHeap) {
    return new RunManifest(schemaVersion, runId, label, status, validForComparison, invalidReasons, target, load,
        windows, latency, profiler, host, harnessVersion, warnings, reproduceCommand, options, fidelity, replay, newHeap,
        application);
  }

  /** The same manifest with this application rule. */
  public RunManifest withApplication(Application newApplication) {
    return new RunManifest(schemaVersion, runId, label, status, validForComparison, invalidReasons, target, load,
        windows, latency, profiler, host, harnessVersion, warnings, reproduceCommand, options, fidelity, replay, heap,
        newApplication);
  }

  public enum Status {
    /** The run is in progress (or the harness died without finishing it). */
    RUNNING,
    /** Every phase ran to its end. */
    COMPLETE,
    /** The run stopped early (target died, Ctrl-C, error); whatever was recorded is kept. */
    INCOMPLETE
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Target(
      String spec,
      String kind,
      List<String> faults,
      String baseUrl,
      Long pid,
      List<String> command,
      boolean startedByHarness,
      String logFile,
      Integer exitCode,
      String gitCommit,
      Boolean gitDirty) {}

  /** Wall-clock phases in epoch milliseconds; the profile and the latency summary share the measurement window. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Windows(
      Long runStartEpochMs,
      Long warmupStartEpochMs,
      Long measurementStartEpochMs,
      Long measurementEndEpochMs,
      Long runEndEpochMs,
      long warmupMillis,
      long durationMillis) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Load(
      String model,
      String shape,
      long seed,
      String arrivals,
      String connections,
      double rateIntendedPerSec,
      Double rateAchievedPerSec,
      long requestsScheduled,
      long requestsScheduledInWindow,
      Long requestsStartedInWindow,
      Long requestsCompleted,
      Long errors,
      Double errorRate,
      long maxRequests,
      Generator generator) {}

  /** How well the load generator kept to its schedule, and what it cost itself. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Generator(
      long lagP50Micros,
      long lagP99Micros,
      long lagMaxMicros,
      double cpuShareOfMachine,
      int availableProcessors) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Latency(
      String unit,
      int significantDigits,
      String measuredInterval,
      List<String> files,
      String summaryFile) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Profiler(
      String tool,
      String version,
      String cpuEngine,
      List<ProfiledEvent> events,
      Long startEpochMs,
      Long stopEpochMs,
      String jfrFile,
      List<String> notes) {}

  /**
   * One captured event: its interval as async-profiler took it, the unit of the collapsed counts,
   * and for sampled events (cpu, wall) the sampling interval that turns a count into time.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ProfiledEvent(
      String name,
      String interval,
      long sampleIntervalNanos,
      String countUnit,
      String collapsedFile,
      String flameGraphFile,
      long totalCount) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Host(
      String os,
      String arch,
      int availableProcessors,
      String harnessJavaVersion,
      String targetJavaVersion) {}

  /**
   * How well the load followed what it was meant to: arrivals per 1 s bucket of the measurement
   * window, intended against achieved (normalized RMSE: RMS error over the mean intended count), and
   * the endpoint mix (total variation distance, 0 = identical, 1 = disjoint). {@code *VsShape}
   * compares with the shape itself (before the seeded draw) and so includes the model's own
   * randomness; the plain values compare with the schedule the generator was given.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Fidelity(
      long bucketMillis,
      int buckets,
      long arrivalsScheduled,
      long arrivalsAchieved,
      double arrivalsNrmse,
      Double arrivalsNrmseVsShape,
      double mixTvd,
      Double mixTvdVsShape,
      int templates,
      String file,
      String method) {}

  /** A shape-file replay: which shape and mapping, how it was replayed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Replay(
      String shapeFile,
      String mappingFile,
      String mode,
      double shapeSeconds,
      double rateFactor,
      int loops,
      int templates,
      Map<String, String> routes) {}

  /**
   * The target's heap: where a JVM the harness started dumps it on OutOfMemoryError, whether it died of
   * one, and for soak runs the class-histogram sampler (each histogram forces a full GC of the target).
   *
   * @param heapDumpFile {@code heap/oom.hprof} (relative to the run) when the harness started a JVM with
   *     {@code -XX:+HeapDumpOnOutOfMemoryError}
   * @param outOfMemory present when the target died of OutOfMemoryError during the run
   * @param histogramIntervalMillis the soak sampler's cadence
   * @param histogramsCover when the sampler ran, e.g. the measurement window
   * @param histograms class histograms taken (each one a snapshot)
   * @param histogramsForcedFullGc true: every histogram ran a full GC in the target first
   * @param histogramCaptureMillis wall time of each capture (the target's pause for the full GC), in order
   * @param snapshotsFile {@code heap/snapshots.csv}
   * @param soakFile {@code soak.json}, the leak analysis
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Heap(
      String heapDumpFile,
      OutOfMemory outOfMemory,
      Long histogramIntervalMillis,
      String histogramsCover,
      Integer histograms,
      Boolean histogramsForcedFullGc,
      List<Long> histogramCaptureMillis,
      String snapshotsFile,
      String soakFile) {}

  /**
   * Which profile frames are the application's own code, as the run decided it from its target: the
   * rule every application view (SUMMARY.md, {@code perf top --by app}, compare's {@code *.app.perRequest}
   * metrics and movers) uses.
   *
   * @param kind {@code given} ({@code perf.app}), {@code inferred} (the target JVM's main class, jar, class
   *     directories) or {@code library-list} (nothing known: every Java frame outside the JDK and known libraries)
   * @param prefixes package prefixes ({@code org.acme.shop.}) or class prefixes; {@code (default)} for the default
   *     package; empty for {@code library-list}
   * @param source where it came from, e.g. "Start-Class org.acme.App of /srv/app.jar; BOOT-INF/classes/ of app.jar"
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Application(String kind, List<String> prefixes, String source) {}

  /** How the target died of OutOfMemoryError: its exit code, the JVM's line, and the dump it left. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OutOfMemory(
      int exitCode,
      String errorLine,
      String heapDumpFile,
      boolean heapDumpWritten) {}
}
