package io.perfharness.loadtests.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfharness.loadtests.schedule.Arrival;
import io.perfharness.loadtests.schedule.ArrivalSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replaying a shape derived from the real NASA log, onto the sample service through the shipped mapping. */
class ShapeReplayTest {
    static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    static Path mappingFile() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shapes/realdata-access-logs.mapping.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shapes/realdata-access-logs.mapping.json not found above " + Path.of("").toAbsolutePath());
    }

    static ShapeFile nasaShape(double speed) throws Exception {
        RouteMapping mapping = RouteMappingReader.read(mappingFile());
        return AccessLogToShape.convert(List.of(RealData.nasa()), new AccessLogReader(AccessLogReader.Options.defaults()),
                new AccessLogToShape.Options(1000, 60_000, speed, 1, 10_000, 1000, null),
                new PathTemplater(mapping.templateRules()), new SecretScrubber(false));
    }

    @Test
    void exactModeReplaysTheLogsOwnCountsPerSecondCompressed() throws Exception {
        ShapeFile shape = nasaShape(60);
        RouteMapping mapping = RouteMappingReader.read(mappingFile());
        ShapeReplay.Plan plan = ShapeReplay.plan(shape, mapping, true, 1, 2 * SECOND, 10 * SECOND, 0, 1_000_000);
        ArrivalSchedule schedule = plan.schedule();
        // at speed 60 one replay second is 60 one-second log buckets: count them independently
        long[] perSecond = new long[12];
        for (long[] pair : shape.curve().counts()) {
            if (pair[0] / 60 < 12) {
                perSecond[(int) (pair[0] / 60)] += pair[1];
            }
        }
        for (int s = 0; s < 12; s++) {
            assertThat(schedule.buckets().get(s).count()).as("second %d", s).isEqualTo((int) perSecond[s]);
        }
        assertThat(plan.loops()).isEqualTo(1);
        assertThat(plan.rateFactor()).isEqualTo(1.0);
        // every request goes to a sample-service endpoint through the mapping
        assertThat(schedule.arrivals()).extracting(a -> a.request().path()).allMatch(p -> p.startsWith("/api/"));
    }

    @Test
    void modelModeIsSeededAndFollowsTheCurveOnAverage() throws Exception {
        ShapeFile shape = nasaShape(60);
        RouteMapping mapping = RouteMappingReader.read(mappingFile());
        ShapeReplay.Plan a = ShapeReplay.plan(shape, mapping, false, 7, 0, 60 * SECOND, 0, 1_000_000);
        ShapeReplay.Plan b = ShapeReplay.plan(shape, mapping, false, 7, 0, 60 * SECOND, 0, 1_000_000);
        assertThat(a.schedule().arrivals()).extracting(Arrival::offsetNanos)
                .isEqualTo(b.schedule().arrivals().stream().map(Arrival::offsetNanos).toList());
        assertThat(a.schedule().arrivals()).extracting(x -> x.request().path())
                .isEqualTo(b.schedule().arrivals().stream().map(x -> x.request().path()).toList());
        double expected = 0;
        for (double e : a.schedule().intent().expectedPerBucket()) {
            expected += e;
        }
        long drawn = a.schedule().arrivals().size();
        // Poisson total over 60 s: within 4 standard deviations of the curve's mean
        assertThat(Math.abs(drawn - expected)).isLessThan(4 * Math.sqrt(expected));
        // the allocated mix tracks the shape's mix: within one arrival per template
        double[] scheduled = new double[shape.templates().size()];
        a.schedule().arrivals().forEach(x -> scheduled[a.schedule().intent().templateOfArrival()[(int) x.seq()]]++);
        assertThat(ReplayFidelity.tvd(a.schedule().intent().shapeMixInWindow(), scheduled))
                .isLessThan(shape.templates().size() / (double) drawn);
    }

    @Test
    void rateOverrideScalesTheWindowMean() throws Exception {
        ShapeFile shape = nasaShape(60);
        ShapeReplay.Plan plan = ShapeReplay.plan(shape, RouteMappingReader.read(mappingFile()), true, 1, 0, 20 * SECOND,
                10, 1_000_000);
        assertThat(plan.schedule().arrivals()).hasSize(200);
    }

    @Test
    void aTemplateWithoutRouteIsUnusableAndAnUnusedRouteIsNamedWithItsLine() throws Exception {
        ShapeFile shape = nasaShape(60);
        Path mapping = dir.resolve("partial.mapping.json");
        Files.writeString(mapping, """
                {"schemaVersion": 1,
                 "routes": [
                   {"match": "GET /{image}", "method": "GET", "path": "/api/categories"},
                   {"match": "GET /no/such/template", "method": "GET", "path": "/api/categories"}
                 ]}
                """);
        RouteMapping partial = RouteMappingReader.read(mapping);
        assertThatThrownBy(() -> ShapeReplay.plan(shape, partial, true, 1, 0, 10 * SECOND, 0, 1_000_000))
                .isInstanceOf(ShapeInputException.class)
                .hasMessageContaining(mapping.toString()).hasMessageContaining("no route matches").hasMessageContaining("GET /");
        Files.writeString(mapping, """
                {"schemaVersion": 1,
                 "routes": [
                   {"match": "GET /no/such/template", "method": "GET", "path": "/api/categories"},
                   {"match": "** /**", "method": "GET", "path": "/api/categories"}
                 ]}
                """);
        ShapeReplay.Plan plan = ShapeReplay.plan(shape, RouteMappingReader.read(mapping), true, 1, 0, 10 * SECOND, 0, 1_000_000);
        assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).contains(mapping + " line 3")
                .contains("'GET /no/such/template' matches no template"));
    }

    @Test
    void badMappingFilesNameFileLineAndValue() throws Exception {
        Path mapping = dir.resolve("bad.mapping.json");
        Files.writeString(mapping, """
                {"schemaVersion": 1,
                 "templates": [{"pattern": "([", "template": "x"}],
                 "routes": [
                   {"match": "GET /x", "method": "DELETE", "path": "/api/${int:9:1}"}
                 ]}
                """);
        assertThatThrownBy(() -> RouteMappingReader.read(mapping)).isInstanceOf(ShapeInputException.class)
                .hasMessageContaining(mapping + " line 2: pattern '(['")
                .hasMessageContaining(mapping + " line 4: method was 'DELETE'")
                .hasMessageContaining("placeholder '${int:9:1}'");
    }
}
