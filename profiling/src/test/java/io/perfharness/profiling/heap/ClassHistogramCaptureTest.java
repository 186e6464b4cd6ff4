package io.perfharness.profiling.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfharness.profiling.ProfilingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real histograms of a real child JVM that keeps a known number of objects live: through the attach API
 * and through the jcmd tool, written to a run's heap folder and read back.
 */
class ClassHistogramCaptureTest {
    private static final String RETAINED = HeapTarget.Retained.class.getName();
    private static final Instant T = Instant.parse("2026-11-26T03:15:00.123Z");
    private static Process target;

    @TempDir Path runDir;

    @BeforeAll
    static void startTarget() throws Exception {
        Path testClasses = Path.of(HeapTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        target = new ProcessBuilder(javaTool("java"), "-Xmx64m", "-XX:+UseSerialGC", "-cp", testClasses.toString(),
                HeapTarget.class.getName()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return "failed to read: " + e;
            }
        }).get(30, TimeUnit.SECONDS);
        assertThat(first).as("first line of the target JVM").isEqualTo("ready");
    }

    @AfterAll
    static void stopTarget() throws InterruptedException {
        if (target != null) {
            target.destroyForcibly();
            target.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void attachCaptureCountsOnlyLiveObjectsAfterItsFullGc() throws ProfilingException {
        try (ClassHistogramCapture capture = ClassHistogramCapture.attach(target.pid(), Clock.fixed(T, ZoneOffset.UTC))) {
            CapturedHistogram captured = capture.capture();
            assertThat(captured.fullGcForced()).isTrue();
            assertThat(captured.durationMillis()).isNotNegative();
            assertThat(captured.histogram().timestamp()).isEqualTo(T);
            ClassHistogramEntry retained = captured.histogram().entry(RETAINED).orElseThrow();
            assertThat(retained.instances()).isEqualTo(HeapTarget.RETAINED);
            assertThat(retained.bytes() % retained.instances()).isZero();
            assertThat(captured.histogram().totalBytes())
                    .isEqualTo(captured.histogram().entries().stream().mapToLong(ClassHistogramEntry::bytes).sum());
            assertThat(captured.text()).contains("#instances").contains(RETAINED);

            // a second capture on the same connection sees the same live set
            assertThat(capture.capture().histogram().entry(RETAINED).orElseThrow().instances())
                    .isEqualTo(HeapTarget.RETAINED);
        }
    }

    @Test
    void writtenFileKeepsTheJvmTextAndReadsBack() throws ProfilingException, IOException {
        CapturedHistogram captured;
        try (ClassHistogramCapture capture = ClassHistogramCapture.attach(target.pid(), Clock.fixed(T, ZoneOffset.UTC))) {
            captured = capture.capture();
        }
        Path heap = runDir.resolve("heap");
        Path file = ClassHistogramWriter.write(heap, captured);
        assertThat(file).isEqualTo(heap.resolve("histo-" + T.toEpochMilli() + ".txt"));
        assertThat(Files.readString(file)).isEqualTo(captured.text());
        Files.writeString(heap.resolve("oom.hprof"), "not a histogram");
        List<ClassHistogram> all = ClassHistogramReader.readAll(heap);
        assertThat(all).containsExactly(captured.histogram());
        assertThatThrownBy(() -> ClassHistogramWriter.write(heap, captured)).isInstanceOf(ProfilingException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void jcmdToolOutputParsesTheSame() throws Exception {
        Process jcmd = new ProcessBuilder(javaTool("jcmd"), Long.toString(target.pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jcmd.exitValue()).as(text).isZero();
        assertThat(text).startsWith(target.pid() + ":");
        Path file = ClassHistogramFiles.fileFor(runDir, T);
        Files.writeString(file, text);
        ClassHistogram histogram = ClassHistogramReader.read(file);
        assertThat(histogram.timestamp()).isEqualTo(T);
        assertThat(histogram.entry(RETAINED).orElseThrow().instances()).isEqualTo(HeapTarget.RETAINED);
        assertThat(histogram.entries().get(0).bytes()).isGreaterThanOrEqualTo(histogram.entries().get(1).bytes());
    }

    @Test
    void aDeadPidIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> ClassHistogramCapture.attach(Long.MAX_VALUE / 2, Clock.systemUTC()))
                .isInstanceOf(ProfilingException.class).hasMessageContaining("cannot attach to pid");
    }

    @Test
    void fileNamesCarryEpochMillis() {
        assertThat(ClassHistogramFiles.timestampOf(Path.of("heap/histo-1764121500123.txt")))
                .isEqualTo(Instant.ofEpochMilli(1764121500123L));
        assertThat(ClassHistogramFiles.isHistogramFile(Path.of("heap/oom.hprof"))).isFalse();
        assertThatThrownBy(() -> ClassHistogramFiles.timestampOf(Path.of("histo-yesterday.txt")))
                .hasMessage("a histogram file name must be histo-<epochMillis>.txt but was 'histo-yesterday.txt'");
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
