package io.perfharness.loadtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.RunConfigParser;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.ArrivalSchedule;
import io.perfharness.loadtests.schedule.SampleShopMix;
import io.perfharness.loadtests.schedule.ShapeCurve;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real, profiled run of the sample service with {@code perf.warmup=auto}: the warm-up ends by the
 * settle rule or at its cap, the window that follows is the seeded window schedule in full (no window
 * request lost in the hand-over), and run.json, metrics/warmup.csv and SUMMARY.md say when and why the
 * window started and how much of its cpu went to the JIT compiler. How long the warm-up took is
 * printed, never asserted.
 */
class AutoWarmupRunTest {
  @TempDir Path out;

  @Test
  void theWindowStartsWhenTheTargetSettledOrAtTheCapAndSaysWhy() throws Exception {
    RunConfig config = RunConfigParser.parse(Map.of(
        "target", "sample",
        "events", "cpu",
        "warmup", "auto:2s..20s",
        "duration", "5s",
        "label", "auto-warmup",
        "out", out.toString()), out);
    RunOutcome outcome = RunLauncher.runInProcess(config, new SampleShopMix(), out.resolve("gatling-results"));
    assertThat(outcome.status()).isEqualTo(RunManifest.Status.COMPLETE);
    RunDirectory dir = outcome.directory();
    RunManifest m = dir.readManifest();
    RunManifest.Warmup warmup = m.windows().warmup();
    System.out.println("auto warm-up: " + warmup.decidedMillis() + " ms, " + warmup.endedBy() + ": " + warmup.reason()
        + "; JIT share of the window's cpu: " + m.profiler().jitCompiler().share());

    // when and why the window started
    assertThat(warmup.policy()).isEqualTo("auto");
    assertThat(warmup.asked()).isEqualTo("auto:2s..20s");
    assertThat(warmup.floorMillis()).isEqualTo(2_000);
    assertThat(warmup.capMillis()).isEqualTo(20_000);
    assertThat(warmup.endedBy()).isIn("settled", "floor", "cap");
    assertThat(warmup.decidedMillis()).isGreaterThanOrEqualTo(warmup.floorMillis());
    assertThat(m.windows().warmupMillis()).isEqualTo(warmup.decidedMillis());
    assertThat(warmup.settle().jitSource()).isEqualTo("jmx"); // the harness started the JVM: it attaches
    assertThat(warmup.settle().jitMillisPerSec()).isNotNull();
    assertThat(warmup.settle().maxJitMillisPerSec()).isEqualTo(20.0);
    assertThat(warmup.reason()).contains("JIT compile").contains("p50");
    assertThat(warmup.drive().drivers()).isEqualTo(2 * 50 + 8);
    assertThat(warmup.drive().arrivals()).isPositive();
    if (warmup.endedBy().equals("cap")) { // a warning, and the run stays valid for it
      assertThat(m.warnings()).anySatisfy(w -> assertThat(w).startsWith("warm-up: perf.warmup=auto:2s..20s reached its cap"));
    } else {
      assertThat(m.warnings()).noneSatisfy(w -> assertThat(w).contains("reached its cap"));
    }
    assertThat(m.invalidReasons()).noneSatisfy(r -> assertThat(r).containsIgnoringCase("warm"));

    // the window is the seeded window schedule, the same whatever the warm-up's length, and nothing of it was lost
    long windowArrivals = ArrivalSchedule.generate(ShapeCurve.of("steady", 50, Duration.ZERO, Duration.ofSeconds(5)),
        1, new SampleShopMix(), Long.MAX_VALUE).arrivals().size();
    assertThat(m.load().requestsScheduledInWindow()).isEqualTo(windowArrivals);
    assertThat(m.load().requestsStartedInWindow()).isEqualTo(windowArrivals);
    assertThat(m.load().requestsCompleted()).isEqualTo(windowArrivals); // the latency summary's count
    assertThat(m.load().requestsScheduled()).isEqualTo(windowArrivals + warmup.drive().arrivals());

    // the JIT compiler's share of the window's cpu samples
    RunManifest.JitCompiler jit = m.profiler().jitCompiler();
    assertThat(jit.event()).isEqualTo("cpu");
    assertThat(jit.frame()).isEqualTo("CompileBroker::compiler_thread_loop");
    assertThat(jit.totalSamples()).isEqualTo(m.profiler().events().get(0).totalCount());
    assertThat(jit.samples()).isBetween(jit.c2Samples() + jit.c1Samples(), jit.totalSamples());
    assertThat(jit.share()).isCloseTo((double) jit.samples() / jit.totalSamples(), org.assertj.core.data.Offset.offset(1e-4));

    // the per-second record of the rule, SUMMARY.md's lines, and a reproduce command that asks for auto again
    List<String> csv = Files.readAllLines(dir.root().resolve("metrics/warmup.csv"));
    assertThat(csv.get(0)).isEqualTo("elapsedSec,jitCompileMillisTotal,requests,jitMillisPerSec,p50LastMicros,"
        + "p50PreviousMicros,jitQuiet,latencySteady,settled");
    assertThat(csv.size() - 1).isGreaterThanOrEqualTo(11); // judged at least once (two 5 s spans, the 10 s JIT span)
    assertThat(Files.readString(dir.timelineFile())).startsWith(
        "epochMs,elapsedSec,phase,heapUsedBytes").contains(",jitCompileMillisTotal\n");
    String summary = Files.readString(dir.summaryFile());
    assertThat(summary).contains("| warm-up | " + (warmup.endedBy().equals("cap") ? "**cap hit**: " : "")
        + "auto (`perf.warmup=auto:2s..20s`) ");
    assertThat(summary).containsPattern("\\| JIT compiler \\| \\d+\\.\\d% of the window's cpu samples in JIT compiler threads");
    assertThat(m.reproduceCommand()).contains("-Dperf.warmup=auto:2s..20s");
    assertThat(Set.copyOf(m.options().keySet())).contains("perf.warmup");
  }
}
