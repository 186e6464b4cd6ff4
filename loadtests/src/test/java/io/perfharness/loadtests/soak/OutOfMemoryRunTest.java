package io.perfharness.loadtests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.config.RunConfigParser;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.SingleRequestMix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run whose target (a java command the harness starts, so it gets the out-of-memory flags) dies of
 * OutOfMemoryError mid-run: the run ends INCOMPLETE with exit 3, says so, points at the dump it left in the
 * run directory, and keeps what the soak sampler had taken.
 */
class OutOfMemoryRunTest {
  @TempDir Path out;

  @Test
  void aTargetDyingOfOutOfMemoryEndsTheRunCleanlyAndPointsAtTheDump() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String target = "cmd:" + java + " -Xmx32m -XX:+UseSerialGC -cp " + System.getProperty("java.class.path") + " "
        + LeakingHttpTarget.class.getName() + " --port={port}";
    RunOutcome outcome = RunLauncher.runInProcess(RunConfigParser.parse(Map.of("target", target, "events", "none",
        "warmup", "2s", "duration", "12s", "histoInterval", "2s", "label", "oom", "out", out.toString()), out),
        new SingleRequestMix("GET /leak", "/leak"), out.resolve("gatling-results"));

    assertThat(outcome.status()).isEqualTo(RunManifest.Status.INCOMPLETE);
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.EXIT_TARGET_FAILED);
    RunDirectory dir = outcome.directory();
    assertThat(outcome.message()).startsWith("target died of OutOfMemoryError (")
        .contains("Java heap space").contains(dir.root().resolve("heap/oom.hprof").toString());

    RunManifest manifest = dir.readManifest();
    assertThat(manifest.warnings().get(0)).startsWith("run incomplete: target died of OutOfMemoryError");
    RunManifest.Heap heap = manifest.heap();
    assertThat(heap.heapDumpFile()).isEqualTo("heap/oom.hprof");
    assertThat(heap.outOfMemory().exitCode()).isEqualTo(3);
    assertThat(heap.outOfMemory().heapDumpFile()).isEqualTo("heap/oom.hprof");
    assertThat(heap.outOfMemory().heapDumpWritten()).isTrue();
    assertThat(heap.outOfMemory().errorLine()).contains("java.lang.OutOfMemoryError");
    assertThat(Files.size(dir.root().resolve("heap/oom.hprof"))).isGreaterThan(1_000_000);
    assertThat(heap.histogramIntervalMillis()).isEqualTo(2_000);
    assertThat(Files.readString(dir.summaryFile())).contains("target died of OutOfMemoryError").contains("heap/oom.hprof");
    assertThat(manifest.target().exitCode()).isEqualTo(3);
  }
}
