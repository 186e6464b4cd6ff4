package io.perfharness.loadtests.run;

import io.perfharness.core.config.RunConfig;
import io.perfharness.core.latency.LatencyRecorder;
import io.perfharness.core.latency.LatencySummary;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.metrics.TimelineSampler;
import io.perfharness.loadtests.schedule.Arrival;
import io.perfharness.loadtests.schedule.ArrivalSchedule;
import io.perfharness.loadtests.launch.ChildProcessTarget;
import io.perfharness.loadtests.launch.HealthWaiter;
import io.perfharness.loadtests.launch.RunningTarget;
import io.perfharness.loadtests.launch.TargetException;
import io.perfharness.loadtests.launch.TargetLauncher;
import io.perfharness.loadtests.launch.TargetPlan;
import io.perfharness.loadtests.soak.SoakReportWriter;
import io.perfharness.loadtests.soak.SoakSampler;
import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.reports.soak.SoakReport;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One run from start to finish: owns the run directory, the target, the latency recorder, the
 * timeline sampler and the profiler, and moves them through warm-up, measurement and drain. The
 * simulation calls {@link #start()} before the load, {@link #onUserStart} and {@link
 * #onRequestDone} per request, and {@link #finish()} after it. With an automatic warm-up
 * ({@code perf.warmup=auto}) the warm-up's drivers take their arrivals from {@link #warmupTake} and the
 * measurement window's schedule starts once the warm-up has settled. Whatever happens, the profiler
 * is detached, a target we started is stopped, and what was recorded is written. Thread-safe.
 */
public final class RunSession {
  private final RunConfig config;
  private final Clock clock;
  private final RunDirectory dir;
  private final ArrivalSchedule schedule;
  private final TargetPlan plan;
  private final GeneratorMonitor monitor;
  private final ProfilerControl profiler;
  private final PrintStream console;
  private final RunManifestAssembler manifest;
  private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "perf-run-scheduler");
    t.setDaemon(true);
    return t;
  });
  private final Thread shutdownHook = new Thread(() -> abort("the harness is shutting down (Ctrl-C or kill)"), "perf-run-abort");

  private volatile RunningTarget target;
  private volatile LatencyRecorder recorder;
  private volatile TimelineSampler sampler;
  private volatile String phase = "starting";
  private volatile boolean measuring;
  private volatile boolean measurementOver;
  private volatile boolean profilerRunning;
  private volatile String stopReason;
  private volatile RunOutcome outcome;
  /** Requests completed (ok or not) since the load began: the x axis of the soak analysis. */
  private final AtomicLong completedRequests = new AtomicLong();
  private volatile SoakSampler soak;
  private volatile ApplicationRule applicationRule;
  /** The automatic warm-up, or null for a fixed one. */
  private final AutoWarmup autoWarmup;

  private RunSession(RunConfig config, Clock clock, RunDirectory dir, ArrivalSchedule schedule, WarmupDrive drive,
      TargetPlan plan, Function<RunConfig, ProfilerControl> profilers, PrintStream console) {
    this.config = config;
    this.autoWarmup = drive == null ? null
        : new AutoWarmup(config.warmupPolicy(), drive, WarmupSettleDetector.DEFAULT_RULE, dir.root());
    this.clock = clock;
    this.dir = dir;
    this.schedule = schedule;
    this.plan = plan;
    this.console = console;
    this.monitor = new GeneratorMonitor(schedule.arrivals().size(), schedule.warmupNanos(), schedule.durationNanos());
    this.profiler = config.profiling() ? profilers.apply(config) : ProfilerControl.NONE;
    this.manifest = new RunManifestAssembler(config, dir, schedule, plan, clock.millis(), autoWarmup);
  }

  /**
   * Creates the run directory, the schedule and the target plan; starts nothing yet.
   *
   * @throws IllegalArgumentException when the schedule breaks the request bound
   */
  public static RunSession prepare(RunConfig config, ArrivalSchedule schedule, Clock clock,
      Function<RunConfig, ProfilerControl> profilers, PrintStream console) throws IOException, TargetException {
    return prepare(config, schedule, null, clock, profilers, console);
  }

  /**
   * The same with an automatic warm-up: {@code drive} hands out the warm-up's arrivals and {@code schedule}
   * is the measurement window's alone (it starts when the warm-up has settled).
   *
   * @param drive the automatic warm-up's arrivals, or null for a fixed warm-up (inside {@code schedule})
   */
  public static RunSession prepare(RunConfig config, ArrivalSchedule schedule, WarmupDrive drive, Clock clock,
      Function<RunConfig, ProfilerControl> profilers, PrintStream console) throws IOException, TargetException {
    RunDirectory dir = RunDirectory.create(config.outDir(), clock.instant(), config.label());
    TargetPlan plan;
    try {
      plan = TargetLauncher.plan(config, dir.root());
    } catch (TargetException | RuntimeException e) {
      java.nio.file.Files.delete(dir.root()); // refused before anything started: leave no empty run behind
      throw e;
    }
    RunSession session = new RunSession(config, clock, dir, schedule, drive, plan, profilers, console);
    dir.writeManifest(session.manifest.build(RunManifest.Status.RUNNING, null, null, null, session.warnings));
    return session;
  }

  public RunDirectory directory() {
    return dir;
  }

  public String baseUrl() {
    return plan.baseUrl().toString();
  }

  /** The schedule of the injection steps: warm-up and window, or (automatic warm-up) the window alone. */
  public ArrivalSchedule schedule() {
    return schedule;
  }

  /** The automatic warm-up's drive, or null when the warm-up is part of {@link #schedule()}. */
  public WarmupDrive warmupDrive() {
    return autoWarmup == null ? null : autoWarmup.drive();
  }

  /** The longest the load can last: warm-up (its cap, when automatic) and window. */
  public java.time.Duration loadBound() {
    return autoWarmup == null ? java.time.Duration.ofNanos(schedule.warmupNanos() + schedule.durationNanos())
        : config.warmupPolicy().cap().plusNanos(schedule.durationNanos())
            .plusNanos(ArrivalSchedule.BUCKET_NANOS * 2L); // the drivers' last arrivals, the hand-over
  }

  /**
   * A warm-up driver is free: the next warm-up arrival it sends, or null when the warm-up is over for it
   * (settled, the cap, or the run is stopping).
   */
  public Arrival warmupTake() {
    WarmupDrive drive = autoWarmup.drive();
    if (stopReason != null) {
      autoWarmup.stop();
    }
    return drive.take(System.nanoTime());
  }

  /** How long a driver waits before sending {@code arrival}. */
  public long warmupWaitNanos(Arrival arrival) {
    return autoWarmup.drive().waitNanos(arrival, System.nanoTime());
  }

  /**
   * A driver sends a warm-up arrival now.
   *
   * @return false when the run is stopping and the driver must not send anything
   */
  public boolean onWarmupSend(Arrival arrival) {
    autoWarmup.drive().sending(arrival, System.nanoTime());
    return stopReason == null;
  }

  /** Starts the target, waits for it, checks the profiler, starts sampling. Before any load. */
  public void start() throws TargetException, IOException {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    console.println("perf: run directory " + dir.root());
    target = TargetLauncher.launch(plan, dir.targetLogFile());
    manifest.targetStarted(target);
    long readyMillis = HealthWaiter.await(target, config.healthPath(), config.startTimeout());
    console.println("perf: target " + plan.baseUrl() + " ready after " + readyMillis + " ms"
        + target.pid().stream().mapToObj(pid -> " (pid " + pid + ")").findFirst().orElse(""));
    if (config.profiling()) {
      profiler.preflight(target.pid().orElse(-1)); // -1: a jmx: target, reached over JMX
      applicationRule = ApplicationRuleResolver.resolve(config, target.pid());
      manifest.applicationRule(ApplicationRuleResolver.toManifest(applicationRule));
      console.println("perf: application frames: " + applicationRule.describe());
    }
    recorder = new LatencyRecorder(dir.latencyDir(), clock);
    sampler = new TimelineSampler(plan.baseUrl().resolve("/metrics"), target.pid(),
        config.target() instanceof io.perfharness.core.config.TargetSpec.Url url ? url.jmx() : null, dir.timelineFile(),
        clock, () -> phase);
    phase = "warmup";
    manifest.loadStarted(clock.millis());
    scheduler.scheduleAtFixedRate(this::everySecond, 0, 1, TimeUnit.SECONDS);
  }

  private void everySecond() {
    try {
      io.perfharness.loadtests.metrics.TimelineRow row = sampler.sampleOnce();
      if (measuring) {
        recorder.tick();
      }
      if (autoWarmup != null && !measuring) {
        autoWarmup.tick(System.nanoTime(), row == null ? null : row.jitCompileMillisTotal(),
            sampler.jmxConnected() ? "jmx" : "metrics").ifPresent(message -> console.println("perf: " + message));
      }
      if (target != null && !target.isAlive() && stopReason == null) {
        stopReason = outOfMemoryDeath().map(d -> "target died of OutOfMemoryError (" + d.errorLine() + "); heap dump: "
            + d.heapDumpPath() + (d.heapDumpWritten() ? "" : " (not written)"))
            .orElse("the target exited with code " + target.exitCode() + " during the run");
        console.println("perf: " + stopReason + "; stopping the load");
      }
    } catch (IOException | RuntimeException e) {
      warnings.add("sampling failed: " + e);
    }
  }

  /**
   * A virtual user begins its request.
   *
   * @return false when the run is stopping and the user must not send anything
   */
  public boolean onUserStart(Arrival arrival) {
    long now = System.nanoTime();
    if (monitor.userStarted((int) arrival.seq(), arrival.offsetNanos(), arrival.inMeasurementWindow(), now)) {
      long anchor = monitor.anchorNanos();
      long untilWindow = anchor + schedule.warmupNanos() - now;
      if (autoWarmup != null) {
        autoWarmup.windowStarted(now); // the window's schedule starts when the warm-up's drivers have left
      }
      scheduler.schedule(this::beginMeasurement, Math.max(0, untilWindow), TimeUnit.NANOSECONDS);
      scheduler.schedule(this::endMeasurement, Math.max(0, untilWindow + schedule.durationNanos()), TimeUnit.NANOSECONDS);
    }
    if (arrival.inMeasurementWindow() && !measuring) {
      beginMeasurement(); // the injector ran a little ahead of our timer: never lose a window request
    }
    return stopReason == null;
  }

  /** A request finished (or failed); only measurement-window arrivals are recorded. */
  public void onRequestDone(Arrival arrival, long latencyNanos, boolean ok) {
    completedRequests.incrementAndGet();
    // classified by intended arrival, never by completion time: a warm-up request that completes
    // inside the window must not leak into it (the recorder's own warm-up count stays 0)
    if (arrival.inMeasurementWindow()) {
      recorder.record(arrival.request().name(), latencyNanos, ok);
    } else if (autoWarmup != null) {
      autoWarmup.recordLatency(latencyNanos); // what the settle rule compares, second by second
    }
  }

  /**
   * Opens the window: the latency recorder at once (a virtual user may be waiting on it), the profiler
   * and the soak sampler on the scheduler thread, so a user's thread never waits for the profiler to attach.
   */
  private synchronized void beginMeasurement() {
    if (measuring || measurementOver || outcome != null) {
      return;
    }
    try {
      recorder.startMeasurement();
      measuring = true;
      phase = "measure";
      monitor.windowStarted();
      manifest.measurementStarted(clock.millis());
      console.println("perf: measurement window started (" + config.duration().toSeconds() + " s"
          + (autoWarmup == null || autoWarmup.decidedMillis() == null ? ""
              : " after a warm-up of " + autoWarmup.decidedMillis() / 1000.0 + " s") + ")");
      scheduler.execute(this::startProfilerAndSoak);
    } catch (IOException | RuntimeException e) {
      stopReason = "could not start the measurement: " + e.getMessage();
      console.println("perf: " + stopReason);
    }
  }

  private synchronized void startProfilerAndSoak() {
    if (measurementOver || outcome != null) {
      return;
    }
    try {
      if (config.profiling()) {
        profiler.start(dir.profileDir());
        profilerRunning = true;
      }
      startSoakSampler();
    } catch (TargetException | RuntimeException e) {
      stopReason = "could not start the measurement: " + e.getMessage();
      console.println("perf: " + stopReason);
    }
  }

  private synchronized void endMeasurement() {
    if (measurementOver || outcome != null) {
      return;
    }
    measurementOver = true;
    phase = "drain";
    monitor.windowEnded();
    manifest.measurementEnded(clock.millis());
    stopProfiler();
    if (soak != null) {
      soak.stopWithFinalSnapshot();
    }
    console.println("perf: measurement window ended; waiting for in-flight requests");
  }

  /**
   * Soak runs sample the measurement window only: the warm-up's JIT, class loading and caches filling are
   * growth that stops, the classic false alarm, and the thresholds in docs/soak.md were measured that way.
   */
  private void startSoakSampler() {
    if (!config.soakSampling()) {
      return;
    }
    if (target.pid().isEmpty()) {
      warnings.add("soak: no pid of the target, so no class histograms (give -Dperf.pid= for a url: target)");
      return;
    }
    SoakSampler sampler = new SoakSampler(plan.baseUrl().resolve("/metrics"), target.pid().getAsLong(), dir.root(),
        dir.heapDir(), clock, completedRequests::get, config.histoInterval());
    try {
      sampler.start();
      soak = sampler;
      console.println("perf: soak sampler started: a class histogram every "
          + config.histoInterval().toSeconds() + " s (each forces a full GC of the target)");
    } catch (IOException | ProfilingException | RuntimeException e) {
      sampler.close();
      warnings.add("soak: the class-histogram sampler could not start: " + e.getMessage());
    }
  }

  private java.util.Optional<ChildProcessTarget.OutOfMemoryDeath> outOfMemoryDeath() {
    return target instanceof ChildProcessTarget child ? child.outOfMemoryDeath() : java.util.Optional.empty();
  }

  /** Closes the soak sampler (its last snapshot first) and writes soak.json; the heap facts for run.json. */
  private RunManifest.Heap finishHeap() {
    String dumpFile = target instanceof ChildProcessTarget child
        ? child.heapDumpPath().map(p -> relative(p)).orElse(null) : null;
    RunManifest.OutOfMemory oom = outOfMemoryDeath().map(d -> new RunManifest.OutOfMemory(d.exitCode(), d.errorLine(),
        d.heapDumpPath() == null ? null : relative(d.heapDumpPath()), d.heapDumpWritten())).orElse(null);
    SoakSampler sampler = soak;
    if (sampler == null) {
      return dumpFile == null && oom == null ? null
          : new RunManifest.Heap(dumpFile, oom, null, null, null, null, null, null, null);
    }
    sampler.close();
    List<Long> captureMillis = sampler.points().stream().map(SoakReport.Point::captureMillis).toList();
    String soakFile = null;
    try {
      SoakReportWriter.write(dir, sampler);
      soakFile = SoakReport.FILE;
    } catch (IOException | RuntimeException e) {
      warnings.add("soak: soak.json could not be written: " + e);
    }
    if (sampler.failures() > 0) {
      warnings.add("soak: " + sampler.failures() + " failed samples (" + String.join("; ", sampler.notes()) + ")");
    }
    long maxMillis = captureMillis.stream().mapToLong(Long::longValue).max().orElse(0);
    warnings.add("soak: " + captureMillis.size() + " class histograms forced " + captureMillis.size()
        + " full GCs of the target (pauses up to " + maxMillis + " ms, every "
        + config.histoInterval().toSeconds() + " s); latency and profiles of this run include them");
    return new RunManifest.Heap(dumpFile, oom, config.histoInterval().toMillis(), SoakReportWriter.COVERS,
        captureMillis.size(), true, captureMillis, "heap/snapshots.csv", soakFile);
  }

  /** The target died while the run closed: record the death in the heap facts taken just before. */
  private RunManifest.Heap finishHeapAfterDeath(RunManifest.Heap heap) {
    ChildProcessTarget.OutOfMemoryDeath d = outOfMemoryDeath().orElseThrow();
    return new RunManifest.Heap(heap.heapDumpFile(), new RunManifest.OutOfMemory(d.exitCode(), d.errorLine(),
        d.heapDumpPath() == null ? null : relative(d.heapDumpPath()), d.heapDumpWritten()),
        heap.histogramIntervalMillis(), heap.histogramsCover(), heap.histograms(), heap.histogramsForcedFullGc(),
        heap.histogramCaptureMillis(), heap.snapshotsFile(), heap.soakFile());
  }

  private String relative(java.nio.file.Path path) {
    java.nio.file.Path abs = path.toAbsolutePath();
    return abs.startsWith(dir.root().toAbsolutePath()) ? dir.root().toAbsolutePath().relativize(abs).toString() : abs.toString();
  }

  private void stopProfiler() {
    if (profilerRunning) {
      profilerRunning = false;
      try {
        profiler.stop();
      } catch (TargetException | RuntimeException e) {
        warnings.add("profiler stop failed: " + e.getMessage());
      }
    }
  }

  /** After the load: writes everything, stops the target. Idempotent. */
  public synchronized RunOutcome finish() {
    if (outcome != null) {
      return outcome;
    }
    boolean complete = stopReason == null && measuring;
    if (!measurementOver) {
      endMeasurement();
    }
    String reason = stopReason != null ? stopReason : (measuring ? null : "the measurement window never started");
    return close(complete ? RunManifest.Status.COMPLETE : RunManifest.Status.INCOMPLETE, reason);
  }

  /** Ends the run early, keeping what was recorded (target failure, Ctrl-C, crash). Idempotent. */
  public synchronized RunOutcome abort(String reason) {
    if (outcome != null) {
      return outcome;
    }
    if (stopReason == null) {
      stopReason = reason;
    }
    if (autoWarmup != null) {
      autoWarmup.stop();
    }
    if (measuring && !measurementOver) {
      endMeasurement();
    }
    return close(RunManifest.Status.INCOMPLETE, stopReason);
  }

  private RunOutcome close(RunManifest.Status status, String reason) {
    scheduler.shutdownNow();
    stopProfiler();
    if (autoWarmup != null) {
      autoWarmup.stop();
      autoWarmup.close();
      warnings.addAll(autoWarmup.warnings());
    }
    LatencySummary summary = null;
    RunManifest.Profiler profile = null;
    try {
      if (recorder != null) {
        recorder.close();
        summary = recorder.summary();
      }
    } catch (IOException | RuntimeException e) {
      warnings.add("latency files could not be completed: " + e.getMessage());
    }
    try {
      if (sampler != null) {
        sampler.close();
        if (sampler.failures() > 0 || sampler.rows() == 0 || !sampler.notes().isEmpty()) {
          warnings.add("timeline: " + sampler.rows() + " rows, " + sampler.failures() + " failed samples"
              + (sampler.notes().isEmpty() ? "" : " (" + String.join("; ", sampler.notes()) + ")"));
        }
      }
    } catch (IOException e) {
      warnings.add("timeline could not be closed: " + e.getMessage());
    }
    try {
      profile = profiler.write(dir);
    } catch (TargetException | RuntimeException e) {
      warnings.add("profile could not be written: " + e.getMessage());
    } finally {
      profiler.close();
    }
    if (profile != null && applicationRule != null) {
      warnings.addAll(ApplicationSampleCheck.warnings(dir, profile, applicationRule));
    }
    profile = JitCompilerShare.addTo(profile, dir, warnings);
    RunManifest.Heap heap = null;
    try {
      heap = target == null ? null : finishHeap(); // before the target stops: the last snapshot needs it
    } catch (RuntimeException e) {
      warnings.add("soak: " + e);
    }
    if (target != null) {
      target.close();
      manifest.targetStopped(target);
    }
    manifest.runEnded(clock.millis());
    int exit = status == RunManifest.Status.COMPLETE ? RunOutcome.EXIT_OK : RunOutcome.EXIT_TARGET_FAILED;
    if (reason != null) {
      warnings.add(0, "run incomplete: " + reason);
    }
    if (heap != null && heap.outOfMemory() == null && outOfMemoryDeath().isPresent()) {
      heap = finishHeapAfterDeath(heap);
    }
    RunManifest m = manifest.build(status, summary, monitor, profile, warnings).withHeap(heap);
    try {
      dir.writeManifest(m);
      RunSummaryWriter.write(dir, m, summary);
    } catch (IOException | RuntimeException e) {
      console.println("perf: could not write " + dir.manifestFile() + ": " + e);
      exit = RunOutcome.EXIT_TARGET_FAILED;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // we are the shutdown hook
    }
    outcome = new RunOutcome(dir, status, exit, reason);
    return outcome;
  }
}
