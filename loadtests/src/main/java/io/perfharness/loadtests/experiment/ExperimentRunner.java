package io.perfharness.loadtests.experiment;

import io.perfharness.core.config.ConfigException;
import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.RunConfigParser;
import io.perfharness.core.config.TargetSpec;
import io.perfharness.core.json.Json;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.launch.LoopbackGuard;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.service.faults.Fault;
import io.perfharness.loadtests.run.RunOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs an experiment: baseline and candidate N times each in ABBA order, a fresh target JVM per
 * run (for targets the harness starts), the same options and seed (so the same arrival schedule)
 * on both sides, into {@code <out>/experiments/<id>/baseline/} and {@code .../candidate/}. Every
 * option is validated for both sides before the first run starts.
 */
public final class ExperimentRunner {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** A side whose target fails to run this many times in a row stops the experiment. */
  static final int MAX_CONSECUTIVE_FAILURES = 2;

  /** Runs one configured run; the CLI and the tests use {@link RunLauncher#runInProcess}. */
  @FunctionalInterface
  public interface RunExecutor {
    RunOutcome run(RunConfig config);
  }

  /**
   * What to run.
   *
   * @param kind {@code experiment} or {@code calibration}; also the default label of the folder
   * @param options {@code perf.*} keys without the prefix, shared by both sides; {@code target},
   *     {@code label} and {@code out} are set per run and must not be in it
   * @param outRoot the folder that receives {@code experiments/<id>/}
   * @param retriesOfInvalidRuns how often a run that completed but is not valid for comparison
   *     (generator behind, errors) is run again in its slot; the invalid run is kept and listed
   */
  public record Request(String kind, String label, String baselineTarget, String candidateTarget, int runsPerSide,
                        Map<String, String> options, Path outRoot, int retriesOfInvalidRuns) {
    public Request {
      options = Map.copyOf(options);
      if (retriesOfInvalidRuns < 0 || retriesOfInvalidRuns > 10) {
        throw new IllegalArgumentException("retries of invalid runs must be within 0..10 but was " + retriesOfInvalidRuns);
      }
    }

    public Request(String kind, String label, String baselineTarget, String candidateTarget, int runsPerSide,
                   Map<String, String> options, Path outRoot) {
      this(kind, label, baselineTarget, candidateTarget, runsPerSide, options, outRoot, DEFAULT_RETRIES_OF_INVALID_RUNS);
    }
  }

  /** One more try for a run that came out invalid: a passing disturbance should not cost the experiment a replicate. */
  public static final int DEFAULT_RETRIES_OF_INVALID_RUNS = 1;

  /** Where the experiment went and how its runs ended. */
  public record Result(Path directory, Path baselineDir, Path candidateDir, ExperimentRecord record) {
    public boolean stoppedEarly() {
      return !"COMPLETE".equals(record.status());
    }
  }

  private final RunExecutor executor;
  private final Clock clock;
  private final PrintStream console;

  public ExperimentRunner(RunExecutor executor, Clock clock, PrintStream console) {
    this.executor = executor;
    this.clock = clock;
    this.console = console;
  }

  /**
   * Validates both sides, then runs the plan.
   *
   * @throws ConfigException with every problem of both sides, before anything started
   */
  public Result run(Request request, Path home) throws ConfigException, IOException {
    ExperimentPlan plan = ExperimentPlan.abba(request.runsPerSide());
    String label = request.label() == null ? request.kind() : request.label();
    List<String> problems = new ArrayList<>();
    RunConfig baseline = validate(request, request.baselineTarget(), label, home, "baseline", problems);
    RunConfig candidate = validate(request, request.candidateTarget(), label, home, "candidate", problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    List<String> warnings = warnings(baseline, candidate);
    Path dir = createDirectory(request.outRoot().resolve("experiments"), label);
    Path baselineDir = Files.createDirectories(dir.resolve("baseline"));
    Path candidateDir = Files.createDirectories(dir.resolve("candidate"));
    Map<String, String> options = new TreeMap<>(request.options());
    long start = clock.millis();
    List<ExperimentRecord.RunEntry> entries = new ArrayList<>();
    ExperimentRecord record = record(request, dir, plan, options, start, null, "RUNNING", entries, warnings);
    Json.writeFile(dir.resolve("experiment.json"), record);
    warnings.forEach(w -> console.println("perf: warning: " + w));
    console.println("perf: experiment " + dir.getFileName() + ": " + plan.runsPerSide() + " runs per side, order "
        + plan.describe());
    ExperimentProgress progress = new ExperimentProgress(clock, plan.order().size(), baseline.warmup().plus(baseline.duration()));
    Map<ExperimentPlan.Side, Integer> failuresInARow = new LinkedHashMap<>();
    String status = "COMPLETE";
    for (ExperimentPlan.Slot slot : plan.order()) {
      boolean isBaseline = slot.side() == ExperimentPlan.Side.BASELINE;
      String target = isBaseline ? request.baselineTarget() : request.candidateTarget();
      console.println(progress.starting(slot, target));
      console.flush();
      ExperimentRecord.RunEntry entry = null;
      for (int attempt = 0; attempt <= request.retriesOfInvalidRuns(); attempt++) {
        RunConfig config = perRun(request, target, slot, attempt, isBaseline ? baselineDir : candidateDir, home);
        try {
          RunOutcome outcome = executor.run(config);
          RunManifest manifest = readManifest(outcome);
          boolean valid = manifest != null && manifest.validForComparison();
          entry = new ExperimentRecord.RunEntry(slot.side().label(), slot.number(), outcome.directory().runId(),
              dir.relativize(outcome.directory().root()).toString(), String.valueOf(outcome.status()),
              outcome.exitCode(), outcome.message(), valid,
              manifest == null ? List.of("run.json unreadable")
                  : manifest.invalidReasons() == null ? List.of() : manifest.invalidReasons());
        } catch (RunLauncher.RunFailedException e) {
          entry = new ExperimentRecord.RunEntry(slot.side().label(), slot.number(), null, null, "FAILED", e.exitCode(),
              e.getMessage(), false, List.of());
          if (e.exitCode() == RunOutcome.EXIT_BAD_INPUT) {
            status = "STOPPED";
          }
        }
        boolean retry = entry.exitCode() == 0 && !entry.valid() && entry.path() != null
            && !entry.invalidReasons().contains("run.json unreadable") && attempt < request.retriesOfInvalidRuns();
        if (!retry) {
          break;
        }
        entries.add(entry);
        progress.addRun();
        console.println("perf: " + entry.runId() + " is not valid for comparison (" + String.join("; ", entry.invalidReasons())
            + "); it stays in the folder and is left out; running " + slot.side().label() + " #" + slot.number()
            + " again (retry " + (attempt + 1) + " of " + request.retriesOfInvalidRuns() + ")");
      }
      entries.add(entry);
      progress.finished();
      int failures = entry.exitCode() == 0 ? 0 : failuresInARow.getOrDefault(slot.side(), 0) + 1;
      failuresInARow.put(slot.side(), failures);
      if (failures >= MAX_CONSECUTIVE_FAILURES) {
        status = "STOPPED";
        console.println("perf: " + slot.side().label() + " (" + target + ") failed " + failures
            + " runs in a row; stopping the experiment. Last failure: " + entry.message());
      }
      Json.writeFile(dir.resolve("experiment.json"),
          record(request, dir, plan, options, start, null, "RUNNING", entries, warnings));
      if (!status.equals("COMPLETE")) {
        break;
      }
    }
    record = record(request, dir, plan, options, start, clock.millis(), status, entries, warnings);
    Json.writeFile(dir.resolve("experiment.json"), record);
    console.println("perf: experiment runs done in " + ExperimentProgress.format(progress.elapsed()) + " (" + status + ")");
    return new Result(dir, baselineDir, candidateDir, record);
  }

  /**
   * Parses one side's options and checks its target as the run would (fault names, the loopback
   * rule), adding every problem, prefixed with the side, to {@code problems}; null if it failed.
   */
  private static RunConfig validate(Request request, String target, String label, Path home, String side,
                                    List<String> problems) {
    for (String reserved : List.of("target", "label", "out")) {
      if (request.options().containsKey(reserved)) {
        throw new IllegalArgumentException("options must not hold '" + reserved + "': the experiment sets it per run");
      }
    }
    Map<String, String> keys = new LinkedHashMap<>(request.options());
    keys.put("target", target);
    keys.put("label", label);
    keys.put("out", request.outRoot().toString());
    RunConfig config;
    try {
      config = RunConfigParser.parse(keys, home);
    } catch (ConfigException e) {
      e.problems().forEach(p -> problems.add(side + ": " + p));
      return null;
    }
    try {
      if (config.target() instanceof TargetSpec.Sample sample) {
        sample.faults().forEach(Fault::fromCliName);
      } else if (config.target() instanceof TargetSpec.Url url) {
        LoopbackGuard.check(url.baseUrl(), config.allowRemote());
      }
    } catch (IllegalArgumentException e) {
      problems.add(side + ": " + e.getMessage());
    }
    return config;
  }

  private static RunConfig perRun(Request request, String target, ExperimentPlan.Slot slot, int attempt, Path sideDir,
                                  Path home) {
    Map<String, String> keys = new LinkedHashMap<>(request.options());
    keys.put("target", target);
    keys.put("label", slot.side().label() + "-" + slot.number() + (attempt == 0 ? "" : "-retry" + attempt));
    keys.put("out", sideDir.toString());
    try {
      return RunConfigParser.parse(keys, home);
    } catch (ConfigException e) {
      throw new IllegalStateException("validated options became invalid: " + e.problems(), e);
    }
  }

  private static RunManifest readManifest(RunOutcome outcome) {
    try {
      return outcome.directory().readManifest();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static List<String> warnings(RunConfig baseline, RunConfig candidate) {
    List<String> out = new ArrayList<>();
    for (RunConfig c : List.of(baseline, candidate)) {
      if (c.target() instanceof TargetSpec.Url) {
        out.add("target " + ((TargetSpec.Url) c.target()).spec() + " was not started by the harness: every run of that side loads the same JVM, "
            + "so its runs are not independent replicates (JIT state, heap and caches carry over)");
      }
    }
    return out;
  }

  private Path createDirectory(Path parent, String label) throws IOException {
    Files.createDirectories(parent);
    String base = ID_TIME.format(clock.instant()) + "-" + label;
    for (int attempt = 1; attempt < 1_000; attempt++) {
      Path candidate = parent.resolve(attempt == 1 ? base : base + "-" + attempt);
      try {
        return Files.createDirectory(candidate);
      } catch (FileAlreadyExistsException e) {
        // an experiment started in the same second: next suffix
      }
    }
    throw new IOException("cannot create an experiment folder under " + parent + " named " + base + "[-N]");
  }

  private static ExperimentRecord record(Request request, Path dir, ExperimentPlan plan, Map<String, String> options,
                                         long start, Long end, String status, List<ExperimentRecord.RunEntry> runs,
                                         List<String> warnings) {
    return new ExperimentRecord(ExperimentRecord.SCHEMA_VERSION, dir.getFileName().toString(), request.kind(), status,
        request.baselineTarget(), request.candidateTarget(), plan.runsPerSide(), plan.describe(), options, start, end,
        List.copyOf(runs), warnings);
  }
}
