package io.perfharness.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.benchmarks.profile.ForkRecord;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.capture.CaptureSettings;
import io.perfharness.profiling.event.ProfilingEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkToRunDirectoryTest {
    static final CaptureSettings CPU_ALLOC_LOCK =
            CaptureSettings.defaults(EnumSet.of(ProfilingEvent.CPU, ProfilingEvent.ALLOC, ProfilingEvent.LOCK));

    /** A fork that died after its first measured iteration: kept, but INCOMPLETE and not comparable. */
    @Test
    void aForkThatDiedMidMeasurementIsIncompleteAndInvalid(@TempDir Path tmp) throws Exception {
        Path forkDir = Files.createDirectories(tmp.resolve("staging/fork-1"));
        ForkRecord died = new ForkRecord(ForkRecord.PROFILING, "a.B.m", "thrpt", Map.of("fault", "faulty"), "ops/ms", 1,
                5, 0, 1, 2, 250, 1, 200, 42, "17.0.15", "4.5", "profile.jfr", 1_795_000_000_000L, 1_795_000_000_100L,
                1_795_000_000_300L, null, 1_795_000_000_290L, null,
                List.of(new ForkRecord.MeasuredIteration(1, 12.5, 3_200, 3_125, 1_795_000_000_300L, 1_795_000_000_550L)),
                List.of());
        RunDirectory dir = ForkToRunDirectory.write(forkDir, died, new ForkToRunDirectory.Invocation("faulty",
                tmp.resolve("out/faulty"), CPU_ALLOC_LOCK, "./perf bench a.B.m --label faulty", Map.of()));

        assertThat(dir.runId()).isEqualTo("20261118T110640Z-faulty-fork1");
        RunManifest run = dir.readManifest();
        assertThat(run.status()).isEqualTo(RunManifest.Status.INCOMPLETE);
        assertThat(run.validForComparison()).isFalse();
        assertThat(run.invalidReasons()).containsExactly(
                "the fork did not finish its measurement (1 of 2 measured iterations recorded; status PROFILING)",
                "no profile was recorded");
        assertThat(run.target().spec()).isEqualTo("a.B.m:fault=faulty");
        assertThat(run.load().requestsCompleted()).isEqualTo(3_200L);
        assertThat(Files.readString(dir.root().resolve("jmh/score.json"))).contains("\"operations\" : 3200",
                "\"measuredOperations\" : 3125", "\"score\" : 12.5");
    }

    @Test
    void intervalsAreWrittenAsLoadRunsWriteThem() {
        assertThat(ForkToRunDirectory.intervalText(CPU_ALLOC_LOCK, ProfilingEvent.CPU)).isEqualTo("10ms");
        assertThat(ForkToRunDirectory.intervalText(CPU_ALLOC_LOCK, ProfilingEvent.ALLOC)).isEqualTo("512KiB");
        assertThat(ForkToRunDirectory.intervalText(CPU_ALLOC_LOCK, ProfilingEvent.LOCK)).isEqualTo("10us threshold");
    }
}
