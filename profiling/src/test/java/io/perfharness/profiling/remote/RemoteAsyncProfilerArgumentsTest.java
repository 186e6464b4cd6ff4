package io.perfharness.profiling.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.profiling.event.ProfilingEvent;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent arguments sent over JMX and the agent jar written from the harness's ap-loader jar. */
class RemoteAsyncProfilerArgumentsTest {
    @TempDir Path dir;

    @Test
    void startAndDumpArgumentsMatchTheAttachPathsUnits() {
        RemoteAsyncProfiler.CpuEngine perf = new RemoteAsyncProfiler.CpuEngine("perf_events", "started");
        RemoteAsyncProfiler.CpuEngine ctimer = new RemoteAsyncProfiler.CpuEngine("ctimer", "refused");
        assertThat(RemoteAsyncProfiler.startArguments(ProfilingEvent.CPU, 10_000_000, perf))
                .isEqualTo("start,event=cpu-clock,interval=10000000");
        assertThat(RemoteAsyncProfiler.startArguments(ProfilingEvent.CPU, 10_000_000, ctimer))
                .isEqualTo("start,event=ctimer,interval=10000000");
        assertThat(RemoteAsyncProfiler.startArguments(ProfilingEvent.ALLOC, 524_288, null))
                .isEqualTo("start,event=alloc,alloc=524288");
        assertThat(RemoteAsyncProfiler.startArguments(ProfilingEvent.LOCK, 10_000, null))
                .isEqualTo("start,event=lock,lock=10000");
        assertThat(RemoteAsyncProfiler.startArguments(ProfilingEvent.WALL, 20_000_000, null))
                .isEqualTo("start,event=wall,interval=20000000");
        // bytes and nanoseconds (total), samples otherwise; dotted class names as JfrToCollapsedProfiles writes
        assertThat(RemoteAsyncProfiler.dumpArguments("collapsed", ProfilingEvent.CPU)).isEqualTo("collapsed,dot");
        assertThat(RemoteAsyncProfiler.dumpArguments("collapsed", ProfilingEvent.ALLOC)).isEqualTo("collapsed,dot,total");
        assertThat(RemoteAsyncProfiler.dumpArguments("collapsed", ProfilingEvent.LOCK)).isEqualTo("collapsed,dot,total");
    }

    @Test
    void agentJarStartsAsyncProfilersOwnAgentWithTheLibraryBesideIt() throws Exception {
        AsyncProfilerAgentJar.AgentFiles files = AsyncProfilerAgentJar.write(dir);
        try (JarFile jar = new JarFile(files.agentJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Premain-Class")).isEqualTo("one.profiler.Agent");
            assertThat(jar.getEntry("one/profiler/Agent.class")).isNotNull();
            assertThat(jar.getEntry("one/profiler/AsyncProfilerMXBean.class")).isNotNull();
        }
        assertThat(files.library()).isRegularFile().hasFileName("libasyncProfiler.so");
        assertThat(AsyncProfilerAgentJar.jvmOptions(files)).containsExactly(
                "-javaagent:" + files.agentJar().toAbsolutePath(),
                "-Done.profiler.libraryPath=" + files.library().toAbsolutePath());
    }
}
