package io.perfharness.profiling.collapsed;

import io.perfharness.profiling.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JfrParserVariantReaderTest {

    @Test
    void dropsLineNumbersAndReadsTheFirstValueByDefault() {
        CollapsedStack stack = JfrParserVariantReader.parseLine(
                "java/lang/Thread.run:833;com/example/Server.handle:42;libc.so.6.__memmove_avx_unaligned_erms:0 [10000000]");

        assertThat(stack.frames()).containsExactly("java/lang/Thread.run", "com/example/Server.handle",
                "libc.so.6.__memmove_avx_unaligned_erms");
        assertThat(stack.count()).isEqualTo(10_000_000L);
    }

    @Test
    void readsTheChosenValueAndKeepsLineNumbersWhenAsked() {
        String line = "com/sun/management/internal/GarbageCollectorExtImpl.createGCNotification:101 [8 20128]";

        assertThat(JfrParserVariantReader.parseLine(line, 1, true)).isEqualTo(new CollapsedStack(
                java.util.List.of("com/sun/management/internal/GarbageCollectorExtImpl.createGCNotification:101"), 20128));
        assertThat(JfrParserVariantReader.parseLine(line, 0, false).count()).isEqualTo(8);
    }

    @Test
    void aSemicolonNotAfterALineNumberBelongsToTheFrame() {
        CollapsedStack stack = JfrParserVariantReader.parseLine(
                "./usr/lib64/libpthread-2.17.so;649be141 (deleted):0;libjvm.so.java_start:0 [10000000]");

        assertThat(stack.frames()).containsExactly("./usr/lib64/libpthread-2.17.so|649be141 (deleted)", "libjvm.so.java_start");
    }

    @Test
    void rejectsMalformedLines() {
        assertProblem("Foo.bar:12 [x]", LineProblem.BAD_COUNT);
        assertProblem("Foo.bar:12 [5]", 1, LineProblem.BAD_COUNT);
        assertProblem("Foo.bar:12;Foo.baz [5]", 0, LineProblem.BAD_FRAME);
        assertProblem("Foo.bar:12;;Foo.baz:1 [5]", 0, LineProblem.EMPTY_FRAME);
        assertProblem("Foo.bar:12 5", LineProblem.OTHER_FORMAT);
        assertProblem("Foo.bar:12", LineProblem.MISSING_COUNT);
        assertProblem(" [5]", LineProblem.EMPTY_STACK);
        assertProblem("   ", LineProblem.BLANK_LINE);
    }

    /**
     * Every jfr-parser variant file, with numbers computed independently (python: split at
     * {@code ;} after {@code :digits}, strip {@code :LINE}, Counter): lines, sum of the first
     * value, sum of the second value (alloc bytes), distinct stacks without line numbers, largest.
     */
    static Stream<Object[]> variantFiles() {
        return Stream.of(
                new Object[] {"FastSlow_2024_01_16_180855_2_wall_wall__nanoseconds_expected_collapsed.txt.gz",
                        61, 10_120_000_000L, 0L, 31, 2_210_000_000L},
                new Object[] {"async-profiler_2_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz",
                        21, 1_120_000_000L, 0L, 21, 610_000_000L},
                new Object[] {"cortex-dev-01__kafka-0__cpu__0_0_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz",
                        359, 4_780_000_000L, 0L, 316, 150_000_000L},
                new Object[] {"cortex-dev-01__kafka-0__cpu__1_0_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz",
                        441, 6_130_000_000L, 0L, 395, 220_000_000L},
                new Object[] {"cortex-dev-01__kafka-0__cpu_lock0_alloc0__0_1_memory_alloc_in_new_tlab_objects__count"
                        + "_alloc_in_new_tlab_bytes__bytes_expected_collapsed.txt.gz", 1324, 7972L, 1_598_335_640L, 1120, 517L},
                new Object[] {"goland_4_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz",
                        5067, 68_530_000_000L, 0L, 4932, 1_060_000_000L},
                new Object[] {"wall_1_wall_wall__nanoseconds_expected_collapsed.txt.gz",
                        69, 262_460_000_000L, 0L, 60, 81_880_000_000L});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variantFiles")
    void readsEveryRealVariantFileStrictlyWithExactTotals(String file, int lines, long firstTotal, long secondTotal,
                                                          int stacks, long largest) throws Exception {
        java.nio.file.Path path = RealData.stacks().resolve("jfr-parser-variant").resolve(file);

        CollapsedReadResult first = JfrParserVariantReader.strict().read(path);

        assertThat(first.linesRead()).isEqualTo(lines);
        assertThat(first.profile().totalCount()).isEqualTo(firstTotal);
        assertThat(first.profile().stackCount()).isEqualTo(stacks);
        assertThat(first.profile().stacks().get(0).count()).isEqualTo(largest);
        if (secondTotal > 0) {
            assertThat(JfrParserVariantReader.strict().withValueIndex(1).read(path).profile().totalCount())
                    .isEqualTo(secondTotal);
        }
    }

    @Test
    void keepingLineNumbersKeepsEveryLineDistinct() throws Exception {
        java.nio.file.Path path = RealData.stacks().resolve("jfr-parser-variant")
                .resolve("FastSlow_2024_01_16_180855_2_wall_wall__nanoseconds_expected_collapsed.txt.gz");

        assertThat(JfrParserVariantReader.strict().keepingLineNumbers().read(path).profile().stackCount()).isEqualTo(61);
    }

    @Test
    void rejectsPlainFoldedFilesWithAPointerToTheirReader() {
        java.nio.file.Path plain = RealData.stacks().resolve("async-profiler_jfrconverter_sample1.collapsed");

        assertThatThrownBy(() -> JfrParserVariantReader.strict().read(plain))
                .isInstanceOfSatisfying(CollapsedFormatException.class, e -> {
                    assertThat(e.problem()).isEqualTo(LineProblem.OTHER_FORMAT);
                    assertThat(e.getMessage()).contains("CollapsedReader").contains(":1:");
                });
    }

    private static void assertProblem(String line, LineProblem problem) {
        assertProblem(line, 0, problem);
    }

    private static void assertProblem(String line, int valueIndex, LineProblem problem) {
        assertThatThrownBy(() -> JfrParserVariantReader.parseLine(line, valueIndex, false))
                .isInstanceOfSatisfying(MalformedLineException.class,
                        e -> assertThat(e.problem()).as("problem for '%s'", line).isEqualTo(problem));
    }
}
