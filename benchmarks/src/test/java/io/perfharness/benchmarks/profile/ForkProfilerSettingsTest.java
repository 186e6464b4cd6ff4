package io.perfharness.benchmarks.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfharness.profiling.event.ProfilingEvent;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ForkProfilerSettingsTest {
    @Test
    void initLineRoundTripsAndBuildsTheStartCommand() {
        ForkProfilerSettings settings = ForkProfilerSettings.parse(
                "dir=/tmp/forks;events=cpu,lock;cpuInterval=1000000;lockThreshold=20000");
        assertThat(settings.dir()).isEqualTo(Path.of("/tmp/forks"));
        assertThat(settings.capture().events()).containsExactly(ProfilingEvent.CPU, ProfilingEvent.LOCK);
        assertThat(ForkProfilerSettings.parse(settings.toInitLine())).isEqualTo(settings);
        assertThat(settings.startCommand(Path.of("/tmp/forks/a/fork-1/profile.jfr")))
                .isEqualTo("start,event=cpu,interval=1000000,lock=20000,jfr,file=/tmp/forks/a/fork-1/profile.jfr");
    }

    @Test
    void withoutCpuNoCpuSamplerIsStarted() {
        ForkProfilerSettings settings = ForkProfilerSettings.parse("dir=/x;events=alloc");
        assertThat(settings.startCommand(Path.of("/x/p.jfr"))).isEqualTo("start,alloc=524288,jfr,file=/x/p.jfr");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> ForkProfilerSettings.parse("events=cpu,heap;cpuInterval=-1;color=red;junk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'junk' is not key=value")
                .hasMessageContaining("dir is missing")
                .hasMessageContaining("event 'heap' is unknown")
                .hasMessageContaining("cpuInterval must be a positive integer but was '-1'")
                .hasMessageContaining("'color' is not an option");
    }
}
