package io.perfharness.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.reports.compare.CompareOptions;
import io.perfharness.reports.compare.ComparisonModel;
import io.perfharness.reports.compare.ComparisonReport;
import io.perfharness.reports.compare.EventComparison;
import io.perfharness.reports.compare.MetricComparison;
import io.perfharness.reports.stats.Verdict;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfharness.core.json.Json;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.collapsed.CollapsedProfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ground truth for {@code perf bench}: the {@code cpu-regex} path benchmarked faulty and fixed, 5 forks
 * per side (the fewest at which Holm across 4 gated metrics can reach significance), 1 warm-up and 2
 * measured iterations of 250 ms, cpu profiled by the real async-profiler in every fork. Asserts the
 * output contract of every fork's run directory and that the faulty side's profiles are dominated by
 * {@code Pattern.compile} per operation while the fixed side's are not. The two sides are run once for
 * the class so a comparison test can be added on the same folders ({@link #faulty}, {@link #fixed}).
 */
class RegexGroundTruthTest {
    static final String BENCHMARK = "io.perfharness.benchmarks.service.RegexValidationBenchmark.searchQuery";
    static final int FORKS = 5;
    static final String COMPILE = "java.util.regex.Pattern.compile";

    @TempDir
    static Path out;

    static BenchSide faulty;
    static BenchSide fixed;

    @BeforeAll
    static void runBothSides() throws Exception {
        faulty = BenchSide.run(out, "faulty", args("faulty"), 150);
        fixed = BenchSide.run(out, "fixed", args("fixed"), 150);
    }

    static List<String> args(String fault) {
        return List.of("RegexValidationBenchmark.searchQuery", "-p", "fault=" + fault, "-f", Integer.toString(FORKS),
                "-wi", "1", "-w", "200ms", "-i", "2", "-r", "250ms");
    }

    @Test
    void everyForkIsAValidRunDirectoryOfTheContract() throws Exception {
        for (BenchSide side : List.of(faulty, fixed)) {
            assertThat(side.forks()).as(side.output()).hasSize(FORKS);
            assertThat(side.labelDir().resolve("jmh-result.json")).isRegularFile();
            Set<Integer> forkNumbers = new HashSet<>();
            Pattern name = Pattern.compile("\\d{8}T\\d{6}Z-" + side.label() + "-fork(\\d+)(-\\d+)?");
            for (RunDirectory fork : side.forks()) {
                Matcher m = name.matcher(fork.runId());
                assertThat(m.matches()).as(fork.runId()).isTrue();
                forkNumbers.add(Integer.parseInt(m.group(1)));

                RunManifest run = BenchSide.manifest(fork);
                assertThat(run.schemaVersion()).isEqualTo(1);
                assertThat(run.runId()).isEqualTo(fork.runId());
                assertThat(run.label()).isEqualTo(side.label());
                assertThat(run.status()).isEqualTo(RunManifest.Status.COMPLETE);
                assertThat(run.validForComparison()).as("%s: %s", fork.runId(), run.invalidReasons()).isTrue();
                assertThat(run.target().spec()).isEqualTo(BENCHMARK + ":fault=" + side.label());
                assertThat(run.target().kind()).isEqualTo("jmh");
                assertThat(run.load().model()).isEqualTo("jmh");
                assertThat(run.load().requestsCompleted()).isPositive();
                assertThat(run.windows().measurementStartEpochMs()).isLessThan(run.windows().measurementEndEpochMs());
                assertThat(run.reproduceCommand()).startsWith("./perf bench RegexValidationBenchmark.searchQuery -p fault=");
                assertThat(run.latency()).isNull();
                assertThat(Files.exists(fork.latencyDir())).isFalse();

                RunManifest.ProfiledEvent cpu = run.profiler().events().get(0);
                assertThat(cpu.name()).isEqualTo("cpu");
                assertThat(cpu.countUnit()).isEqualTo("samples");
                assertThat(cpu.sampleIntervalNanos()).isEqualTo(1_000_000L);
                assertThat(cpu.collapsedFile()).isEqualTo("profile/cpu.collapsed");
                CollapsedProfile profile = BenchSide.collapsed(fork, "cpu");
                assertThat(profile.totalCount()).isPositive().isEqualTo(cpu.totalCount());

                JsonNode score = BenchSide.score(fork);
                assertThat(score.get("schemaVersion").asInt()).isEqualTo(1);
                assertThat(score.get("benchmark").asText()).isEqualTo(BENCHMARK);
                assertThat(score.get("params").get("fault").asText()).isEqualTo(side.label());
                assertThat(score.get("mode").asText()).isEqualTo("avgt");
                assertThat(score.get("scoreUnit").asText()).isEqualTo("us/op");
                assertThat(score.get("operations").asLong()).isEqualTo(run.load().requestsCompleted());
                assertThat(score.get("iterationScores")).hasSize(2);
            }
            assertThat(forkNumbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        }
    }

    /** Fork N's iteration scores are JMH's own for fork N (rawData[N-1]): the numbering is JMH's fork order. */
    @Test
    void forkScoresAreJmhsOwnForThatFork() throws Exception {
        for (BenchSide side : List.of(faulty, fixed)) {
            JsonNode rawData = Json.readTree(side.labelDir().resolve("jmh-result.json")).get(0)
                    .get("primaryMetric").get("rawData");
            assertThat(rawData).hasSize(FORKS);
            for (RunDirectory fork : side.forks()) {
                int n = Integer.parseInt(fork.runId().replaceAll(".*-fork(\\d+).*", "$1"));
                JsonNode ours = BenchSide.score(fork).get("iterationScores");
                JsonNode jmhs = rawData.get(n - 1);
                for (int i = 0; i < jmhs.size(); i++) {
                    assertThat(ours.get(i).asDouble()).isCloseTo(jmhs.get(i).asDouble(),
                            org.assertj.core.data.Percentage.withPercentage(1e-6));
                }
            }
        }
    }

    @Test
    void theFaultySideCompilesRegexesPerOperationAndTheFixedSideDoesNot() throws Exception {
        List<Double> faultyPerOp = compileSamplesPerOperation(faulty);
        List<Double> fixedPerOp = compileSamplesPerOperation(fixed);
        System.out.printf(java.util.Locale.ROOT, "Pattern.compile cpu samples per op: faulty %s, fixed %s%n",
                faultyPerOp, fixedPerOp);
        assertThat(faultyPerOp).allSatisfy(perOp -> assertThat(perOp).isPositive());
        double leastFaulty = faultyPerOp.stream().mapToDouble(d -> d).min().orElseThrow();
        double mostFixed = fixedPerOp.stream().mapToDouble(d -> d).max().orElseThrow();
        assertThat(mostFixed).as("fixed %s vs faulty %s", fixedPerOp, faultyPerOp).isLessThan(leastFaulty / 100);
    }

    /** The microbenchmark speaks the load run's language: the same compare, forks as replicates, costs per op. */
    @Test
    void compareCallsTheFixAnImprovementWithPatternCompileAmongTheTopVanishedCosts() throws Exception {
        ComparisonModel m = ComparisonReport.compareAndWrite(faulty.labelDir(), fixed.labelDir(), out.resolve("compare"),
                CompareOptions.defaults(), System.out);
        System.out.println(Files.readString(out.resolve("compare").resolve(ComparisonReport.MARKDOWN)));
        MetricComparison score = m.metrics().stream().filter(x -> x.metric().id().equals("jmh.score")).findFirst()
                .orElseThrow();
        assertThat(score.nBaseline()).isEqualTo(FORKS);
        assertThat(score.nCandidate()).isEqualTo(FORKS);
        assertThat(score.verdict()).as(score.reason()).isEqualTo(Verdict.IMPROVEMENT);
        EventComparison cpu = m.profiles().stream().filter(e -> e.event().equals("cpu")).findFirst().orElseThrow();
        assertThat(cpu.unit()).isEqualTo("ns");
        assertThat(cpu.vanished().stream().limit(3).map(EventComparison.PathChange::stack))
                .as("top vanished stacks").anyMatch(stack -> stack.contains(COMPILE));
    }

    private static List<Double> compileSamplesPerOperation(BenchSide side) throws Exception {
        List<Double> perOp = new ArrayList<>();
        for (RunDirectory fork : side.forks()) {
            long samples = BenchSide.inclusive(BenchSide.collapsed(fork, "cpu"), COMPILE);
            perOp.add((double) samples / BenchSide.manifest(fork).load().requestsCompleted());
        }
        return perOp;
    }
}
