package io.perfharness.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RunConfigParserTest {
  private static final Path BASE = Path.of("/repo");

  @Test
  void defaultsAreTheDocumentedOnes() throws Exception {
    RunConfig c = RunConfigParser.parse(Map.of(), BASE);
    assertThat(c.target()).isEqualTo(new TargetSpec.Sample("sample", List.of()));
    // auto: the window starts once the target's JIT and latency settled, after 10 s at least and 3 min at most
    assertThat(c.warmupPolicy()).isEqualTo(WarmupPolicy.auto(Duration.ofSeconds(10), Duration.ofMinutes(3)));
    assertThat(c.warmup()).isEqualTo(Duration.ofMinutes(3));
    assertThat(c.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.events()).containsExactly("cpu");
    assertThat(c.outDir()).isEqualTo(Path.of("/repo/runs"));
    assertThat(c.shape()).isEqualTo("steady");
    // bounded: twice the intended requests of the longest warm-up plus window, plus slack
    assertThat(c.maxRequests()).isEqualTo((long) Math.ceil(50 * 210 * 2 + 1000));
  }

  @Test
  void readsPerfSystemPropertiesAndIgnoresOthers() throws Exception {
    Properties p = new Properties();
    p.setProperty("perf.target", "sample:fault=cpu-regex,leak");
    p.setProperty("perf.warmup", "500ms");
    p.setProperty("perf.duration", "2m");
    p.setProperty("perf.events", "cpu,alloc,wall");
    p.setProperty("perf.seed", "7");
    p.setProperty("java.version", "17");
    RunConfig c = RunConfigParser.fromProperties(p, BASE);
    assertThat(c.target()).isEqualTo(new TargetSpec.Sample("sample:fault=cpu-regex,leak", List.of("cpu-regex", "leak")));
    assertThat(c.warmup()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.events()).containsExactly("cpu", "alloc", "wall");
    assertThat(c.seed()).isEqualTo(7);
  }

  @Test
  void reportsEveryProblemAtOnceNamingKeyAndValue() {
    assertThatThrownBy(() -> RunConfigParser.parse(Map.of(
            "rate", "fast", "duration", "10 parsecs", "events", "cpu,gpu", "label", "a b", "tagret", "x"), BASE))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactlyInAnyOrder(
            "`perf.tagret` is not an option; known options: perf." + String.join(", perf.", RunConfigParser.DEFAULTS.keySet()),
            "`perf.duration` was '10 parsecs' but it must be a duration like 30s ('10 parsecs' is not a duration; use a number with ms, s, m or h, e.g. 500ms, 10s, 2m)",
            "`perf.rate` was 'fast' but it must be a number of requests per second",
            "`perf.events` was 'cpu,gpu' but it must be a comma-separated subset of [cpu, alloc, lock, wall] or none ('gpu' is not an event)",
            "`perf.label` was 'a b' but it must be 1-64 characters of A-Z a-z 0-9 . _ -"));
  }

  @Test
  void urlTargetNeedsPidToBeProfiled() {
    assertThatThrownBy(() -> RunConfigParser.parse(Map.of("target", "url:http://127.0.0.1:8080"), BASE))
        .hasMessageContaining("-Dperf.pid=");
  }

  @Test
  void urlTargetWithoutProfilingNeedsNoPid() throws Exception {
    RunConfig c = RunConfigParser.parse(Map.of("target", "url:http://127.0.0.1:8080/", "events", "none"), BASE);
    assertThat(((TargetSpec.Url) c.target()).baseUrl().toString()).isEqualTo("http://127.0.0.1:8080");
    assertThat(c.profiling()).isFalse();
  }

  @Test
  void commandTargetMustTakeAPort() {
    assertThatThrownBy(() -> TargetSpec.parse("cmd:java -jar app.jar"))
        .hasMessageContaining("{port}");
    TargetSpec t = TargetSpec.parse("cmd:java -Dx='a b' -jar \"my app.jar\" --port={port}");
    assertThat(((TargetSpec.Command) t).argv())
        .containsExactly("java", "-Dx=a b", "-jar", "my app.jar", "--port={port}");
  }

  @Test
  void durationsRoundTrip() {
    assertThat(DurationParser.parse("10")).isEqualTo(Duration.ofSeconds(10));
    assertThat(DurationParser.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationParser.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(DurationParser.format(Duration.ofMinutes(2))).isEqualTo("2m");
  }
}
