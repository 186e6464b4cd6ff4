package io.perfharness.loadtests.experiment;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Console progress of an experiment: which run, elapsed, and an ETA from the runs done so far (or
 * from the configured windows plus a start-up allowance before the first run ends). Mutable.
 */
final class ExperimentProgress {
  /** JVM start, health wait, drain and profile conversion; only used before a run has finished. */
  static final Duration STARTUP_ALLOWANCE = Duration.ofSeconds(12);

  private final Clock clock;
  private final long startMillis;
  private int totalRuns;
  private final Duration expectedPerRun;
  private int done;

  ExperimentProgress(Clock clock, int totalRuns, Duration warmupPlusWindow) {
    this.clock = clock;
    this.startMillis = clock.millis();
    this.totalRuns = totalRuns;
    this.expectedPerRun = warmupPlusWindow.plus(STARTUP_ALLOWANCE);
  }

  String starting(ExperimentPlan.Slot slot, String target) {
    return String.format(Locale.ROOT, "perf: experiment run %d/%d: %s #%d (%s); elapsed %s, ETA %s",
        done + 1, totalRuns, slot.side().label(), slot.number(), target, format(elapsed()), format(remaining()));
  }

  /** A run was added (a retry of an invalid run). */
  void addRun() {
    totalRuns++;
    done++;
  }

  void finished() {
    done++;
  }

  Duration elapsed() {
    return Duration.ofMillis(clock.millis() - startMillis);
  }

  Duration remaining() {
    int left = totalRuns - done;
    Duration perRun = done == 0 ? expectedPerRun : elapsed().dividedBy(done);
    return perRun.multipliedBy(left);
  }

  static String format(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
