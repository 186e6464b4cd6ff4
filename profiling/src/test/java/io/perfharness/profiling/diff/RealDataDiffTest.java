package io.perfharness.profiling.diff;

import io.perfharness.profiling.RealData;
import io.perfharness.profiling.collapsed.CollapsedFormatException;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.collapsed.JfrParserVariantReader;
import io.perfharness.profiling.collapsed.LineProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealDataDiffTest {
    private static final String KAFKA_0 = "jfr-parser-variant/"
            + "cortex-dev-01__kafka-0__cpu__0_0_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz";
    private static final String KAFKA_1 = "jfr-parser-variant/"
            + "cortex-dev-01__kafka-0__cpu__1_0_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz";
    /** The Kafka profiles' values are CPU nanoseconds, one 10 ms sample each. */
    private static final long NANOS_PER_SAMPLE = 10_000_000;

    private static CollapsedProfile plain(String name) throws Exception {
        return CollapsedReader.strict().read(RealData.stacks().resolve(name)).profile();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FlameGraph_perf-vertx-stacks-01-collapsed-all.txt",
        "FlameGraph_perf-java-stacks-01-collapsed-all.txt",
        "FlameGraph_perf-java-stacks-01-collapsed-jit.txt",
        "FlameGraph_perf-iperf-stacks-pidtid-01-collapsed-all.txt",
        "FlameGraph_perf-rust-Yamakaky-dcpu-collapsed-all.txt",
        "converted-from-jfr/grafana-jfr-parser_cortex-dev-01__kafka-0__cpu__0.cpu.collapsed",
        "converted-from-jfr/speedscope_heavy.cpu.collapsed"})
    void streamingAFileGivesTheSameModelAsReadingItWithTheStrictReader(String name) throws Exception {
        Path file = RealData.stacks().resolve(name);
        Path other = RealData.stacks().resolve("FlameGraph_perf-numa-stacks-01-collapsed-all.txt");

        ProfileDiffModel streamed = ProfileDiff.compute(
                DiffInput.of("baseline", RunProfileSample.ofCollapsedFile(other, 7, 10.0)),
                DiffInput.of("candidate", RunProfileSample.ofCollapsedFile(file, 3, 10.0)));
        ProfileDiffModel inMemory = ProfileDiff.compute(
                DiffInput.of("baseline", RunProfileSample.of(plain("FlameGraph_perf-numa-stacks-01-collapsed-all.txt"), 7, 10.0)),
                DiffInput.of("candidate", RunProfileSample.of(plain(name), 3, 10.0)));

        assertThat(streamed).isEqualTo(inMemory);
        assertThat(streamed.candidate().totalCount()).isEqualTo(plain(name).totalCount());
    }

    @Test
    void asyncProfilersOwnDiffFixturesDiffAfterNormalization() throws Exception {
        Path dir = RealData.stacks();
        ProfileDiffModel model = ProfileDiff.compute(
                DiffInput.of("sample1", RunProfileSample.ofCollapsedFile(dir.resolve("async-profiler_jfrconverter_sample1.collapsed"), 1, 1.0)),
                DiffInput.of("sample2", RunProfileSample.ofCollapsedFile(dir.resolve("async-profiler_jfrconverter_sample2.collapsed"), 1, 1.0)));

        // the _[j] suffixes are gone before matching
        assertThat(model.frames()).extracting(FrameDiff::frame).noneMatch(f -> f.endsWith("_[j]"));
        assertThat(model.baseline().totalCount()).isEqualTo(plain("async-profiler_jfrconverter_sample1.collapsed").totalCount());
        assertThat(model.tree().baselineTotalCount()).isEqualTo(model.baseline().totalCount());
        assertThat(model.tree().candidateTotalCount()).isEqualTo(model.candidate().totalCount());
        // every root frame's inclusive cost adds up to the whole profile
        assertThat(model.tree().children().stream().mapToLong(DiffTreeNode::candidateTotalCount).sum())
                .isEqualTo(model.candidate().totalCount());
    }

    @Test
    void theJfrParserVariantDiffsAgainstItselfToNothing() throws Exception {
        Path file = RealData.stacks().resolve(
                "jfr-parser-variant/goland_4_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz");
        CollapsedProfile goland = JfrParserVariantReader.strict().read(file).profile();

        ProfileDiffModel model = ProfileDiff.compute(DiffInput.of("a", RunProfileSample.of(goland, 1, 1e-6)),
                DiffInput.of("b", RunProfileSample.of(goland, 1, 1e-6)));

        assertThat(model.frames()).hasSizeGreaterThan(1000);
        assertThat(model.frames()).allSatisfy(f -> assertThat(f.inclusiveDeltaPerRequest()).isZero());
        assertThat(model.appearedPaths()).isEmpty();
        assertThat(model.vanishedPaths()).isEmpty();
        assertThat(model.stableAncestorMoves()).isEmpty();
        // line numbers are dropped, so frames compare with async-profiler's
        assertThat(model.frames()).extracting(FrameDiff::frame).noneMatch(f -> f.matches(".*:\\d+$"));
    }

    @Test
    void aMalformedLineInAStreamedFileFailsWithFileAndLineNumber(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("base.collapsed");
        Files.writeString(good, "a;b 1\n", StandardCharsets.UTF_8);
        Path bad = dir.resolve("new.collapsed");
        Files.writeString(bad, "a;b 1\r\na;c 2\ra;;d 3\nbroken\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ProfileDiff.compute(DiffInput.of("baseline", RunProfileSample.ofCollapsedFile(good, 1, 1.0)),
                DiffInput.of("candidate", RunProfileSample.ofCollapsedFile(bad, 1, 1.0))))
                .isInstanceOfSatisfying(CollapsedFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo(bad.toString());
                    // \r\n and a lone \r end lines as BufferedReader ends them, so the numbers match the reader's
                    assertThat(e.lineNumber()).isEqualTo(3);
                    assertThat(e.problem()).isEqualTo(LineProblem.EMPTY_FRAME);
                    assertThat(e.lineText()).isEqualTo("a;;d 3");
                    assertThat(e.getMessage()).startsWith(bad + ":3: ");
                });
    }

    @Test
    void theVariantFormatInAPlainStreamIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path variant = dir.resolve("variant.collapsed");
        Files.write(variant, List.of("a;b 1", "Foo.bar:12;Foo.baz:0 [100]"));

        assertThatThrownBy(() -> ProfileDiff.compute(DiffInput.of("b", RunProfileSample.ofCollapsedFile(variant, 1, 1.0)),
                DiffInput.of("c", RunProfileSample.ofCollapsedFile(variant, 1, 1.0))))
                .isInstanceOf(CollapsedFormatException.class)
                .hasMessageContaining(":2: ").hasMessageContaining("JfrParserVariantReader");
    }

    @Test
    void oddButValidLinesTakeTheReadersRules(@TempDir Path dir) throws Exception {
        Path odd = dir.resolve("odd.collapsed.gz");
        String text = "java;oopDesc* PSPromotionManager::copy<false> 7 \t\nα;β 0012\nlast;line 5";
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(odd))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }

        ProfileDiffModel model = ProfileDiff.compute(DiffInput.of("b", RunProfileSample.ofCollapsedFile(odd, 1, 1.0)),
                DiffInput.of("c", RunProfileSample.of(CollapsedReader.strict().read(odd).profile(), 1, 1.0)));

        assertThat(model.baseline().totalCount()).isEqualTo(24);
        assertThat(model.frame("oopDesc* PSPromotionManager::copy<false>")).isPresent();
        assertThat(model.frame("β").orElseThrow().baseline().selfCount()).isEqualTo(12);
        assertThat(model.frames()).allSatisfy(f -> assertThat(f.inclusiveDeltaPerRequest()).isZero());
    }

    /**
     * The two back-to-back 10 s Kafka profiles of one pod are a real A/A pair. They hold 478 and
     * 613 samples: without request counts, per-request cost is unknown, so both sides are taken
     * as shares of their own total (requests = samples, one unit per sample). What we assert is
     * that nothing moves beyond sampling noise: every frame's share difference lies within 3.5
     * binomial standard errors (Bonferroni for about 185 tested frames at 5% is z = 3.7; the
     * largest seen is 2.2, snappy decompression), and no frame with enough samples to be tested
     * appears or vanishes (the largest one-sided frame has 8 samples).
     */
    @Test
    void theKafkaAaPairShowsNoMoverBeyondSamplingNoise() throws Exception {
        CollapsedProfile a = samples(KAFKA_0);
        CollapsedProfile b = samples(KAFKA_1);
        assertThat(a.totalCount()).isEqualTo(478);
        assertThat(b.totalCount()).isEqualTo(613);

        ProfileDiffModel model = ProfileDiff.compute(DiffInput.of("kafka-0", RunProfileSample.of(a, a.totalCount(), 1.0)),
                DiffInput.of("kafka-1", RunProfileSample.of(b, b.totalCount(), 1.0)));

        List<FrameDiff> tested = model.frames().stream().filter(FrameDiff::hasEnoughSamples).toList();
        assertThat(tested).hasSizeGreaterThan(150);
        double n1 = a.totalCount();
        double n2 = b.totalCount();
        double maxAbsZ = 0;
        for (FrameDiff f : tested) {
            double pooledShare = f.inclusiveCountBothSides() / (n1 + n2);
            double standardError = Math.sqrt(pooledShare * (1 - pooledShare) * (1 / n1 + 1 / n2));
            maxAbsZ = Math.max(maxAbsZ, Math.abs(f.inclusiveDeltaPerRequest()) / standardError);
        }
        assertThat(maxAbsZ).isBetween(1.0, 3.5);
        assertThat(model.frames()).filteredOn(f -> f.appeared() || f.vanished())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.hasEnoughSamples()).as(f.frame()).isFalse());
        // the largest mover moves by under 4 percentage points of the profile
        assertThat(Math.abs(model.moversByInclusiveDelta().get(0).inclusiveDeltaPerRequest())).isLessThan(0.04);
        assertThat(model.stableAncestorMoves()).allSatisfy(m -> assertThat(m.movedPerRequest()).isLessThan(0.05));
    }

    private static CollapsedProfile samples(String name) throws Exception {
        CollapsedProfile nanos = JfrParserVariantReader.strict().read(RealData.stacks().resolve(name)).profile();
        List<CollapsedStack> stacks = new ArrayList<>();
        for (CollapsedStack s : nanos.stacks()) {
            assertThat(s.count() % NANOS_PER_SAMPLE).as(s.stackText()).isZero();
            stacks.add(new CollapsedStack(s.frames(), s.count() / NANOS_PER_SAMPLE));
        }
        return CollapsedProfile.of(stacks);
    }
}
