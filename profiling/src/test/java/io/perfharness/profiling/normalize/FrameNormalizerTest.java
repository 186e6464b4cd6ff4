package io.perfharness.profiling.normalize;

import io.perfharness.profiling.Golden;
import io.perfharness.profiling.RealData;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.collapsed.CollapsedWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FrameNormalizerTest {
    private final FrameNormalizer normalizer = FrameNormalizer.standard();

    @ParameterizedTest
    @EnumSource(NormalizationRule.class)
    void everyRuleDoesWhatItsDocumentedExampleSays(NormalizationRule rule) {
        String before = rule.exampleBefore();
        String after = rule.scope() == NormalizationRule.Scope.ROOT_FRAME
                ? normalizer.normalizeRootFrame(before) : normalizer.normalizeFrame(before);

        assertThat(after).isEqualTo(rule.exampleAfter());
        assertThat(rule.apply(before)).as("the rule itself changes its example").isNotEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // lambdas: JDK 8, JDK 17 as async-profiler prints them, JDK 21 hidden classes
        "com/mihoyo/data/abtest/service/ScheduleService$$Lambda$613/672746064.run_[j] | com/mihoyo/data/abtest/service/ScheduleService$$Lambda.run",
        "kafka/server/ReplicaManager$$Lambda$1397.0x0000000801585fc0.apply$mcV$sp_[j] | kafka/server/ReplicaManager$$Lambda.apply$mcV$sp",
        "kafka/log/LogValidator$$$Lambda$1377.0x000000080156f840.accept_[j]     | kafka/log/LogValidator$$$Lambda.accept",
        "com.example.Foo$$Lambda.0x00007f3a8c0a1b2c.apply                        | com.example.Foo$$Lambda.apply",
        "com/example/Foo$$Lambda/0x000071a2c8001234.get                          | com/example/Foo$$Lambda.get",
        // JDK 21 lambdas as JFR names them (from shared/realdata/stacks/jfr/speedscope_heavy.jfr)
        "Heavy$$Lambda+0x000001c39a007200.2136288211.getAsInt                    | Heavy$$Lambda.getAsInt",
        "jdk/internal/Foo$$Lambda+0x000001c39a042338.run_[0]                      | jdk/internal/Foo$$Lambda.run",
        // a lambda whose method name is made of hex letters keeps it
        "com/example/Foo$$Lambda$12.add                                          | com/example/Foo$$Lambda.add",
        "java/lang/invoke/LambdaForm$DMH.0x00000008000c4800.invokeStatic_[j]     | java/lang/invoke/LambdaForm$DMH.invokeStatic",
        "java/lang/invoke/LambdaForm$MH/1234567890.invokeExact_MT                | java/lang/invoke/LambdaForm$MH.invokeExact_MT",
        "jdk.internal.reflect.GeneratedConstructorAccessor7.newInstance          | jdk.internal.reflect.GeneratedConstructorAccessor.newInstance",
        "jdk.internal.reflect.GeneratedSerializationConstructorAccessor42.newInstance | jdk.internal.reflect.GeneratedSerializationConstructorAccessor.newInstance",
        "sun/reflect/GeneratedMethodAccessor123.invoke_[j]                       | sun/reflect/GeneratedMethodAccessor.invoke",
        "jdk.proxy3.$Proxy120.findById                                           | jdk.proxy.$Proxy.findById",
        "com.example.Repo$$EnhancerBySpringCGLIB$$3f2a9c1b.save                  | com.example.Repo$$EnhancerBySpringCGLIB$$*.save",
        "[perf-10939.map]_[j]                                                    | [perf-*.map]",
        "0x00007f3a12cd5e10                                                      | 0x*",
        // type suffixes: the diff must see one frame
        "java/util/HashMap.get_[j]                                               | java/util/HashMap.get",
        "java/util/HashMap.get_[0]                                               | java/util/HashMap.get",
        "java/util/HashMap.get_[1]                                               | java/util/HashMap.get",
        "java.util.concurrent.ForkJoinTask[]_[i]                                 | java.util.concurrent.ForkJoinTask[]",
        "entry_SYSCALL_64_fastpath_[k]                                           | entry_SYSCALL_64_fastpath",
        // stable names stay as they are
        "java/lang/Thread.run                                                    | java/lang/Thread.run",
        "oopDesc* PSPromotionManager::copy_to_survivor_space<false>              | oopDesc* PSPromotionManager::copy_to_survivor_space<false>",
        "libasyncProfiler-linux-x64-d73f214b50539537b06070b954cbc95c10a06024.so.Profiler::start | libasyncProfiler-linux-x64-d73f214b50539537b06070b954cbc95c10a06024.so.Profiler::start",
        "[unknown]                                                               | [unknown]",
    })
    void normalizesFrames(String before, String after) {
        assertThat(normalizer.normalizeFrame(before.strip())).isEqualTo(after.strip());
    }

    @Test
    void processAndThreadRulesApplyToTheRootFrameOnly() {
        assertThat(normalizer.normalizeStack(List.of("java-12345/12346", "pool-1-thread-3", "run-7")))
                .containsExactly("java", "pool-1-thread-3", "run-7");
        assertThat(normalizer.normalizeStack(List.of("iperf-4321", "main"))).containsExactly("iperf", "main");
        assertThat(normalizer.normalizeStack(List.of("[main tid=1]", "Foo.bar_[j]"))).containsExactly("[main]", "Foo.bar");
        assertThat(normalizer.normalizeStack(List.of("[tid=98765]", "Foo.bar"))).containsExactly("[tid=*]", "Foo.bar");
        assertThat(normalizer.normalizeStack(List.of("iperf", "[unknown]"))).containsExactly("iperf", "[unknown]");
    }

    @Test
    void normalizingMergesStacksThatBecomeIdenticalAndKeepsTheTotal() {
        CollapsedProfile profile = CollapsedProfile.of(List.of(
                stack(3, "A.run_[j]", "Foo$$Lambda$1.0x0000000801000a00.apply_[j]", "leaf_[j]"),
                stack(4, "A.run_[i]", "Foo$$Lambda$2.0x0000000801000b00.apply_[i]", "leaf_[i]"),
                stack(1, "A.run_[j]", "other_[k]")));

        CollapsedProfile normalized = normalizer.normalize(profile);

        assertThat(normalized.stacks()).containsExactly(stack(7, "A.run", "Foo$$Lambda.apply", "leaf"),
                stack(1, "A.run", "other"));
        assertThat(normalized.totalCount()).isEqualTo(profile.totalCount());
    }

    @Test
    void typeSuffixesMergeInTheRealAsyncProfilerFixtures() throws Exception {
        for (String file : List.of("async-profiler_jfrconverter_sample1.collapsed",
                "async-profiler_jfrconverter_sample2.collapsed")) {
            CollapsedProfile raw = CollapsedReader.strict().read(RealData.stacks().resolve(file)).profile();

            CollapsedProfile normalized = normalizer.normalize(raw);

            assertThat(normalized.totalCount()).isEqualTo(raw.totalCount());
            assertThat(CollapsedWriter.toText(normalized)).doesNotContain("_[j]").doesNotContain("_[i]");
            // 17 stacks each; without suffixes no two coincide (counted with sed 's/_\[[jik01]\]//g' | sort -u)
            assertThat(normalized.stackCount()).isEqualTo(17);
        }
        CollapsedProfile sample1 = normalizer.normalize(CollapsedReader.strict()
                .read(RealData.stacks().resolve("async-profiler_jfrconverter_sample1.collapsed")).profile());
        Golden.assertMatches("sample1.normalized.collapsed", CollapsedWriter.toText(sample1));
    }

    @Test
    void lambdaIdsMergeInTheRealKafkaProfile() throws Exception {
        CollapsedProfile raw = CollapsedReader.strict().read(RealData.stacks()
                .resolve("converted-from-jfr/grafana-jfr-parser_cortex-dev-01__kafka-0__cpu__0.cpu.collapsed")).profile();

        CollapsedProfile normalized = normalizer.normalize(raw);

        String text = CollapsedWriter.toText(normalized);
        assertThat(text).doesNotContainPattern("\\$\\$Lambda\\$\\d").doesNotContain("0x0000").doesNotContain("_[j]");
        assertThat(normalized.totalCount()).isEqualTo(478);
        // Independently: sed -E (suffixes, $$Lambda$N.0x.., LambdaForm$XX.0x..) then awk sums by stack: no merge
        assertThat(normalized.stackCount()).isEqualTo(316);
    }

    @Test
    void perfKernelSuffixesAndJitMapPidsNormalizeInTheRealPerfProfiles() throws Exception {
        CollapsedProfile numa = normalizer.normalize(CollapsedReader.strict()
                .read(RealData.stacks().resolve("FlameGraph_perf-numa-stacks-01-collapsed-all.txt")).profile());
        CollapsedProfile iperf = normalizer.normalize(CollapsedReader.strict()
                .read(RealData.stacks().resolve("FlameGraph_perf-iperf-stacks-pidtid-01-collapsed-all.txt")).profile());

        assertThat(CollapsedWriter.toText(numa)).contains("java;[perf-*.map];").doesNotContain("perf-10939");
        assertThat(numa.totalCount()).isEqualTo(199);
        assertThat(CollapsedWriter.toText(iperf)).doesNotContain("_[k]");
        assertThat(iperf.totalCount()).isEqualTo(200);
        // This "pidtid" fixture is stackcollapse-perf's --all output: its roots are plain comms.
        assertThat(iperf.stacks()).extracting(s -> s.frames().get(0)).containsOnly("iperf", "multilog", "run");
    }

    @ParameterizedTest
    @EnumSource(NormalizationRule.class)
    void docsProfilingMdShowsEveryRulesExample(NormalizationRule rule) throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/profiling.md"));

        assertThat(docs).contains("| `" + rule.exampleBefore() + "` | `" + rule.exampleAfter() + "` |");
    }

    @Test
    void aNormalizerWithoutRulesChangesNothing() {
        FrameNormalizer none = FrameNormalizer.of(Set.of());

        assertThat(none.normalizeStack(List.of("java-1/2", "Foo$$Lambda$1.0x0000000801000a00.apply_[j]")))
                .containsExactly("java-1/2", "Foo$$Lambda$1.0x0000000801000a00.apply_[j]");
    }

    private static CollapsedStack stack(long count, String... frames) {
        return new CollapsedStack(List.of(frames), count);
    }
}
