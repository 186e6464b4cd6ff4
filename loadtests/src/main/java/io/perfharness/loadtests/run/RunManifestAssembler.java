package io.perfharness.loadtests.run;

import io.perfharness.core.config.RunConfig;
import io.perfharness.core.latency.LatencySummary;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.core.config.TargetSpec;
import io.perfharness.loadtests.schedule.ArrivalSchedule;
import io.perfharness.loadtests.shape.ReplayFidelity;
import io.perfharness.loadtests.launch.RunningTarget;
import io.perfharness.loadtests.launch.TargetPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects the facts of a run as they happen and builds {@code run.json}, including the verdict
 * whether the run is valid for comparison. Mutable; used under the session's lock.
 */
final class RunManifestAssembler {
  /** What our latency numbers cover; also in the README. */
  static final String MEASURED_INTERVAL = "from just before Gatling executes the HTTP request action of a virtual"
      + " user (connection acquisition or opening, request write, server time, response read, status check)"
      + " to just after that action completes, taken with System.nanoTime() on the injector; a request counts"
      + " in the window when its intended arrival time falls in the measurement window; arrival lag of the"
      + " injector is measured separately (load.generator)";
  static final double MIN_ACHIEVED_RATIO = 0.99;
  /**
   * Start lag that marks a generator in trouble. Scheduler jitter on a busy 2-core machine reaches
   * 10-45 ms at p99 while the rate is kept; a saturated generator lags by hundreds of ms and more.
   */
  static final long MAX_LAG_P99_MICROS = 50_000;
  static final double MAX_ERROR_RATE = 0.001;
  static final double GENERATOR_CPU_WARNING = 0.5;

  private final RunConfig config;
  private final RunDirectory dir;
  private final ArrivalSchedule schedule;
  private final TargetPlan plan;
  private final long runStartEpochMs;
  private final AutoWarmup autoWarmup;
  private Long loadStartEpochMs;
  private Long measurementStartEpochMs;
  private Long measurementEndEpochMs;
  private Long runEndEpochMs;
  private Long pid;
  private Integer exitCode;
  private boolean started;
  private RunManifest.Application application;

  RunManifestAssembler(RunConfig config, RunDirectory dir, ArrivalSchedule schedule, TargetPlan plan, long runStartEpochMs,
      AutoWarmup autoWarmup) {
    this.config = config;
    this.autoWarmup = autoWarmup;
    this.dir = dir;
    this.schedule = schedule;
    this.plan = plan;
    this.runStartEpochMs = runStartEpochMs;
    this.pid = plan.pid().isPresent() ? plan.pid().getAsLong() : null;
  }

  void targetStarted(RunningTarget target) {
    started = target.startedByHarness();
    if (target.pid().isPresent()) {
      pid = target.pid().getAsLong();
    }
  }

  void targetStopped(RunningTarget target) {
    exitCode = target.exitCode();
  }

  void applicationRule(RunManifest.Application rule) {
    application = rule;
  }

  void loadStarted(long epochMs) {
    loadStartEpochMs = epochMs;
  }

  void measurementStarted(long epochMs) {
    measurementStartEpochMs = epochMs;
  }

  void measurementEnded(long epochMs) {
    measurementEndEpochMs = epochMs;
  }

  void runEnded(long epochMs) {
    runEndEpochMs = epochMs;
  }

  RunManifest build(RunManifest.Status status, LatencySummary summary, GeneratorMonitor monitor,
      RunManifest.Profiler profiler, List<String> warningsSoFar) {
    List<String> warnings = new ArrayList<>(warningsSoFar);
    warnings.addAll(schedule.intent().notes());
    List<String> invalid = new ArrayList<>();
    RunManifest.Fidelity fidelity = null;
    double durationSec = config.duration().toMillis() / 1000.0;
    long scheduledInWindow = schedule.countInWindow();
    double intendedRate = scheduledInWindow / durationSec;
    Double achievedRate = null;
    Long startedInWindow = null;
    Long completed = null;
    Long errors = null;
    Double errorRate = null;
    RunManifest.Generator generator = null;
    if (status != RunManifest.Status.RUNNING) {
      if (status != RunManifest.Status.COMPLETE) {
        invalid.add("the run is incomplete");
      }
      if (monitor != null) {
        startedInWindow = monitor.startedInWindow();
        achievedRate = startedInWindow / durationSec;
        GeneratorMonitor.Lag lag = monitor.lag();
        double cpu = monitor.cpuShareOfMachine();
        generator = new RunManifest.Generator(lag.p50Micros(), lag.p99Micros(), lag.maxMicros(),
            Double.isNaN(cpu) ? -1 : round(cpu, 3), Runtime.getRuntime().availableProcessors());
        if (scheduledInWindow > 0 && achievedRate < MIN_ACHIEVED_RATIO * intendedRate) {
          invalid.add(String.format(Locale.ROOT,
              "the generator fell behind: achieved %.1f/s of the intended %.1f/s (%.1f%%, under 99%%)",
              achievedRate, intendedRate, 100 * achievedRate / intendedRate));
        }
        if (lag.p99Micros() > MAX_LAG_P99_MICROS) {
          invalid.add(String.format(Locale.ROOT,
              "the generator started users late: p99 start lag %.1f ms (limit %.1f ms)",
              lag.p99Micros() / 1000.0, MAX_LAG_P99_MICROS / 1000.0));
        }
        if (!Double.isNaN(cpu) && cpu > GENERATOR_CPU_WARNING) {
          warnings.add(String.format(Locale.ROOT,
              "the generator used %.0f%% of the machine's CPU during the window; the target competed with it",
              100 * cpu));
        }
      }
      try {
        fidelity = ReplayFidelity.measure(schedule, dir.root());
      } catch (java.io.IOException | RuntimeException e) {
        warnings.add("fidelity could not be measured: " + e);
      }
      if (summary != null) {
        completed = summary.overall().count();
        errors = summary.overall().errorCount();
        errorRate = completed == 0 ? 0.0 : round(errors / (double) completed, 6);
        if (completed > 0 && errors / (double) completed > MAX_ERROR_RATE) {
          invalid.add(String.format(Locale.ROOT, "errors above 0.1%%: %d of %d requests failed", errors, completed));
        }
        if (completed == 0) {
          invalid.add("no request completed in the measurement window");
        } else if (completed < scheduledInWindow) {
          invalid.add(String.format(Locale.ROOT,
              "%d of the %d arrivals scheduled in the window never completed (the run was cut short)",
              scheduledInWindow - completed, scheduledInWindow));
        }
      }
    }
    List<String> faults = config.target() instanceof TargetSpec.Sample s ? s.faults() : null;
    RunManifest.Target target = new RunManifest.Target(config.target().spec(), plan.kind(), faults,
        plan.baseUrl().toString(), pid, plan.startsChild() ? plan.command() : null, started || plan.startsChild(),
        plan.startsChild() ? dir.root().relativize(dir.targetLogFile()).toString() : null, exitCode, null, null);
    RunManifest.Load load = new RunManifest.Load("open", config.shape(), config.seed(),
        schedule.intent().arrivalsDescription() != null ? schedule.intent().arrivalsDescription()
            : "seeded Poisson counts per 1 s bucket, spread evenly inside each bucket; one request per virtual user",
        "shared keep-alive connection pool (Gatling shareConnections), new connections opened on demand",
        round(intendedRate, 3), achievedRate == null ? null : round(achievedRate, 3),
        schedule.arrivals().size() + (autoWarmup == null ? 0 : autoWarmup.drive().arrivalsTaken()), scheduledInWindow,
        startedInWindow, completed, errors, errorRate,
        config.maxRequests(), generator);
    RunManifest.Warmup warmup = warmup();
    RunManifest.Windows windows = new RunManifest.Windows(runStartEpochMs, loadStartEpochMs,
        measurementStartEpochMs, measurementEndEpochMs, runEndEpochMs,
        warmup.decidedMillis() != null ? warmup.decidedMillis() : schedule.warmupNanos() / 1_000_000,
        config.duration().toMillis(), warmup);
    RunManifest.Latency latency = new RunManifest.Latency("microseconds", 3, MEASURED_INTERVAL,
        List.of("latency/requests.hlog", "latency/overall.hlog"), "latency/summary.json");
    RunManifest.Host host = new RunManifest.Host(System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), null);
    boolean valid = status == RunManifest.Status.COMPLETE && invalid.isEmpty();
    return new RunManifest(RunManifest.SCHEMA_VERSION, dir.runId(), config.label(), status, valid, invalid,
        target, load, windows, latency, profiler, host, HarnessVersion.get(), warnings,
        ReproduceCommand.mavenCommand(config), ReproduceCommand.options(config), fidelity, schedule.intent().replay())
        .withApplication(application);
  }

  /** How the warm-up ended; an automatic one asked for a shape file resolves to a fixed warm-up at its floor. */
  private RunManifest.Warmup warmup() {
    if (autoWarmup != null) {
      return autoWarmup.manifest();
    }
    long warmupMillis = schedule.warmupNanos() / 1_000_000;
    String asked = config.warmupPolicy().spec();
    if (config.autoWarmup()) {
      return new RunManifest.Warmup("fixed", asked, config.warmupPolicy().floor().toMillis(),
          config.warmupPolicy().cap().toMillis(), warmupMillis, "fixed", "perf.warmup=" + asked + " resolved to a"
              + " fixed warm-up of " + seconds(warmupMillis) + " (its floor): a shape file's window is placed on the"
              + " shape's own time line, so it cannot move", null, null, null);
    }
    return new RunManifest.Warmup("fixed", asked, null, null, warmupMillis, "fixed",
        "fixed warm-up of " + seconds(warmupMillis) + " (perf.warmup=" + asked + ")", null, null, null);
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
