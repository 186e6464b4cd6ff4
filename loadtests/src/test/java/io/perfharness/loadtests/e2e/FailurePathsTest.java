package io.perfharness.loadtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.RunConfigParser;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.groundtruth.GroundTruthServer;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.SingleRequestMix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target that does not start, one that dies mid-run, a remote host: clear failure, right exit code, data kept. */
class FailurePathsTest {
  @TempDir Path out;

  private static String groundTruthCommand(String extra) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return "cmd:" + java + " -cp " + System.getProperty("java.class.path") + " "
        + GroundTruthServer.class.getName() + " --port={port} " + extra;
  }

  private RunOutcome run(Map<String, String> options) throws Exception {
    RunConfig config = RunConfigParser.parse(options, out);
    return RunLauncher.runInProcess(config, new SingleRequestMix("GET /work", "/work"), out.resolve("gatling-results"));
  }

  @Test
  void aTargetThatDoesNotStartFailsWithExitThreeAndKeepsItsLog() throws Exception {
    assertThatThrownBy(() -> run(Map.of("target", groundTruthCommand("--no-such-option"), "events", "none",
            "warmup", "1s", "duration", "2s", "out", out.toString(), "startTimeout", "20s")))
        .isInstanceOfSatisfying(RunLauncher.RunFailedException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(RunOutcome.EXIT_TARGET_FAILED);
          assertThat(e.getMessage()).contains("exited with code 2").contains("unknown option '--no-such-option'");
        });
    RunDirectory dir = onlyRun();
    assertThat(dir.readManifest().status()).isEqualTo(RunManifest.Status.INCOMPLETE);
    assertThat(Files.readString(dir.targetLogFile())).contains("unknown option");
  }

  @Test
  void aTargetThatDiesMidRunEndsTheRunIncompleteWithWhatWasRecorded() throws Exception {
    RunOutcome outcome = run(Map.of("target", groundTruthCommand("--exit-after=5s"), "events", "cpu",
        "warmup", "1s", "duration", "8s", "rate", "50", "label", "dies", "out", out.toString()));
    assertThat(outcome.status()).isEqualTo(RunManifest.Status.INCOMPLETE);
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.EXIT_TARGET_FAILED);
    assertThat(outcome.message()).contains("exited with code 1");
    RunManifest manifest = outcome.directory().readManifest();
    assertThat(manifest.validForComparison()).isFalse();
    assertThat(manifest.warnings().get(0)).startsWith("run incomplete: the target exited");
    // the requests before the crash are kept, exactly
    assertThat(manifest.load().requestsCompleted()).isPositive();
    assertThat(outcome.directory().latencyDir().resolve("summary.json")).isRegularFile();
    assertThat(outcome.directory().summaryFile()).content().contains("INCOMPLETE");
  }

  @Test
  void aRemoteHostIsRefusedBeforeAnythingStarts() {
    // 192.0.2.1 is TEST-NET-1: the guard refuses it from the literal address, nothing is sent
    assertThatThrownBy(() -> run(Map.of("target", "url:http://192.0.2.1:8080", "events", "none",
            "warmup", "1s", "duration", "2s", "out", out.toString())))
        .isInstanceOfSatisfying(RunLauncher.RunFailedException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(RunOutcome.EXIT_BAD_INPUT);
          assertThat(e.getMessage()).contains("192.0.2.1").contains("-Dperf.allowRemote=true");
        });
    assertThat(out).as("no run directory is left behind").isDirectoryNotContaining("glob:**-run");
  }

  @Test
  void anUnknownFaultIsRefusedBeforeAnythingStartsNamingTheKnownOnes() {
    assertThatThrownBy(() -> run(Map.of("target", "sample:fault=cpu-regex,cpu-regx", "events", "none",
            "warmup", "1s", "duration", "2s", "out", out.toString())))
        .isInstanceOfSatisfying(RunLauncher.RunFailedException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(RunOutcome.EXIT_BAD_INPUT);
          assertThat(e.getMessage()).contains("unknown fault 'cpu-regx'").contains("lock-contention");
        });
    assertThat(out).as("no run directory is left behind").isDirectoryNotContaining("glob:**-run");
  }

  private RunDirectory onlyRun() throws Exception {
    try (Stream<Path> dirs = Files.list(out)) {
      Path run = dirs.filter(p -> Files.isRegularFile(p.resolve("run.json"))).findFirst().orElseThrow();
      return RunDirectory.open(run);
    }
  }
}
