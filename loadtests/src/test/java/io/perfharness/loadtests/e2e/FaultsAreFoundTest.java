package io.perfharness.loadtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.RunConfigParser;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.SampleShopMix;
import io.perfharness.profiling.query.ApplicationFrames;
import io.perfharness.profiling.query.CostOrder;
import io.perfharness.profiling.query.FrameCost;
import io.perfharness.profiling.query.FrameCostTable;
import io.perfharness.profiling.query.QueryTextRenderer;
import io.perfharness.profiling.query.TopFrames;
import io.perfharness.reports.profile.RunProfile;
import io.perfharness.service.faults.Fault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness finds every planted bottleneck: a short, real, profiled run of the sample service
 * with one fault on, under the default shop mix and rate, must put the fault's documented culprit
 * among the top 3 application frames of the event that shows it (cost of JDK, library and native
 * frames below an application method charged to that method, see {@link ApplicationFrames}).
 */
class FaultsAreFoundTest {
  @TempDir Path out;

  @ParameterizedTest(name = "{0} shows in the {1} profile")
  @CsvSource({"cpu-regex, cpu", "alloc-churn, alloc", "lock-contention, lock", "blocking-io, wall"})
  void culpritIsAmongTheTopApplicationFrames(String faultName, String event) throws Exception {
    Fault fault = Fault.fromCliName(faultName);
    RunConfig config = RunConfigParser.parse(Map.of(
        "target", "sample:fault=" + faultName,
        "events", event,
        "warmup", "10s",
        "duration", "15s",
        "label", faultName,
        "out", out.toString()), out);
    RunOutcome outcome = RunLauncher.runInProcess(config, new SampleShopMix(), out.resolve("gatling-results"));
    assertThat(outcome.status()).isEqualTo(RunManifest.Status.COMPLETE);

    RunDirectory dir = outcome.directory();
    RunManifest manifest = dir.readManifest();
    RunProfile profile = RunProfile.load(dir, manifest, event);
    TopFrames app = FrameCostTable.of(ApplicationFrames.view(profile.profile(), profile.event(), profile.applicationRule())).top(4, CostOrder.SELF);
    System.out.println(QueryTextRenderer.renderTop(profile.event(), app, profile.cost()));
    List<String> top3 = app.rows().stream().map(FrameCost::frame)
        .filter(f -> !f.equals(ApplicationFrames.OUTSIDE)).limit(3).toList();
    assertThat(top3).as("top application frames of %s in %s", event, dir.root()).contains(fault.culpritMethod());
  }
}
