package io.perfharness.loadtests.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.RunConfigParser;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.SampleShopMix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a shape derived from the real NASA access log (time compressed 60 times, about 28
 * arrivals/s with bursts), replayed onto the real sample service through the shipped mapping, must
 * report its fidelity in run.json and SUMMARY.md, computed from the users that really started.
 *
 * <p>Thresholds: the target is NRMSE under 5% and TVD under 0.02 against the schedule.
 * Per-bucket errors come from users that start late enough to cross into the next second: at 40-60
 * arrivals/s (15-25 ms apart) a start lag of tens of milliseconds moves a few users per bucket.
 * So the 5% bound applies when the generator kept its schedule by the harness's own rule (start
 * lag p99 at most 50 ms); on a machine so busy that the run is marked invalid for that reason, the
 * bound is 10% (a run here with lag p99 66 ms from parallel builds measured 5.6%). The window is
 * short (8 buckets, about 300 arrivals), so the mix against the shape itself is held to the
 * rounding bound of the allocation (templates / arrivals), and the arrivals against the shape's
 * mean (before the Poisson draw) are not bounded: at about 37 arrivals per bucket the draw alone
 * gives an NRMSE near 1/sqrt(37) = 16%.
 */
class RealLogReplayTest {
    @TempDir
    Path out;

    @Test
    void realLogShapeReplaysWithMeasuredFidelity() throws Exception {
        Path shapeFile = out.resolve("nasa.shape.json");
        RouteMapping mapping = RouteMappingReader.read(ShapeReplayTest.mappingFile());
        ShapeFile shape = AccessLogToShape.convert(List.of(RealData.nasa()), new AccessLogReader(AccessLogReader.Options.defaults()),
                new AccessLogToShape.Options(1000, 60_000, 60, 1, 10_000, 1000, null),
                new PathTemplater(mapping.templateRules()), new SecretScrubber(false));
        ShapeFileWriter.write(shape, shapeFile);

        RunConfig config = RunConfigParser.parse(Map.of(
                "shape", shapeFile.toString(),
                "map", ShapeReplayTest.mappingFile().toString(),
                "events", "none",
                "warmup", "2s",
                "duration", "8s",
                "label", "nasa-replay",
                "out", out.toString()), out);
        RunOutcome outcome = RunLauncher.runInProcess(config, new SampleShopMix(), out.resolve("gatling-results"));
        assertThat(outcome.status()).isEqualTo(RunManifest.Status.COMPLETE);
        RunManifest m = outcome.directory().readManifest();
        RunManifest.Fidelity f = m.fidelity();
        assertThat(f).isNotNull();
        assertThat(m.replay().mode()).isEqualTo("model");
        assertThat(m.replay().templates()).isEqualTo(shape.templates().size());

        // recompute from the per-bucket file: the reported numbers come from the achieved counts
        List<String> rows = Files.readAllLines(outcome.directory().root().resolve(ReplayFidelity.ARRIVALS_FILE));
        assertThat(rows).hasSize(1 + 8);
        double[] scheduled = new double[8];
        long[] achieved = new long[8];
        for (int i = 0; i < 8; i++) {
            String[] c = rows.get(i + 1).split(",");
            scheduled[i] = Double.parseDouble(c[3]);
            achieved[i] = Long.parseLong(c[4]);
        }
        assertThat(f.arrivalsNrmse()).isCloseTo(ReplayFidelity.nrmse(scheduled, achieved), within(1e-6));
        long achievedSum = java.util.Arrays.stream(achieved).sum();
        assertThat(achievedSum).isEqualTo(f.arrivalsAchieved()).isPositive();
        // the generator monitor counts the same users independently (own anchor, so +-2 at the edges)
        assertThat((double) achievedSum).isCloseTo(m.load().requestsStartedInWindow(), within(2.0));

        System.out.printf(java.util.Locale.ROOT, "fidelity: arrivals NRMSE %.4f (vs shape %.4f), mix TVD %.4f (vs shape %.4f),"
                + " %d scheduled, %d achieved, %d templates%n", f.arrivalsNrmse(), f.arrivalsNrmseVsShape(), f.mixTvd(),
                f.mixTvdVsShape(), f.arrivalsScheduled(), f.arrivalsAchieved(), f.templates());
        rows.forEach(System.out::println);
        System.out.println("generator lag p50/p99 us: " + m.load().generator().lagP50Micros() + "/" + m.load().generator().lagP99Micros());
        boolean generatorKeptSchedule = m.load().generator().lagP99Micros() <= 50_000;
        assertThat(f.arrivalsNrmse()).isLessThan(generatorKeptSchedule ? 0.05 : 0.10);
        assertThat(f.mixTvd()).isLessThan(0.02);
        assertThat(f.mixTvdVsShape()).isLessThan(f.templates() / (double) f.arrivalsScheduled());
        assertThat(outcome.directory().summaryFile()).content().contains("Fidelity");
    }
}
