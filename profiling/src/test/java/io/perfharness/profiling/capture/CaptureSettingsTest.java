package io.perfharness.profiling.capture;

import io.perfharness.profiling.event.ProfilingEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptureSettingsTest {

    @Test
    void defaultsAreTenMsCpuTwentyMsWallHalfAMegabyteAllocTenMicrosecondsLock() {
        CaptureSettings settings = CaptureSettings.defaults(List.of(ProfilingEvent.WALL, ProfilingEvent.CPU));

        assertThat(settings.cpuIntervalNanos()).isEqualTo(10_000_000L);
        assertThat(settings.wallIntervalNanos()).isEqualTo(20_000_000L);
        assertThat(settings.allocIntervalBytes()).isEqualTo(524_288L);
        assertThat(settings.lockThresholdNanos()).isEqualTo(10_000L);
        assertThat(settings.events()).containsExactly(ProfilingEvent.CPU, ProfilingEvent.WALL);
        assertThat(settings.sampleIntervalNanos(ProfilingEvent.WALL)).isEqualTo(20_000_000L);
        assertThat(settings.sampleIntervalNanos(ProfilingEvent.ALLOC)).isZero();
        assertThat(settings.intervalFor(ProfilingEvent.ALLOC)).isEqualTo(524_288L);
        assertThat(settings.intervalFor(ProfilingEvent.LOCK)).isEqualTo(10_000L);
        assertThat(ProfilingEvent.LOCK.countUnit().id()).isEqualTo("nanoseconds");
        assertThat(ProfilingEvent.byId(" CPU ")).contains(ProfilingEvent.CPU);
        assertThat(ProfilingEvent.byId("heap")).isEmpty();
    }

    @Test
    void rejectsNoEventsAndNonPositiveIntervals() {
        assertThatThrownBy(() -> CaptureSettings.defaults(List.of()))
                .hasMessage("events must not be empty; choose from cpu, alloc, lock, wall");
        assertThatThrownBy(() -> new CaptureSettings(Set.of(ProfilingEvent.CPU), 0, 1, 1, 1))
                .hasMessage("cpuIntervalNanos must be > 0 but was 0");
        assertThatThrownBy(() -> new CaptureSettings(Set.of(ProfilingEvent.CPU), 1, 1, -5, 1))
                .hasMessage("allocIntervalBytes must be > 0 but was -5");
    }

    @Test
    void startsAllEventsInOneAsprofSessionWithUnitlessNanosecondsAndBytes() {
        String[] args = AsprofArguments.start(CaptureSettings.defaults(EnumSet.allOf(ProfilingEvent.class)),
                Path.of("/runs/r1/profile/recording.jfr"), 4242);

        assertThat(String.join(" ", args)).isEqualTo("start -e cpu -i 10000000 --alloc 524288 --lock 10000"
                + " --wall 20000000 -o jfr -f /runs/r1/profile/recording.jfr 4242");
    }

    @Test
    void withoutCpuThereIsNoEventFlagSoNoCpuSamplerRuns() {
        String[] args = AsprofArguments.start(CaptureSettings.defaults(Set.of(ProfilingEvent.ALLOC)),
                Path.of("/tmp/r.jfr"), 7);

        assertThat(args).containsExactly("start", "--alloc", "524288", "-o", "jfr", "-f", "/tmp/r.jfr", "7");
        assertThat(AsprofArguments.stop(Path.of("/tmp/r.jfr"), 7))
                .containsExactly("stop", "-o", "jfr", "-f", "/tmp/r.jfr", "7");
    }

    @Test
    void readsAsprofVersionAndStatusText() {
        assertThat(AsprofTool.parseVersion("Async-profiler 4.5 built on Jul 13 2026\n")).isEqualTo("4.5");
        assertThat(AsprofTool.parseVersion("something else")).isEqualTo("something else");
        assertThat(AsprofArguments.statusSaysRunning("Profiling is running for 12 seconds\n")).isTrue();
        assertThat(AsprofArguments.statusSaysRunning("Profiler is not active\n")).isFalse();
    }
}
