package io.perfharness.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code perf.histoInterval}: off unless asked, 15 s (with the alloc event) under the soak shape, checked before the run. */
class HistoIntervalOptionTest {
  private static final Path BASE = Path.of("/tmp/perf-base");

  @Test
  void offByDefaultOnWithTheSoakShapeOrWhenGiven() throws Exception {
    RunConfig plain = RunConfigParser.parse(Map.of(), BASE);
    assertThat(plain.soakSampling()).isFalse();
    assertThat(plain.histoInterval()).isNull();

    RunConfig soak = RunConfigParser.parse(Map.of("shape", "soak"), BASE);
    assertThat(soak.histoInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(soak.events()).isEqualTo(List.of("alloc"));
    assertThat(soak.duration()).isEqualTo(Duration.ofMinutes(30));

    assertThat(RunConfigParser.parse(Map.of("shape", "soak", "histoInterval", "off"), BASE).soakSampling()).isFalse();
    assertThat(RunConfigParser.parse(Map.of("histoInterval", "1m"), BASE).histoInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(RunConfigParser.parse(Map.of("histoInterval", "20s"), BASE)
        .withReplayWindow(Duration.ofMinutes(2), 10, 5000).histoInterval()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void tooFrequentGarbledOrWithoutAPidForAUrlTargetIsRefused() {
    assertThatThrownBy(() -> RunConfigParser.parse(Map.of("histoInterval", "500ms"), BASE))
        .hasMessageContaining("`perf.histoInterval` was '500ms' but it must be at least 1s");
    assertThatThrownBy(() -> RunConfigParser.parse(Map.of("histoInterval", "often"), BASE))
        .hasMessageContaining("`perf.histoInterval` was 'often' but it must be a duration like 15s or off");
    assertThatThrownBy(() -> RunConfigParser.parse(Map.of("target", "url:http://127.0.0.1:8080", "events", "none",
        "histoInterval", "15s"), BASE))
        .hasMessageContaining("class histograms of a url: target need -Dperf.pid=");
  }
}
