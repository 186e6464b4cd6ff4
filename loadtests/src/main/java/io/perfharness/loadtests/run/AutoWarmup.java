package io.perfharness.loadtests.run;

import io.perfharness.core.config.DurationParser;
import io.perfharness.core.config.WarmupPolicy;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.schedule.Arrival;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Recorder;

/**
 * An automatic warm-up ({@code perf.warmup=auto}) while it runs: its load ({@link WarmupDrive}), the
 * latency of its requests, the settle rule fed once a second ({@link WarmupSettleDetector}) and
 * {@code metrics/warmup.csv}; at the end, the facts for run.json. Thread-safe.
 */
final class AutoWarmup implements AutoCloseable {
  static final String FILE = "metrics/warmup.csv";

  private final WarmupPolicy policy;
  private final WarmupDrive drive;
  private final WarmupSettleDetector.Rule rule;
  private final Path csvFile;
  private final Recorder latency = new Recorder(3);
  private WarmupCsvWriter csv;
  private WarmupSettleDetector detector;
  private String jitSource;
  private WarmupSettleDetector.Decision decision;
  private String endedBy;
  private Long windowStartNanos;
  private String csvProblem;

  AutoWarmup(WarmupPolicy policy, WarmupDrive drive, WarmupSettleDetector.Rule rule, Path runRoot) {
    this.policy = policy;
    this.drive = drive;
    this.rule = rule;
    this.csvFile = runRoot.resolve(FILE);
  }

  WarmupDrive drive() {
    return drive;
  }

  /** A warm-up request completed (any time before the window). */
  void recordLatency(long latencyNanos) {
    latency.recordValue(Math.max(0, latencyNanos / 1_000));
  }

  /**
   * One second of the warm-up: feeds the rule and, when it says settled (or the drive reached the cap),
   * ends the drive.
   *
   * @param jitCompileMillisTotal the target's accumulated JIT compile time, or null
   * @param jitSource where it came from ({@code jmx} or {@code metrics})
   * @return what to tell the console when the warm-up just ended
   */
  synchronized Optional<String> tick(long nowNanos, Double jitCompileMillisTotal, String jitSource) {
    long anchor = drive.anchorNanos();
    if (endedBy != null || anchor == Long.MIN_VALUE) {
      return Optional.empty();
    }
    if (detector == null) { // the first second tells whether the target's JIT can be watched
      detector = new WarmupSettleDetector(rule, policy.floor().toNanos(), jitCompileMillisTotal != null);
      this.jitSource = jitCompileMillisTotal != null ? jitSource : "none";
    }
    WarmupSettleDetector.Sample sample = new WarmupSettleDetector.Sample(nowNanos - anchor, jitCompileMillisTotal,
        latency.getIntervalHistogram());
    Optional<WarmupSettleDetector.Decision> decided = detector.offer(sample);
    writeCsv(sample);
    if (decided.isPresent()) {
      decision = decided.get();
      endedBy = decision.endedBy() == WarmupSettleDetector.EndedBy.FLOOR ? "floor" : "settled";
      drive.end();
      return Optional.of("warm-up " + reason() + "; the measurement window starts after the warm-up's last "
          + drive.drivers() + " arrivals");
    }
    if (drive.stop() == WarmupDrive.Stop.CAP || drive.stop() == WarmupDrive.Stop.REQUEST_BOUND) {
      endedBy = "cap";
      return Optional.of("warm-up " + reason());
    }
    return Optional.empty();
  }

  /** The run is stopping: no more warm-up arrivals. */
  synchronized void stop() {
    drive.end();
    if (endedBy == null) {
      endedBy = "stopped";
    }
  }

  /** The window's first user started: the warm-up is over (also when the cap ended it between two ticks). */
  synchronized void windowStarted(long nowNanos) {
    if (windowStartNanos == null) {
      windowStartNanos = nowNanos;
    }
    if (endedBy == null) {
      endedBy = drive.stop() == WarmupDrive.Stop.CAP || drive.stop() == WarmupDrive.Stop.REQUEST_BOUND ? "cap"
          : "stopped";
    }
  }

  synchronized boolean capHit() {
    return "cap".equals(endedBy);
  }

  /** How long the warm-up lasted, from its first arrival to the window's first, or null before the window. */
  synchronized Long decidedMillis() {
    long anchor = drive.anchorNanos();
    return windowStartNanos == null || anchor == Long.MIN_VALUE ? null : (windowStartNanos - anchor) / 1_000_000;
  }

  synchronized RunManifest.Warmup manifest() {
    WarmupSettleDetector.Evaluation at = decision != null ? decision.evaluation()
        : detector == null ? null : detector.lastEvaluation();
    RunManifest.Settle settle = at == null ? null : new RunManifest.Settle(at.elapsedNanos() / 1_000_000, jitSource,
        at.jitMillisPerSec() == null ? null : round1(at.jitMillisPerSec()),
        "none".equals(jitSource) ? null : rule.maxJitShareOfOneCore() * 1000, at.p50LastMicros(),
        at.p50PreviousMicros(), allowedMicros(at), at.requestsLast(), at.requestsPrevious(),
        rule.jitSpanSamples() * 1000L, rule.latencySpanSamples() * 1000L);
    RunManifest.WarmupDrive load = new RunManifest.WarmupDrive(drive.arrivalsTaken(), drive.drivers(),
        drive.lateArrivals(), round1(drive.maxLagNanos() / 1e6));
    return new RunManifest.Warmup("auto", policy.spec(), policy.floor().toMillis(), policy.cap().toMillis(),
        decidedMillis(), endedBy == null ? "running" : endedBy, reason(), settle, load, csvProblem == null ? FILE : null);
  }

  /** Why the window started where it did, with the numbers (run.json's reason, SUMMARY.md's line). */
  synchronized String reason() {
    WarmupSettleDetector.Evaluation at = decision != null ? decision.evaluation()
        : detector == null ? null : detector.lastEvaluation();
    String bounds = "(floor " + DurationParser.format(policy.floor()) + ", cap " + DurationParser.format(policy.cap()) + ")";
    String state = endedBy == null ? "running" : endedBy;
    return switch (state) {
      case "settled" -> String.format(Locale.ROOT, "settled after %.1f s %s: %s", at.elapsedNanos() / 1e9, bounds,
          numbers(at));
      case "floor" -> String.format(Locale.ROOT, "ended at the floor (%.1f s), already settled: %s",
          at.elapsedNanos() / 1e9, numbers(at));
      case "cap" -> (drive.stop() == WarmupDrive.Stop.REQUEST_BOUND ? "used up the " + drive.maxArrivals()
          + " requests perf.maxRequests leaves it before its cap " + bounds : "reached its cap " + bounds)
          + " without settling" + (at == null
          ? " (the rule needs " + rule.window() + " s of samples)" : "; last second: " + numbers(at));
      case "stopped" -> "stopped with the run before it settled " + bounds;
      default -> "still running " + bounds;
    };
  }

  private String numbers(WarmupSettleDetector.Evaluation at) {
    String jit = at.jitMillisPerSec() == null ? "no JIT facts (latency only)" : String.format(Locale.ROOT,
        "JIT compile %.1f ms/s over the last %d s (limit %.0f, %.0f%% of one core)%s", at.jitMillisPerSec(),
        rule.jitSpanSamples(), rule.maxJitShareOfOneCore() * 1000, rule.maxJitShareOfOneCore() * 100,
        at.jitQuiet() ? "" : " NOT quiet");
    return String.format(Locale.ROOT, "%s; p50 %.2f ms vs %.2f ms the %d s before (allowed +-%.2f ms, %d and %d requests)%s",
        jit, at.p50LastMicros() / 1000.0, at.p50PreviousMicros() / 1000.0, rule.latencySpanSamples(),
        allowedMicros(at) / 1000.0,
        at.requestsLast(), at.requestsPrevious(), at.latencySteady() ? "" : " NOT steady");
  }

  private long allowedMicros(WarmupSettleDetector.Evaluation at) {
    return Math.max(Math.round(rule.p50Tolerance() * at.p50PreviousMicros()), rule.p50SlackMicros());
  }

  private void writeCsv(WarmupSettleDetector.Sample sample) {
    if (csvProblem != null) {
      return;
    }
    try {
      if (csv == null) {
        csv = new WarmupCsvWriter(csvFile);
      }
      WarmupSettleDetector.Evaluation e = detector.lastEvaluation();
      csv.write(sample, e != null && e.elapsedNanos() == sample.elapsedNanos() ? e : null);
    } catch (IOException e) {
      csvProblem = e.getMessage();
    }
  }

  /** What run.json's warnings must say: a reached cap (the run stays valid), a lost metrics/warmup.csv. */
  synchronized java.util.List<String> warnings() {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (capHit()) {
      out.add("warm-up: perf.warmup=" + policy.spec() + " " + reason() + "; the window started there (the run"
          + " stays valid, but the target was still warming up: compare it with runs that did the same, or raise the"
          + " cap: perf.warmup=auto:FLOOR..CAP)");
    }
    if (drive.lateArrivals() * 100 > drive.arrivalsTaken()) { // a cold target's first seconds may hold a few
      out.add(String.format(Locale.ROOT, "warm-up: %d of %d warm-up arrivals started over 100 ms late (latest %.0f ms):"
          + " all %d drivers were waiting for responses", drive.lateArrivals(), drive.arrivalsTaken(),
          drive.maxLagNanos() / 1e6, drive.drivers()));
    }
    if (csvProblem != null) {
      out.add("warm-up: " + FILE + " could not be written: " + csvProblem);
    }
    return out;
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  @Override
  public synchronized void close() {
    if (csv != null) {
      try {
        csv.close();
      } catch (IOException e) {
        csvProblem = e.getMessage();
      }
    }
  }
}
