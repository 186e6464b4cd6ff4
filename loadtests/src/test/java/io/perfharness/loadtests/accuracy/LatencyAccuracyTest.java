package io.perfharness.loadtests.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.latency.LatencyStats;
import io.perfharness.core.latency.LatencySummaryJsonReader;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.groundtruth.GroundTruthServer;
import io.perfharness.loadtests.run.RunOutcome;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyAccuracyTest {
  @TempDir Path out;

  @Test
  void fixedServiceTimeIsMeasuredWithinTenPercentPlusRoundTrip() throws Exception {
    try (GroundTruthServer server = new GroundTruthServer(
        GroundTruthServer.ServiceTime.fixed(Duration.ofMillis(2)), null, Duration.ZERO)) {
      RunOutcome outcome = GroundTruthRuns.run(server, out, "2s", "8s", "100", "fixed2ms");
      assertThat(outcome.status()).isEqualTo(RunManifest.Status.COMPLETE);
      LatencyStats s = LatencySummaryJsonReader.read(outcome.directory().latencyDir().resolve("summary.json")).overall();
      System.out.println("fixed 2ms: " + s);
      System.out.println(java.nio.file.Files.readString(outcome.directory().summaryFile()));
      assertThat(s.p50Micros()).isBetween(2_000L, 2_200L + 1_000L);
    }
  }
}
