package io.perfharness.benchmarks;

import io.perfharness.core.latency.LatencyRecorder;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Merging per-interval latency histograms into a window total, as {@code core/latency}'s
 * {@code HlogTotals} does for every tag of an .hlog (and as distributed load will merge injectors):
 * exact HdrHistogram {@code add} of {@code intervals} 1-second histograms in {@link LatencyRecorder}'s
 * layout (1 us .. 1 h, 3 digits) into an auto-resizing total of the same layout. Intervals hold
 * seeded log-normal latencies (median 2 ms, a slow tail) at {@code requestsPerInterval}. One op is one
 * whole merge.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HistogramMergeBenchmark {
    /** 1 s intervals in the window: a 1-minute run. */
    @Param({"60"})
    public int intervals;

    @Param({"50", "5000"})
    public int requestsPerInterval;

    private Histogram[] perInterval;

    @Setup
    public void setUp() {
        Random random = new Random(7);
        perInterval = new Histogram[intervals];
        for (int i = 0; i < intervals; i++) {
            Histogram h = new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_MICROS, LatencyRecorder.SIGNIFICANT_DIGITS);
            for (int r = 0; r < requestsPerInterval; r++) {
                double micros = Math.exp(Math.log(2_000) + 0.8 * random.nextGaussian());
                h.recordValue(Math.min(LatencyRecorder.HIGHEST_TRACKABLE_MICROS, Math.max(1, (long) micros)));
            }
            perInterval[i] = h;
        }
    }

    @Benchmark
    public Histogram mergeIntervals() {
        Histogram first = perInterval[0];
        Histogram total = new Histogram(first.getLowestDiscernibleValue(), first.getHighestTrackableValue(),
                first.getNumberOfSignificantValueDigits());
        total.setAutoResize(true);
        for (Histogram interval : perInterval) {
            total.add(interval);
        }
        return total;
    }
}
