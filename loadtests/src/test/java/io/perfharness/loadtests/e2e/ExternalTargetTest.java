package io.perfharness.loadtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.config.RunConfigParser;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.groundtruth.GroundTruthServer;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.SingleRequestMix;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM somebody else started ({@code url:} with {@code perf.pid}): loaded, profiled, sampled, and left running. */
class ExternalTargetTest {
  @TempDir Path out;

  @Test
  void aRunningJvmIsProfiledThroughItsPidAndLeftRunning() throws Exception {
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), GroundTruthServer.class.getName(), "--port=0", "--service-ms=2")
        .redirectErrorStream(true).start();
    try {
      String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertThat(line).startsWith("listening port=");
      String url = "http://127.0.0.1:" + line.substring("listening port=".length());
      RunOutcome outcome = RunLauncher.runInProcess(RunConfigParser.parse(Map.of("target", "url:" + url,
              "pid", Long.toString(server.pid()), "events", "cpu,wall", "warmup", "2s", "duration", "5s",
              "label", "external", "out", out.toString()), out),
          new SingleRequestMix("GET /work", "/work"), out.resolve("gatling-results"));

      assertThat(outcome.status()).isEqualTo(RunManifest.Status.COMPLETE);
      RunManifest manifest = outcome.directory().readManifest();
      assertThat(manifest.target().startedByHarness()).isFalse();
      assertThat(manifest.target().pid()).isEqualTo(server.pid());
      assertThat(manifest.profiler().events()).extracting(RunManifest.ProfiledEvent::name).containsExactly("cpu", "wall");
      // the ground-truth server's request handling is what its wall profile must show; its CPU
      // profile may not: it spreads 2 ms requests over hundreds of pool threads, and perf_events
      // samples a thread only after 10 ms of that thread's own CPU (see docs/profiling.md)
      assertThat(outcome.directory().collapsedFile("wall")).content().contains(GroundTruthServer.class.getName() + ".work");
      assertThat(manifest.profiler().events().get(0).totalCount()).isPositive();
      // JVM columns come from JMX through the pid, although this target has no /metrics
      assertThat(outcome.directory().timelineFile()).content().containsPattern("\\n\\d+,[\\d.]+,measure,\\d+,");
      assertThat(server.isAlive()).as("a target we did not start is never stopped").isTrue();
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
