package io.perfharness.loadtests.run;

import io.perfharness.core.config.ConfigException;
import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.RunConfigParser;
import io.perfharness.loadtests.schedule.ArrivalSchedule;
import io.perfharness.loadtests.schedule.RequestMix;
import io.perfharness.loadtests.schedule.SampleShopMix;
import io.perfharness.loadtests.schedule.ShapeCurve;
import io.perfharness.loadtests.schedule.WarmupArrivals;
import io.perfharness.loadtests.shape.ShapeRunPlanner;
import io.perfharness.loadtests.launch.RunLauncherPaths;
import io.perfharness.loadtests.launch.TargetException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Glue between Gatling's simulation lifecycle and a {@link RunSession}, for both ways a run
 * starts: {@code mvn gatling:test} (options from {@code perf.*} system properties, Gatling in a
 * forked JVM) and {@link #runInProcess} (the {@code perf} CLI and the tests, which may pass their own request mix).
 */
public final class RunLauncher {
  /** Where Gatling writes its results folder; set by the Maven build and by {@link #runInProcess}. */
  public static final String GATLING_RESULTS_PROPERTY = "perf.internal.gatlingResults";

  private static volatile RunConfig inProcessConfig;
  private static volatile RequestMix inProcessMix;
  private static volatile boolean recordingDisabled;
  private static volatile RunOutcome lastOutcome;
  private static volatile RunFailedException lastFailure;
  private static final PrintStream CONSOLE = System.out;

  private RunLauncher() {}

  /** Called from the simulation's constructor: validates every option, creates the run directory. */
  public static RunSession prepareFromSystemProperties() {
    RunConfig config = inProcessConfig;
    try {
      if (config == null) {
        config = RunConfigParser.fromProperties(System.getProperties(), RunLauncherPaths.home());
      }
      ArrivalSchedule schedule;
      WarmupDrive drive = null;
      RequestMix mix = inProcessMix != null ? inProcessMix : new SampleShopMix();
      if (config.shapeFile() != null) { // a shape file replays its own mix through its mapping
        ShapeRunPlanner.Planned planned = ShapeRunPlanner.plan(config);
        config = planned.config();
        schedule = planned.schedule();
      } else if (config.autoWarmup()) {
        // the window's schedule relative to its own start, the same whenever the warm-up settles
        schedule = ArrivalSchedule.generate(
            ShapeCurve.of(config.shape(), config.ratePerSec(), java.time.Duration.ZERO, config.duration()),
            config.seed(), mix, config.maxRequests());
        ShapeCurve warmup = ShapeCurve.autoWarmup(config.shape(), config.ratePerSec(), config.warmupPolicy().floor(),
            config.warmupPolicy().cap());
        drive = new WarmupDrive(new WarmupArrivals(warmup, config.seed(), mix),
            WarmupDrive.driversFor(warmup.peakRatePerSec()), config.maxRequests() - schedule.arrivals().size());
      } else {
        schedule = ArrivalSchedule.generate(
            ShapeCurve.of(config.shape(), config.ratePerSec(), config.warmup(), config.duration()),
            config.seed(), mix, config.maxRequests());
      }
      return RunSession.prepare(config, schedule, drive, Clock.systemUTC(), Profilers::forConfig, CONSOLE);
    } catch (ConfigException e) {
      throw fail("bad options, nothing was started:\n  " + String.join("\n  ", e.problems()), RunOutcome.EXIT_BAD_INPUT);
    } catch (IllegalArgumentException e) {
      throw fail("bad options, nothing was started:\n  " + e.getMessage(), RunOutcome.EXIT_BAD_INPUT);
    } catch (TargetException | IOException e) {
      throw fail(e.getMessage(), RunOutcome.EXIT_TARGET_FAILED);
    }
  }

  /** Called from the simulation's {@code before()}: starts the target; fails the run loudly if it cannot. */
  public static void start(RunSession run) {
    try {
      run.start();
    } catch (TargetException | IOException | RuntimeException e) {
      RunOutcome outcome = run.abort(String.valueOf(e.getMessage()));
      lastOutcome = outcome;
      throw fail(e.getMessage() + "\nwhat was recorded is in " + outcome.directory().root(), RunOutcome.EXIT_TARGET_FAILED);
    }
  }

  /**
   * Called from the simulation's {@code after()}. Gatling writes its own report only after this,
   * so in a forked Gatling JVM a shutdown hook moves that report into the run directory and prints
   * the final paths; {@link #runInProcess} does the same directly.
   */
  public static void afterGatling(RunOutcome outcome) {
    lastOutcome = outcome;
    if (inProcessConfig == null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        adoptGatlingReport(outcome);
        printFinal(outcome);
      }, "perf-final-report"));
    }
  }

  /**
   * Runs one whole run in this JVM (Gatling included) and returns how it ended.
   *
   * @param gatlingResults scratch folder for Gatling's own results before they move into the run
   */
  public static synchronized RunOutcome runInProcess(RunConfig config, RequestMix mix, Path gatlingResults) {
    inProcessConfig = config;
    inProcessMix = mix;
    lastOutcome = null;
    lastFailure = null;
    String previous = System.getProperty(GATLING_RESULTS_PROPERTY);
    try {
      Files.createDirectories(gatlingResults);
      System.setProperty(GATLING_RESULTS_PROPERTY, gatlingResults.toString());
      int gatlingExit;
      try {
        gatlingExit = GatlingInvoker.run(gatlingResults);
      } catch (Exception e) { // Gatling rethrows what the simulation's constructor threw, wrapped
        if (lastFailure != null) {
          throw lastFailure;
        }
        throw new RunFailedException("Gatling failed: " + e, RunOutcome.EXIT_TARGET_FAILED);
      }
      RunOutcome outcome = lastOutcome;
      if (lastFailure != null) {
        throw lastFailure; // the run failed before or while starting: what and why was printed above
      }
      if (outcome == null) {
        throw new RunFailedException("Gatling exited with code " + gatlingExit + " before the run started; see the output above",
            RunOutcome.EXIT_TARGET_FAILED);
      }
      adoptGatlingReport(outcome);
      printFinal(outcome);
      return outcome;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      inProcessConfig = null;
      inProcessMix = null;
      if (previous == null) {
        System.clearProperty(GATLING_RESULTS_PROPERTY);
      } else {
        System.setProperty(GATLING_RESULTS_PROPERTY, previous);
      }
    }
  }

  /**
   * For the recording-overhead benchmark only: the next in-process runs send the same requests
   * without timing or recording them (plain Gatling plus our arrival bookkeeping).
   */
  public static void disableRecordingForBenchmark(boolean disabled) {
    recordingDisabled = disabled;
  }

  /** Whether the simulation times and records each request (always, except in that benchmark). */
  public static boolean recordingEnabled() {
    return !recordingDisabled;
  }

  public static Optional<RunOutcome> lastOutcome() {
    return Optional.ofNullable(lastOutcome);
  }

  private static RunFailedException fail(String message, int exitCode) {
    lastFailure = new RunFailedException(message, exitCode);
    CONSOLE.println();
    CONSOLE.println("perf: RUN FAILED (exit " + exitCode + ")");
    CONSOLE.println("perf: " + message.replace("\n", "\nperf: "));
    CONSOLE.flush();
    return lastFailure;
  }

  /** Moves Gatling's newest results folder for this run into {@code <run>/gatling}. */
  static void adoptGatlingReport(RunOutcome outcome) {
    String results = System.getProperty(GATLING_RESULTS_PROPERTY);
    if (results == null) {
      return;
    }
    long runStart = outcome.directory().root().toFile().lastModified() - 5_000;
    try (Stream<Path> dirs = Files.list(Path.of(results))) {
      Optional<Path> newest = dirs.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().startsWith("perfrunsimulation-"))
          .filter(p -> p.toFile().lastModified() >= runStart)
          .max(Comparator.comparingLong(p -> p.toFile().lastModified()));
      if (newest.isPresent()) {
        Path target = outcome.directory().gatlingDir();
        if (!Files.exists(target)) {
          Files.move(newest.get(), target);
        }
      }
    } catch (IOException e) {
      CONSOLE.println("perf: could not move Gatling's report into the run: " + e.getMessage());
    }
  }

  static void printFinal(RunOutcome outcome) {
    CONSOLE.println();
    CONSOLE.println("perf: run " + outcome.status() + (outcome.message() == null ? "" : " (" + outcome.message() + ")"));
    CONSOLE.println("perf: run directory: " + outcome.directory().root());
    CONSOLE.println("perf: summary:       " + outcome.directory().summaryFile());
    CONSOLE.flush();
  }

  /** A run that could not start or went wrong; carries the exit code the CLI returns. */
  public static final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public RunFailedException(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

}
