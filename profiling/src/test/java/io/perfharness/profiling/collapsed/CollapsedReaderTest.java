package io.perfharness.profiling.collapsed;

import io.perfharness.profiling.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollapsedReaderTest {

    @Test
    void parsesFramesRootFirstAndTheCountAfterTheLastSpace() {
        CollapsedStack stack = CollapsedReader.parseLine("java/lang/Thread.run_[j];com/example/Server.handle_[j];leaf 1234");

        assertThat(stack.frames()).containsExactly("java/lang/Thread.run_[j]", "com/example/Server.handle_[j]", "leaf");
        assertThat(stack.count()).isEqualTo(1234);
    }

    @Test
    void framesMayContainSpacesAndAngleBrackets() {
        CollapsedStack stack = CollapsedReader.parseLine(
                "java;oopDesc* PSPromotionManager::copy_to_survivor_space<false>;"
                        + "AccessInternal::PostRuntimeDispatch<G1BarrierSet::AccessBarrier<548964ul, G1BarrierSet>, "
                        + "(AccessInternal::BarrierType)2, 548964ul>::oop_access_barrier 7");

        assertThat(stack.frames()).containsExactly("java",
                "oopDesc* PSPromotionManager::copy_to_survivor_space<false>",
                "AccessInternal::PostRuntimeDispatch<G1BarrierSet::AccessBarrier<548964ul, G1BarrierSet>, "
                        + "(AccessInternal::BarrierType)2, 548964ul>::oop_access_barrier");
        assertThat(stack.count()).isEqualTo(7);
    }

    @Test
    void singleFrameZeroCountAndTrailingWhitespaceAreValid() {
        assertThat(CollapsedReader.parseLine("main 0").frames()).containsExactly("main");
        assertThat(CollapsedReader.parseLine("a;b 3 \r").count()).isEqualTo(3);
    }

    @Test
    void rejectsMalformedLinesWithTheProblem() {
        assertProblem("", LineProblem.BLANK_LINE);
        assertProblem("a;b;c", LineProblem.MISSING_COUNT);
        assertProblem("a;b x12", LineProblem.BAD_COUNT);
        assertProblem("a;b -1", LineProblem.BAD_COUNT);
        assertProblem("a;b 1.5", LineProblem.BAD_COUNT);
        assertProblem("a;b 99999999999999999999", LineProblem.BAD_COUNT);
        assertProblem("a;b ", LineProblem.MISSING_COUNT);
        assertProblem(" 12", LineProblem.EMPTY_STACK);
        assertProblem("a;;b 12", LineProblem.EMPTY_FRAME);
        assertProblem("a;b; 12", LineProblem.EMPTY_FRAME);
        assertProblem("Foo.bar:12;Foo.baz:0 [100]", LineProblem.OTHER_FORMAT);
    }

    @Test
    void pointsTheVariantFormatToItsReader() {
        assertThatThrownBy(() -> CollapsedReader.parseLine("Foo.bar:12 [100 2048]"))
                .hasMessageContaining("JfrParserVariantReader");
    }

    @Test
    void strictModeFailsAtTheFirstBadLineNamingFileLineAndText() {
        String text = "a;b 1\na;c 2\na;;d 3\nbroken\n";

        assertThatThrownBy(() -> CollapsedReader.strict().read(new StringReader(text), "profile.collapsed"))
                .isInstanceOfSatisfying(CollapsedFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("profile.collapsed");
                    assertThat(e.lineNumber()).isEqualTo(3);
                    assertThat(e.problem()).isEqualTo(LineProblem.EMPTY_FRAME);
                    assertThat(e.lineText()).isEqualTo("a;;d 3");
                    assertThat(e.getMessage()).startsWith("profile.collapsed:3: empty frame").contains("'a;;d 3'");
                });
    }

    @Test
    void lenientModeCountsSkippedLinesByProblemAndKeepsTheFirstExamples() throws Exception {
        String text = "a;b 1\nx\n\na;b 2\ny\nz\na;c q\n";

        CollapsedReadResult result = CollapsedReader.lenient(2).read(new StringReader(text), "t");

        assertThat(result.linesRead()).isEqualTo(7);
        assertThat(result.profile().stacks()).containsExactly(new CollapsedStack(List.of("a", "b"), 3));
        assertThat(result.skipped().countsByProblem()).containsExactly(
                Map.entry(LineProblem.BLANK_LINE, 1L), Map.entry(LineProblem.MISSING_COUNT, 3L),
                Map.entry(LineProblem.BAD_COUNT, 1L));
        assertThat(result.skipped().total()).isEqualTo(5);
        assertThat(result.skipped().firstExamples()).containsExactly(
                new SkippedLine(2, LineProblem.MISSING_COUNT, "x"), new SkippedLine(3, LineProblem.BLANK_LINE, ""));
        assertThat(result.skipped().summary()).isEqualTo("skipped 5 lines: 1 blank line (first at line 3: '');"
                + " 3 no count after the last space (first at line 2: 'x');"
                + " 1 count is not a non-negative 64-bit integer");
    }

    @Test
    void longOffendingLinesAreShortenedInMessagesButKeptWhole() {
        String line = "f;".repeat(500) + "end x";
        MalformedLineException e = org.junit.jupiter.api.Assertions.assertThrows(MalformedLineException.class,
                () -> CollapsedReader.parseLine(line));
        assertThat(e.lineText()).isEqualTo(line);
        assertThat(e.getMessage()).hasSizeLessThan(400).contains("chars)");
    }

    /**
     * Every plain folded file of shared/realdata/stacks, with numbers computed independently of
     * this code (python: {@code rsplit(' ', 1)} per non-empty line, Counter of stack texts):
     * lines, total count, distinct stacks, largest stack count.
     */
    static Stream<Object[]> plainFiles() {
        return Stream.of(
                new Object[] {"FlameGraph_perf-iperf-stacks-pidtid-01-collapsed-all.txt", 106, 200L, 106, 24L},
                new Object[] {"FlameGraph_perf-java-stacks-01-collapsed-all.txt", 33, 45L, 33, 4L},
                new Object[] {"FlameGraph_perf-java-stacks-01-collapsed-jit.txt", 33, 45L, 33, 4L},
                new Object[] {"FlameGraph_perf-numa-stacks-01-collapsed-all.txt", 17, 199L, 17, 72L},
                new Object[] {"FlameGraph_perf-rust-Yamakaky-dcpu-collapsed-all.txt", 45, 6_850_637L, 45, 559_435L},
                new Object[] {"FlameGraph_perf-vertx-stacks-01-collapsed-all.txt", 199, 285L, 199, 19L},
                new Object[] {"async-profiler_jfrconverter_sample1.collapsed", 17, 185L, 17, 143L},
                new Object[] {"async-profiler_jfrconverter_sample2.collapsed", 17, 188L, 17, 151L},
                new Object[] {"converted-from-jfr/grafana-jfr-parser_async-profiler.alloc.collapsed", 14, 17L, 14, 2L},
                new Object[] {"converted-from-jfr/grafana-jfr-parser_async-profiler.cpu.collapsed", 62, 199_661L, 62, 127_504L},
                new Object[] {"converted-from-jfr/grafana-jfr-parser_cortex-dev-01__kafka-0__cpu__0.cpu.collapsed",
                        316, 478L, 316, 15L},
                new Object[] {"converted-from-jfr/speedscope_heavy.cpu.collapsed", 53, 390L, 53, 44L},
                new Object[] {"converted-from-jfr/speedscope_heavy.wall.collapsed", 53, 390L, 53, 44L});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainFiles")
    void readsEveryRealPlainFileStrictlyWithExactTotals(String file, int lines, long total, int stacks, long largest)
            throws Exception {
        CollapsedReadResult result = CollapsedReader.strict().read(RealData.stacks().resolve(file));

        assertThat(result.linesRead()).isEqualTo(lines);
        assertThat(result.skipped().isEmpty()).isTrue();
        assertThat(result.profile().totalCount()).isEqualTo(total);
        assertThat(result.profile().stackCount()).isEqualTo(stacks);
        assertThat(result.profile().stacks().get(0).count()).isEqualTo(largest);
    }

    @Test
    void rejectsEveryVariantFileWithAPointerToItsReader() throws Exception {
        for (Path file : variantFiles()) {
            assertThatThrownBy(() -> CollapsedReader.strict().read(file))
                    .isInstanceOfSatisfying(CollapsedFormatException.class, e -> {
                        assertThat(e.lineNumber()).isEqualTo(1);
                        assertThat(e.problem()).isEqualTo(LineProblem.OTHER_FORMAT);
                    });
        }
    }

    @Test
    void theTablesCoverEveryFileInTheStacksFolder() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        plainFiles().forEach(row -> expected.add((String) row[0]));
        JfrParserVariantReaderTest.variantFiles().forEach(row -> expected.add("jfr-parser-variant/" + row[0]));
        try (Stream<Path> files = Files.walk(RealData.stacks())) {
            TreeSet<String> actual = files.filter(Files::isRegularFile)
                    .map(p -> RealData.stacks().relativize(p).toString())
                    .filter(name -> !name.startsWith("jfr/"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(actual).isEqualTo(expected);
        }
    }

    static List<Path> variantFiles() throws IOException {
        try (Stream<Path> files = Files.list(RealData.stacks().resolve("jfr-parser-variant"))) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    private static void assertProblem(String line, LineProblem problem) {
        assertThatThrownBy(() -> CollapsedReader.parseLine(line))
                .isInstanceOfSatisfying(MalformedLineException.class, e -> {
                    assertThat(e.problem()).as("problem for '%s'", line).isEqualTo(problem);
                    assertThat(e.lineText()).isEqualTo(line);
                });
    }
}
