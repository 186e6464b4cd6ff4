package io.perfharness.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** perf.warmup: a fixed duration, auto, or auto with its own floor and cap. */
class WarmupOptionTest {
  private static final Path BASE = Path.of("/repo");

  private static ConfigException problems(Map<String, String> keys) {
    try {
      RunConfigParser.parse(keys, BASE);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("no problem reported for " + keys);
  }

  @Test
  void autoTakesTheDocumentedFloorAndCap() throws Exception {
    RunConfig c = RunConfigParser.parse(Map.of("warmup", "auto"), BASE);
    assertThat(c.autoWarmup()).isTrue();
    assertThat(c.warmupPolicy()).isEqualTo(WarmupPolicy.auto(Duration.ofSeconds(10), Duration.ofMinutes(3)));
    assertThat(c.warmupPolicy().spec()).isEqualTo("auto");
    // warmup() is the longest the warm-up may last: it bounds the requests (50/s over 3 min + 30 s, twice, + 1000)
    assertThat(c.warmup()).isEqualTo(Duration.ofMinutes(3));
    assertThat(c.maxRequests()).isEqualTo(50L * 210 * 2 + 1000);
  }

  @Test
  void autoTakesItsOwnFloorAndCap() throws Exception {
    RunConfig c = RunConfigParser.parse(Map.of("warmup", "AUTO:5s..90s"), BASE);
    assertThat(c.warmupPolicy()).isEqualTo(WarmupPolicy.auto(Duration.ofSeconds(5), Duration.ofSeconds(90)));
    assertThat(c.warmupPolicy().spec()).isEqualTo("auto:5s..90s");
    assertThat(c.warmup()).isEqualTo(Duration.ofSeconds(90));
    assertThat(RunConfigParser.parse(Map.of("warmup", "auto:0s..1m"), BASE).warmupPolicy().floor()).isZero();
  }

  @Test
  void aDurationIsAFixedWarmUpAsBefore() throws Exception {
    RunConfig c = RunConfigParser.parse(Map.of("warmup", "15s"), BASE);
    assertThat(c.autoWarmup()).isFalse();
    assertThat(c.warmup()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.warmupPolicy()).isEqualTo(WarmupPolicy.fixed(Duration.ofSeconds(15)));
    assertThat(c.warmupPolicy().spec()).isEqualTo("15s");
  }

  @Test
  void theSystemPropertyTakesTheSameValues() throws Exception {
    Properties p = new Properties();
    p.setProperty("perf.warmup", "auto:20s..2m");
    assertThat(RunConfigParser.fromProperties(p, BASE).warmupPolicy())
        .isEqualTo(WarmupPolicy.auto(Duration.ofSeconds(20), Duration.ofMinutes(2)));
  }

  @Test
  void smokeAndSoakKeepTheirFixedWarmUpsUnlessAutoIsAsked() throws Exception {
    assertThat(RunConfigParser.parse(Map.of("shape", "smoke"), BASE).warmupPolicy())
        .isEqualTo(WarmupPolicy.fixed(Duration.ofSeconds(2)));
    assertThat(RunConfigParser.parse(Map.of("shape", "soak"), BASE).warmupPolicy())
        .isEqualTo(WarmupPolicy.fixed(Duration.ofSeconds(30)));
    assertThat(RunConfigParser.parse(Map.of("shape", "ramp"), BASE).autoWarmup()).isTrue();
  }

  @Test
  void steadySmokeAndSoakAcceptAuto() throws Exception {
    for (String shape : new String[] {"steady", "smoke", "soak"}) {
      assertThat(RunConfigParser.parse(Map.of("shape", shape, "warmup", "auto"), BASE).autoWarmup()).isTrue();
    }
  }

  @Test
  void aBadValueNamesKeyValueAndTheAcceptedForms() {
    assertThat(problems(Map.of("warmup", "automatic")).problems()).containsExactly(
        "`perf.warmup` was 'automatic' but it must be a duration like 10s, or auto (the run ends the warm-up once the"
            + " target's JIT compilation and latency have settled; auto:FLOOR..CAP bounds it, default auto:10s..3m)"
            + " ('automatic' is neither a duration nor auto; use e.g. 10s, auto or auto:10s..3m)");
    assertThat(problems(Map.of("warmup", "soon")).problems().get(0))
        .startsWith("`perf.warmup` was 'soon' but it must be a duration like 10s, or auto")
        .endsWith("('soon' is not a duration; use a number with ms, s, m or h, e.g. 500ms, 10s, 2m)");
    assertThat(problems(Map.of("warmup", "auto:10s")).problems().get(0))
        .startsWith("`perf.warmup` was 'auto:10s' but it must be");
  }

  @Test
  void aCapBelowTheFloorOrAboveAnHourIsRefused() {
    assertThat(problems(Map.of("warmup", "auto:1m..10s")).problems().get(0))
        .startsWith("`perf.warmup` was 'auto:1m..10s' but it must be")
        .endsWith("('auto:1m..10s' has a cap below its floor; use auto:FLOOR..CAP, e.g. auto:10s..3m)");
    assertThat(problems(Map.of("warmup", "auto:10s..2h")).problems())
        .containsExactly("`perf.warmup` was 'auto:10s..2h' but it must have a cap of at most 1h");
    assertThat(problems(Map.of("warmup", "auto:0s..500ms")).problems())
        .containsExactly("`perf.warmup` was 'auto:0s..500ms' but it must have a cap of at least 1s (the warm-up"
            + " detector samples once a second)");
  }

  @Test
  void problemsOfTheWarmUpAreReportedWithTheOthers() {
    assertThat(problems(Map.of("warmup", "auto:x..3m", "rate", "fast")).problems())
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("`perf.warmup` was 'auto:x..3m' but it must"))
        .anySatisfy(p -> assertThat(p).startsWith("`perf.rate` was 'fast'"));
  }

  @Test
  void theOldConstructorsKeepAFixedWarmUp() {
    RunConfig c = new RunConfig(TargetSpec.parse("sample"), "steady", Duration.ofSeconds(7), Duration.ofSeconds(30), 50,
        java.util.List.of(), "run", 1, BASE, java.util.OptionalLong.empty(), false, 1000, false, Duration.ofSeconds(60),
        "/health", null, null, "model", java.util.Set.of());
    assertThat(c.warmupPolicy()).isEqualTo(WarmupPolicy.fixed(Duration.ofSeconds(7)));
    assertThat(c.withReplayWindow(Duration.ofSeconds(20), 10, 500).warmupPolicy()).isEqualTo(c.warmupPolicy());
  }
}
