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

  /**
   * Wall-clock phases in epoch milliseconds; the profile and the latency summary share the measurement window.
   *
   * @param warmupMillis the warm-up asked for (fixed), or the one the run decided ({@code perf.warmup=auto})
   * @param warmup how and why the measurement window started where it did
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Windows(
      Long runStartEpochMs,
      Long warmupStartEpochMs,
      Long measurementStartEpochMs,
      Long measurementEndEpochMs,
      Long runEndEpochMs,
      long warmupMillis,
      long durationMillis,
      Warmup warmup) {

    /** The windows without warm-up facts (as before they existed; they are left out of the JSON). */
    public Windows(Long runStartEpochMs, Long warmupStartEpochMs, Long measurementStartEpochMs,
        Long measurementEndEpochMs, Long runEndEpochMs, long warmupMillis, long durationMillis) {
      this(runStartEpochMs, warmupStartEpochMs, measurementStartEpochMs, measurementEndEpochMs, runEndEpochMs,
          warmupMillis, durationMillis, null);
    }
  }

  /**
   * How the warm-up ended and the measurement window began ({@code perf.warmup}).
   *
   * @param policy {@code auto} (the run decided from the target) or {@code fixed}
   * @param asked the option as given or defaulted: {@code 10s}, {@code auto}, {@code auto:5s..1m}
   * @param floorMillis the shortest an automatic warm-up may be
   * @param capMillis the longest an automatic warm-up may be
   * @param decidedMillis from the first warm-up arrival to the measurement window's start (wall time)
   * @param endedBy {@code settled} (the rule held), {@code floor} (it held before the floor already), {@code cap}
   *     (it never held: a warning, the run stays valid), {@code fixed}, or {@code stopped} (the run stopped first)
   * @param reason the same in words, with the numbers
   * @param settle the settle rule's numbers at the decision (at the cap: the last ones)
   * @param drive the warm-up's own load (automatic warm-ups)
   * @param file {@code metrics/warmup.csv}: the rule's numbers every second of an automatic warm-up
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Warmup(
      String policy,
      String asked,
      Long floorMillis,
      Long capMillis,
      Long decidedMillis,
      String endedBy,
      String reason,
      Settle settle,
      WarmupDrive drive,
      String file) {}

  /**
   * The settle rule of an automatic warm-up at one second.
   *
   * @param atMillis time since the warm-up's load started
   * @param jitSource {@code jmx} (CompilationMXBean of the target), {@code metrics} (its Prometheus
   *     {@code jvm_compilation_time_ms_total}) or {@code none} (latency only)
   * @param jitMillisPerSec the target's JIT compile time per wall second over the JIT span (1000 = one core busy)
   * @param maxJitMillisPerSec the rule's limit
   * @param p50LastMicros p50 of the requests that completed in the last span
   * @param p50PreviousMicros p50 of the requests that completed in the span before
   * @param p50AllowedMicros the rule's limit for their difference
   * @param requestsLast how many requests the last span held
   * @param requestsPrevious how many requests the span before held
   * @param jitSpanMillis the span the JIT compile time is measured over
   * @param latencySpanMillis the length of each latency span
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Settle(
      long atMillis,
      String jitSource,
      Double jitMillisPerSec,
      Double maxJitMillisPerSec,
      long p50LastMicros,
      long p50PreviousMicros,
      long p50AllowedMicros,
      long requestsLast,
      long requestsPrevious,
      long jitSpanMillis,
      long latencySpanMillis) {}

  /**
   * The load of an automatic warm-up: looping virtual users (drivers) that send the warm-up's seeded
   * arrivals at their intended times, so it can end whenever the target has settled.
   *
   * @param arrivals warm-up arrivals sent
   * @param drivers looping virtual users
   * @param lateArrivals arrivals that started more than 100 ms late (every driver was busy)
   * @param maxLagMillis the latest start
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WarmupDrive(long arrivals, int drivers, long lateArrivals, double maxLagMillis) {}

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

  /**
   * The profiler and what it captured.
   *
   * @param jitCompiler the share of the window's cpu samples in the JIT compiler threads, when cpu was profiled
   */
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
      List<String> notes,
      JitCompiler jitCompiler) {

    /** The profiler without JIT facts (as before they existed; they are left out of the JSON). */
    public Profiler(String tool, String version, String cpuEngine, List<ProfiledEvent> events, Long startEpochMs,
        Long stopEpochMs, String jfrFile, List<String> notes) {
      this(tool, version, cpuEngine, events, startEpochMs, stopEpochMs, jfrFile, notes, null);
    }

    /** The same profiler facts with this JIT share. */
    public Profiler withJitCompiler(JitCompiler newJitCompiler) {
      return new Profiler(tool, version, cpuEngine, events, startEpochMs, stopEpochMs, jfrFile, notes, newJitCompiler);
    }
  }

  /**
   * CPU samples of the measurement window in the JVM's JIT compiler threads: stacks containing {@code frame}
   * ({@code CompileBroker::compiler_thread_loop}); C2 and C1 by their {@code compile_method} frames.
   *
   * @param event the profiled event counted ({@code cpu})
   * @param share samples / totalSamples
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record JitCompiler(
      String event,
      String frame,
      long samples,
      long totalSamples,
      double share,
      long c2Samples,
      long c1Samples) {}

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
