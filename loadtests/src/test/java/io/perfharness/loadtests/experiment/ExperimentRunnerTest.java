package io.perfharness.loadtests.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfharness.core.config.ConfigException;
import io.perfharness.core.config.RunConfig;
import io.perfharness.core.json.Json;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment's orchestration (order, folders, validation, progress, stopping) with a run
 * executor that only creates the run folder; the real runs are in the e2e ExperimentVerdictsTest.
 */
class ExperimentRunnerTest {
  @TempDir Path tmp;

  private final List<RunConfig> started = new ArrayList<>();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  private ExperimentRunner runner(ExperimentRunner.RunExecutor executor) {
    return new ExperimentRunner(executor, Clock.fixed(Instant.parse("2026-11-26T07:00:00Z"), ZoneOffset.UTC),
        new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  private RunOutcome folderOnly(RunConfig config) {
    started.add(config);
    try {
      RunDirectory dir = RunDirectory.create(config.outDir(), Instant.parse("2026-11-26T07:00:00Z"), config.label());
      return new RunOutcome(dir, RunManifest.Status.COMPLETE, 0, null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ExperimentRunner.Request request(String baseline, String candidate, int runs, Map<String, String> options) {
    return new ExperimentRunner.Request("experiment", null, baseline, candidate, runs, options, tmp);
  }

  @Test
  void abbaOrderInterleavesTheSides() {
    assertThat(ExperimentPlan.abba(3).describe()).isEqualTo("B1 C1 C2 B2 B3 C3");
    assertThat(ExperimentPlan.abba(1).describe()).isEqualTo("B1 C1");
    assertThatThrownBy(() -> ExperimentPlan.abba(0)).hasMessageContaining("within 1..100 but was 0");
  }

  @Test
  void runsBothSidesInAbbaOrderWithTheSameSeedIntoTheirFolders() throws Exception {
    ExperimentRunner.Result r = runner(this::folderOnly).run(request("sample:fault=cpu-regex", "sample", 2,
        Map.of("seed", "7", "duration", "5s")), tmp);
    assertThat(started).extracting(c -> c.target().spec().contains("cpu-regex") ? "B" : "C")
        .containsExactly("B", "C", "C", "B");
    assertThat(started).extracting(RunConfig::seed).containsOnly(7L);
    assertThat(started).extracting(RunConfig::label).containsExactly("baseline-1", "candidate-1", "candidate-2", "baseline-2");
    assertThat(started.get(0).outDir()).isEqualTo(r.baselineDir());
    assertThat(started.get(1).outDir()).isEqualTo(r.candidateDir());
    assertThat(r.directory().getParent()).isEqualTo(tmp.resolve("experiments"));
    ExperimentRecord record = Json.readFile(r.directory().resolve("experiment.json"), ExperimentRecord.class);
    assertThat(record.status()).isEqualTo("COMPLETE");
    assertThat(record.order()).isEqualTo("B1 C1 C2 B2");
    assertThat(record.runs()).extracting(ExperimentRecord.RunEntry::path)
        .allMatch(p -> p.startsWith("baseline/") || p.startsWith("candidate/"));
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("experiment run 1/4: baseline #1 (sample:fault=cpu-regex)")
        .contains("ETA");
  }

  @Test
  void badOptionsOfEitherSideStopEverythingBeforeTheFirstRun() {
    assertThatThrownBy(() -> runner(this::folderOnly).run(request("url:http://10.1.2.3:8080", "sample:fault=no-such-fault", 2,
        Map.of("rate", "50", "events", "none")), tmp))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems())
            .anyMatch(p -> p.startsWith("baseline: ") && p.contains("not a loopback address"))
            .anyMatch(p -> p.startsWith("candidate: ") && p.contains("no-such-fault")));
    assertThat(started).isEmpty();
    assertThat(tmp.resolve("experiments")).doesNotExist();
  }

  @Test
  void aRunThatCameOutInvalidIsRunAgainInItsSlotAndKept() throws Exception {
    int[] calls = {0};
    ExperimentRunner.Result r = runner(config -> {
      RunOutcome outcome = folderOnly(config);
      boolean invalid = calls[0]++ == 0; // the very first run: the generator fell behind
      try {
        Json.writeFile(outcome.directory().manifestFile(), new RunManifest(RunManifest.SCHEMA_VERSION,
            outcome.directory().runId(), config.label(), RunManifest.Status.COMPLETE, !invalid,
            invalid ? List.of("the generator fell behind") : List.of(), null, null, null, null, null, null, null,
            List.of(), null, Map.of()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return outcome;
    }).run(request("sample", "sample", 1, Map.of()), tmp);
    assertThat(started).extracting(RunConfig::label).containsExactly("baseline-1", "baseline-1-retry1", "candidate-1");
    assertThat(r.record().runs()).extracting(ExperimentRecord.RunEntry::valid).containsExactly(false, true, true);
    assertThat(r.record().runs().get(0).invalidReasons()).containsExactly("the generator fell behind");
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("is not valid for comparison (the generator fell behind)")
        .contains("retry 1 of 1");
  }

  @Test
  void aSideThatFailsTwiceInARowStopsTheExperiment() throws Exception {
    ExperimentRunner.Result r = runner(config -> {
      if (config.target().spec().contains("cpu-regex")) {
        started.add(config);
        throw new RunLauncher.RunFailedException("target exited with code 1 before /health answered", 3);
      }
      return folderOnly(config);
    }).run(request("sample:fault=cpu-regex", "sample", 3, Map.of()), tmp);
    assertThat(r.stoppedEarly()).isTrue();
    assertThat(r.record().runs()).extracting(ExperimentRecord.RunEntry::status)
        .containsExactly("FAILED", "COMPLETE", "COMPLETE", "FAILED");
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("failed 2 runs in a row; stopping the experiment");
  }
}
