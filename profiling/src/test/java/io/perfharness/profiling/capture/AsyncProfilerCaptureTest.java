package io.perfharness.profiling.capture;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.event.CountUnit;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.query.CostOrder;
import io.perfharness.profiling.query.FrameCost;
import io.perfharness.profiling.query.FrameCostTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real async-profiler against a real child JVM ({@link ProfiledTarget}). */
class AsyncProfilerCaptureTest {
    private static final String TARGET = "io.perfharness.profiling.capture.ProfiledTarget";
    private static TargetJvm target;

    @BeforeAll
    static void startTarget() throws Exception {
        target = TargetJvm.start();
    }

    @AfterAll
    static void stopTarget() throws Exception {
        if (target != null) {
            target.close();
        }
    }

    @AfterEach
    void leaveTheTargetUnprofiled() throws Exception {
        if (AsyncProfilerCapture.isProfilerActive(target.pid())) {
            AsprofTool.bundled().run("stop", Long.toString(target.pid()));
        }
    }

    @Test
    void capturesCpuAllocLockAndWallAtOnceAndFindsTheDistinctiveFrames(@TempDir Path dir) throws Exception {
        PreflightReport preflight = ProfilerPreflight.check(target.pid(), List.of("cpu", "alloc", "lock", "wall"))
                .throwIfErrors();
        assertThat(preflight.events()).containsExactlyInAnyOrder(ProfilingEvent.values());
        Clock clock = new StepClock(1_000_000L, 2_500L);
        CaptureSettings settings = CaptureSettings.defaults(EnumSet.allOf(ProfilingEvent.class));
        Path jfr = dir.resolve("profile/recording.jfr");

        CaptureInfo info;
        try (AsyncProfilerCapture capture = AsyncProfilerCapture.create(clock)) {
            capture.start(target.pid(), settings, jfr);
            assertThat(capture.isActive()).isTrue();
            assertThat(AsyncProfilerCapture.isProfilerActive(target.pid())).isTrue();
            // A real profiler samples real time: there is no clock to advance in the target.
            Thread.sleep(2_500);
            info = capture.stop();
            assertThat(capture.isActive()).isFalse();
            assertThat(capture.stop()).as("stopping twice is harmless").isSameAs(info);
        }
        assertThat(AsyncProfilerCapture.isProfilerActive(target.pid())).as("detached").isFalse();

        assertThat(info.pid()).isEqualTo(target.pid());
        assertThat(info.profilerVersion()).isEqualTo("4.5");
        assertThat(info.cpuEngine()).isIn("perf_events", "ctimer", "itimer");
        assertThat(info.cpuEngineFallback()).isEqualTo(!info.cpuEngine().equals("perf_events"));
        assertThat(info.startEpochMillis()).isEqualTo(1_000_000L);
        assertThat(info.stopEpochMillis()).isEqualTo(1_002_500L);
        assertThat(info.recordingEndEpochMillis() - info.recordingStartEpochMillis()).isBetween(2_000L, 60_000L);
        assertThat(info.jfrPath()).isEqualTo(jfr.toAbsolutePath()).isRegularFile();
        assertThat(RecordingSettings.read(jfr).values()).contains(Map.entry("interval", "10000000"),
                Map.entry("wall", "20000000"), Map.entry("alloc", "524288"), Map.entry("lock", "10000"));

        long conversionStart = System.nanoTime();
        Map<ProfilingEvent, ConvertedProfile> profiles = JfrToCollapsedProfiles
                .convert(jfr, settings.events(), dir.resolve("profile")).stream()
                .collect(Collectors.toMap(ConvertedProfile::event, Function.identity()));
        System.out.printf("converted 4 events in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - conversionStart));

        assertThat(profiles).containsOnlyKeys(ProfilingEvent.values());
        for (ConvertedProfile profile : profiles.values()) {
            assertThat(profile.collapsedFile()).hasFileName(profile.event().id() + ".collapsed");
            assertThat(CollapsedReader.strict().read(profile.collapsedFile()).profile()).isEqualTo(profile.profile());
            assertThat(Files.readString(profile.htmlFile())).contains("<html").contains(TARGET);
            assertThat(Files.readString(profile.collapsedFile())).doesNotContain("_[j]").doesNotContain("$$Lambda$");
        }

        ConvertedProfile cpu = profiles.get(ProfilingEvent.CPU);
        assertThat(cpu.countUnit()).isEqualTo(CountUnit.SAMPLES);
        assertThat(frames(cpu, CostOrder.SELF, 5)).contains(TARGET + ".spinDistinctiveCpu");
        // One spinning thread at a 10 ms interval; the shared CI cores may give it less than a core.
        assertThat(cpu.profile().totalCount()).isBetween(20L, 2_500L);

        ConvertedProfile alloc = profiles.get(ProfilingEvent.ALLOC);
        assertThat(alloc.countUnit()).isEqualTo(CountUnit.BYTES);
        assertThat(frames(alloc, CostOrder.SELF, 3)).contains(TARGET + "$DistinctiveAllocation");
        assertThat(cost(alloc, TARGET + ".allocateDistinctively").inclusiveShare()).isGreaterThan(0.5);
        // Bytes, not sample counts: ~90 MB/s are allocated; a count of events would be a few hundred.
        assertThat(alloc.profile().totalCount()).isGreaterThan(10_000_000L);

        ConvertedProfile lock = profiles.get(ProfilingEvent.LOCK);
        assertThat(lock.countUnit()).isEqualTo(CountUnit.NANOSECONDS);
        assertThat(frames(lock, CostOrder.SELF, 3)).contains(TARGET + "$DistinctiveLock");
        assertThat(cost(lock, TARGET + ".contendDistinctively").inclusiveShare()).isGreaterThan(0.9);
        // Nanoseconds waited: two contenders each wait about half of 2.5 s.
        assertThat(lock.profile().totalCount()).isGreaterThan(300_000_000L);

        ConvertedProfile wall = profiles.get(ProfilingEvent.WALL);
        assertThat(wall.countUnit()).isEqualTo(CountUnit.SAMPLES);
        assertThat(cost(wall, TARGET + ".sleepDistinctively").inclusiveCount()).isGreaterThan(10);
    }

    @Test
    void theShutdownHookStopsAnActiveSession(@TempDir Path dir) throws Exception {
        AsyncProfilerCapture capture = AsyncProfilerCapture.create();
        capture.start(target.pid(), CaptureSettings.defaults(Set.of(ProfilingEvent.CPU)), dir.resolve("r.jfr"));
        Thread hook = capture.shutdownHook();
        assertThat(hook).isNotNull();

        hook.run(); // what the JVM does on Ctrl-C, here synchronously

        assertThat(capture.isActive()).isFalse();
        assertThat(AsyncProfilerCapture.isProfilerActive(target.pid())).isFalse();
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("hook was deregistered").isFalse();
        assertThat(capture.stop().cpuEngine()).isNotEqualTo(CaptureInfo.NO_CPU_ENGINE);
        capture.close();
    }

    @Test
    void aSecondSessionOnTheSameJvmFailsWithAsprofsOwnMessageAndPreflightSaysWhy(@TempDir Path dir) throws Exception {
        try (AsyncProfilerCapture first = AsyncProfilerCapture.create();
             AsyncProfilerCapture second = AsyncProfilerCapture.create()) {
            first.start(target.pid(), CaptureSettings.defaults(Set.of(ProfilingEvent.WALL)), dir.resolve("a.jfr"));

            assertThatThrownBy(() -> second.start(target.pid(), CaptureSettings.defaults(Set.of(ProfilingEvent.CPU)),
                    dir.resolve("b.jfr")))
                    .isInstanceOf(ProfilingException.class)
                    .hasMessageContaining("pid " + target.pid())
                    .hasMessageContaining("Profiler already started");
            assertThat(second.isActive()).isFalse();
            assertThat(ProfilerPreflight.check(target.pid(), List.of("cpu")).errors())
                    .extracting(PreflightProblem::problem)
                    .anySatisfy(p -> assertThat(p).contains("already running in JVM " + target.pid()));
            assertThat(first.stop().cpuEngine()).isEqualTo(CaptureInfo.NO_CPU_ENGINE);
        }
    }

    @Test
    void attachingToADeadPidIsAClearErrorNamingThePid(@TempDir Path dir) throws Exception {
        long deadPid = deadPid();
        try (AsyncProfilerCapture capture = AsyncProfilerCapture.create()) {
            assertThatThrownBy(() -> capture.start(deadPid, CaptureSettings.defaults(Set.of(ProfilingEvent.CPU)),
                    dir.resolve("r.jfr")))
                    .isInstanceOf(ProfilingException.class)
                    .hasMessage("cannot profile pid " + deadPid + ": no such process is running");
            assertThat(capture.isActive()).isFalse();
        }
    }

    @Test
    void preflightReportsEveryProblemAtOnce() throws Exception {
        long deadPid = deadPid();

        PreflightReport report = ProfilerPreflight.check(deadPid, List.of("cpu", "heap", "wall"));

        assertThat(report.errors()).extracting(PreflightProblem::problem).containsExactly(
                "event 'heap' is not supported", "process " + deadPid + " is not running");
        assertThat(report.errors().get(0).remedy()).contains("cpu, alloc, lock, wall");
        assertThat(report.events()).containsExactlyInAnyOrder(ProfilingEvent.CPU, ProfilingEvent.WALL);
        assertThatThrownBy(report::throwIfErrors).isInstanceOf(ProfilingException.class)
                .hasMessageContaining("found 2 error(s)").hasMessageContaining("'heap'")
                .hasMessageContaining("process " + deadPid);
    }

    @Test
    void preflightRecognisesAProcessThatIsNotAJvm() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            PreflightReport report = ProfilerPreflight.check(sleeper.pid(), List.of("alloc"));

            assertThat(report.errors()).singleElement().satisfies(p ->
                    assertThat(p.problem()).startsWith("process " + sleeper.pid()).contains("is not a JVM"));
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static List<String> frames(ConvertedProfile profile, CostOrder order, int limit) {
        return FrameCostTable.of(profile.profile()).top(limit, order).rows().stream().map(FrameCost::frame)
                .collect(Collectors.toList());
    }

    private static FrameCost cost(ConvertedProfile profile, String frame) {
        return FrameCostTable.of(profile.profile()).cost(frame)
                .orElseThrow(() -> new AssertionError(frame + " not in the " + profile.event().id() + " profile"));
    }

    /** Returns {@code first}, then {@code first + step}, and so on: start and stop stamps without waiting. */
    private static final class StepClock extends Clock {
        private long nextMillis;
        private final long stepMillis;

        StepClock(long firstMillis, long stepMillis) {
            this.nextMillis = firstMillis;
            this.stepMillis = stepMillis;
        }

        @Override
        public synchronized long millis() {
            long now = nextMillis;
            nextMillis += stepMillis;
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
