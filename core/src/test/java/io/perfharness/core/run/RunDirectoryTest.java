package io.perfharness.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
  @TempDir Path out;

  @Test
  void runIdIsUtcTimeAndLabelAndNeverReused() throws Exception {
    Instant t = Instant.parse("2026-11-26T03:15:00Z");
    RunDirectory a = RunDirectory.create(out, t, "baseline");
    RunDirectory b = RunDirectory.create(out, t, "baseline");
    assertThat(a.runId()).isEqualTo("20261126T031500Z-baseline");
    assertThat(b.runId()).isEqualTo("20261126T031500Z-baseline-2");
  }

  @Test
  void manifestRoundTripsAndOmitsUnknownFacts() throws Exception {
    RunDirectory dir = RunDirectory.create(out, Instant.EPOCH, "x");
    RunManifest m = new RunManifest(RunManifest.SCHEMA_VERSION, dir.runId(), "x", RunManifest.Status.COMPLETE,
        true, List.of(), new RunManifest.Target("sample", "sample", List.of(), "http://127.0.0.1:1", 42L,
            null, true, null, null, null, null),
        null, new RunManifest.Windows(1L, 1L, 2L, 3L, 4L, 1, 1), null, null, null, "0.1.0", List.of(), "mvn gatling:test",
        Map.of("perf.seed", "1"));
    dir.writeManifest(m);
    assertThat(RunDirectory.open(dir.root()).readManifest()).isEqualTo(m);
    String json = Files.readString(dir.manifestFile());
    assertThat(json).contains("\"schemaVersion\" : 1").doesNotContain("gitCommit").doesNotContain("null");
  }

  @Test
  void openingAFolderWithoutManifestSaysSo() {
    assertThatThrownBy(() -> RunDirectory.open(out)).hasMessageContaining("has no run.json");
  }
}
