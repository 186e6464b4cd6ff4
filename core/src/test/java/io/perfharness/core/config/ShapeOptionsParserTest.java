package io.perfharness.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** perf.shape as a named shape or a shape file, perf.map and perf.replay. */
class ShapeOptionsParserTest {
    @TempDir
    Path base;

    @Test
    void smokeAndSoakChangeOnlyTheDefaultsNotGivenValues() throws Exception {
        RunConfig smoke = RunConfigParser.parse(Map.of("shape", "smoke"), base);
        assertThat(smoke.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(smoke.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(smoke.ratePerSec()).isEqualTo(5.0);
        RunConfig given = RunConfigParser.parse(Map.of("shape", "smoke", "rate", "20"), base);
        assertThat(given.ratePerSec()).isEqualTo(20.0);
        assertThat(RunConfigParser.parse(Map.of("shape", "soak"), base).duration()).isEqualTo(Duration.ofMinutes(30));
        for (String named : RunConfig.KNOWN_SHAPES) {
            assertThat(RunConfigParser.parse(Map.of("shape", named), base).shapeFile()).isNull();
        }
    }

    @Test
    void aShapeFileResolvesAgainstTheBaseAndRemembersGivenKeys() throws Exception {
        Files.writeString(base.resolve("day.shape.json"), "{}");
        Files.writeString(base.resolve("my.mapping.json"), "{}");
        RunConfig c = RunConfigParser.parse(Map.of("shape", "day.shape.json", "map", "my.mapping.json", "replay", "exact",
                "rate", "30"), base);
        assertThat(c.shapeFile()).isEqualTo(base.resolve("day.shape.json").toAbsolutePath());
        assertThat(c.mapFile()).isEqualTo(base.resolve("my.mapping.json").toAbsolutePath());
        assertThat(c.replayMode()).isEqualTo("exact");
        assertThat(c.givenKeys()).contains("rate", "shape").doesNotContain("duration");
    }

    @Test
    void badShapeOptionsAreAllReportedNamingTheValue() {
        assertThatThrownBy(() -> RunConfigParser.parse(Map.of("shape", "tsunami", "replay", "fast", "map", "x.json"), base))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("`perf.shape` was 'tsunami' but it must be one of [steady, ramp,"))
                        .anySatisfy(p -> assertThat(p).startsWith("`perf.replay` was 'fast' but it must be one of [model, exact]"))
                        .anySatisfy(p -> assertThat(p).startsWith("`perf.map` was 'x.json' but it must be an existing mapping file")));
        assertThatThrownBy(() -> RunConfigParser.parse(Map.of("shape", "missing/day.shape.json"), base))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p).contains("no such file: " + base.resolve("missing/day.shape.json"))));
        assertThatThrownBy(() -> RunConfigParser.parse(Map.of("shape", "steady", "replay", "exact"), base))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p).contains("only apply to a shape file")));
    }
}
