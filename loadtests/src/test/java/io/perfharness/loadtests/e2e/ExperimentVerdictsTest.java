package io.perfharness.loadtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.loadtests.experiment.ExperimentRunner;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.reports.compare.CompareOptions;
import io.perfharness.reports.compare.ComparisonModel;
import io.perfharness.reports.compare.ComparisonReport;
import io.perfharness.reports.compare.ComparisonSideReader;
import io.perfharness.reports.compare.EventComparison;
import io.perfharness.reports.compare.FrameMover;
import io.perfharness.reports.compare.MetricComparison;
import io.perfharness.reports.compare.NoiseCalibration;
import io.perfharness.reports.compare.NoiseCalibrationBuilder;
import io.perfharness.reports.compare.NoiseCalibrationFile;
import io.perfharness.reports.stats.Verdict;
import io.perfharness.service.faults.Fault;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ground truth for {@code perf experiment}: real experiments (fresh sample-service JVMs, real
 * Gatling, the real profiler) with a planted fault on one side must give the verdict the fault
 * implies and name its documented culprit among the top 3 application-frame movers; an A/A
 * experiment must claim nothing. Five runs per side: the fewest at which Holm across the four
 * gated metrics can reach significance (2/252 x 4 < 0.05).
 */
class ExperimentVerdictsTest {
  private static final int RUNS = 5;
  /**
   * With cpu-regex on, the sample service nearly fills this 2-core machine at 50 requests/s and the
   * generator's start lag p99 crosses the 50 ms validity limit in about half the runs (53-94 ms in
   * a clean-clone CI run, where one retry per slot left 4 valid baseline runs); the invalid runs are
   * kept and listed, and the slot is run again.
   */
  private static final int RETRIES_OF_INVALID_RUNS = 3;
  private static final Map<String, String> SHORT = Map.of("warmup", "4s", "duration", "6s", "rate", "50");

  @TempDir Path out;

  private ExperimentRunner.Result experiment(String baseline, String candidate, String events) throws Exception {
    Map<String, String> options = new java.util.HashMap<>(SHORT);
    options.put("events", events);
    ExperimentRunner runner = new ExperimentRunner(
        config -> RunLauncher.runInProcess(config, null, out.resolve("gatling-results")), Clock.systemUTC(), System.out);
    return runner.run(new ExperimentRunner.Request("experiment", null, baseline, candidate, RUNS, options, out,
        RETRIES_OF_INVALID_RUNS), out);
  }

  private static ComparisonModel compare(Path baseline, Path candidate, Path to) throws Exception {
    ComparisonModel m = ComparisonReport.compareAndWrite(baseline, candidate, to, CompareOptions.defaults(), System.out);
    System.out.println(Files.readString(to.resolve(ComparisonReport.MARKDOWN)));
    return m;
  }

  private static MetricComparison metric(ComparisonModel m, String id) {
    return m.metrics().stream().filter(x -> x.metric().id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + id));
  }

  private static List<String> topAppMovers(ComparisonModel m, String event) {
    EventComparison e = m.profiles().stream().filter(x -> x.event().equals(event)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + event + " profile diff"));
    return e.appMovers().stream().map(FrameMover::frame).limit(3).toList();
  }

  @Test
  void fixingCpuRegexIsAnImprovementNamingTheCulpritAndTheReverseIsARegression() throws Exception {
    // the gate works on whatever metrics are gated: with CPU under the service's frames gated, the
    // reverse comparison (putting the fault in) must fail the gate
    ExperimentRunner.Result r = experiment("sample:fault=cpu-regex", "sample", "cpu");
    assertThat(r.stoppedEarly()).isFalse();
    ComparisonModel fix = compare(r.baselineDir(), r.candidateDir(), r.directory());
    assertThat(fix.baseline().runs()).as("valid baseline runs").isEqualTo(RUNS);
    assertThat(fix.candidate().runs()).as("valid candidate runs").isEqualTo(RUNS);
    // CPU under the service's own frames: the whole profile's CPU per request (about 8 ms, most of it
    // H2's server threads, JIT and GC of a fresh JVM in a short window) varies by +-20% run to run,
    // more than the planted ~1 ms; the gated whole-profile metric must at least not call it a regression
    assertThat(metric(fix, "cpu.app.perRequest").verdict()).isEqualTo(Verdict.IMPROVEMENT);
    assertThat(metric(fix, "cpu.perRequest").verdict()).isNotEqualTo(Verdict.REGRESSION);
    assertThat(topAppMovers(fix, "cpu")).contains(Fault.CPU_REGEX.culpritMethod());
    assertThat(fix.gatedRegression()).isFalse();

    ComparisonModel breakIt = ComparisonReport.compareAndWrite(r.candidateDir(), r.baselineDir(), out.resolve("reverse"),
        new CompareOptions(java.util.Set.of("cpu.app.perRequest", "errors.rate"), 0.05, 0.001, null, null), System.out);
    assertThat(breakIt.gatedRegression()).isTrue();
    assertThat(metric(breakIt, "cpu.app.perRequest").verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(metric(breakIt, "cpu.perRequest").verdict()).isNotEqualTo(Verdict.IMPROVEMENT);
    assertThat(topAppMovers(breakIt, "cpu")).contains(Fault.CPU_REGEX.culpritMethod());
  }

  @Test
  void fixingAllocChurnAndLockContentionImprovesAllocAndLockPerRequest() throws Exception {
    ExperimentRunner.Result r = experiment("sample:fault=alloc-churn,lock-contention", "sample", "alloc,lock");
    ComparisonModel fix = compare(r.baselineDir(), r.candidateDir(), r.directory());
    assertThat(metric(fix, "alloc.perRequest").verdict()).isEqualTo(Verdict.IMPROVEMENT);
    assertThat(topAppMovers(fix, "alloc")).contains(Fault.ALLOC_CHURN.culpritMethod());
    // lock per request counts request time only: the embedded H2 server's own waits (about 27 ms per
    // request on both sides, no frame of the service on their stacks) are not in it
    assertThat(metric(fix, "lock.perRequest").verdict()).isEqualTo(Verdict.IMPROVEMENT);
    assertThat(topAppMovers(fix, "lock")).contains(Fault.LOCK_CONTENTION.culpritMethod());
  }

  @Test
  void anAaExperimentClaimsNothingAndCalibratesTheNoise() throws Exception {
    ExperimentRunner.Result r = experiment("sample", "sample", "cpu");
    ComparisonModel aa = compare(r.baselineDir(), r.candidateDir(), r.directory());
    assertThat(aa.baseline().runs() + aa.candidate().runs()).isGreaterThanOrEqualTo(2 * RUNS - 1);
    assertThat(aa.metrics()).as("A/A verdicts").noneMatch(m -> m.verdict() == Verdict.REGRESSION
        || m.verdict() == Verdict.IMPROVEMENT);

    NoiseCalibration c = NoiseCalibrationBuilder.build(ComparisonSideReader.read(r.baselineDir(), "baseline"),
        ComparisonSideReader.read(r.candidateDir(), "candidate"), "sample", r.directory().toString(),
        NoiseCalibrationFile.thisMachine(), System.currentTimeMillis());
    Path file = out.resolve("calibration.json");
    NoiseCalibrationFile.write(file, c);
    assertThat(c.metrics()).containsKeys("latency.p50", "latency.p99", "cpu.perRequest", "errors.rate");
    assertThat(c.metrics().get("latency.p50").band()).isPositive().isLessThan(1.0);
    CompareOptions calibrated = NoiseCalibrationFile.apply(CompareOptions.defaults(), file, new PrintStream(System.err));
    assertThat(calibrated.calibrationFile()).isEqualTo(file);
    ComparisonModel named = ComparisonReport.compareAndWrite(r.baselineDir(), r.candidateDir(), out.resolve("calibrated"),
        calibrated, System.out);
    assertThat(named.decision().calibrationFile()).isEqualTo(file.toString());
  }
}
