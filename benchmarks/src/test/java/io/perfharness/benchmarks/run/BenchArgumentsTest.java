package io.perfharness.benchmarks.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfharness.profiling.event.ProfilingEvent;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchArgumentsTest {
    @Test
    void oursAreTakenOutAndJmhsKeptInOrder() {
        BenchArguments args = BenchArguments.parse(List.of("RegexValidationBenchmark.searchQuery", "-p", "fault=faulty",
                "--label", "faulty", "-f", "5", "--events=cpu,alloc", "-i", "2", "--out", "/tmp/b", "--cpu-interval", "2ms"));
        assertThat(args.label()).isEqualTo("faulty");
        assertThat(args.out()).isEqualTo(Path.of("/tmp/b"));
        assertThat(args.capture().events()).containsExactly(ProfilingEvent.CPU, ProfilingEvent.ALLOC);
        assertThat(args.capture().cpuIntervalNanos()).isEqualTo(2_000_000L);
        assertThat(args.jmhArgs()).containsExactly("RegexValidationBenchmark.searchQuery", "-p", "fault=faulty", "-f", "5",
                "-i", "2");
        assertThat(args.reproduceCommand()).isEqualTo("./perf bench RegexValidationBenchmark.searchQuery -p fault=faulty"
                + " --label faulty -f 5 --events=cpu,alloc -i 2 --out /tmp/b --cpu-interval 2ms");
        assertThat(args.eventIds()).isEqualTo("cpu,alloc");
    }

    @Test
    void defaults() {
        BenchArguments args = BenchArguments.parse(List.of("--label", "x"));
        assertThat(args.out()).isEqualTo(Path.of("runs", "bench"));
        assertThat(args.capture().events()).containsExactly(ProfilingEvent.CPU);
        assertThat(args.capture().cpuIntervalNanos()).isEqualTo(1_000_000L);
    }

    @Test
    void quotesWhatTheShellWouldSplit() {
        BenchArguments args = BenchArguments.parse(List.of("PriceCache|Receipt", "-jvmArgsAppend", "-Xmx1g -Dx=it's",
                "--label", "x"));
        assertThat(args.reproduceCommand())
                .isEqualTo("./perf bench 'PriceCache|Receipt' -jvmArgsAppend '-Xmx1g -Dx=it'\\''s' --label x");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> BenchArguments.parse(List.of("-rf", "csv", "-prof", "async:output=flamegraph", "-f", "0",
                "--label", "a b", "--events", "cpu,heap", "--cpu-interval", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-rf is set by perf bench")
                .hasMessageContaining("-prof async:output=flamegraph would start a second async-profiler")
                .hasMessageContaining("-f 0 runs in this JVM")
                .hasMessageContaining("--label was 'a b'")
                .hasMessageContaining("--events had 'heap'")
                .hasMessageContaining("--cpu-interval: 'soon' is not a duration");
    }
}
