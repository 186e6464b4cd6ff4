package io.perfharness.benchmarks;

import io.perfharness.core.latency.LatencyRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot path of every load run: recording one request's latency. Our {@link LatencyRecorder}
 * (per-name lookup, error count, interval recorder) side by side with a bare HdrHistogram {@link
 * Recorder}, in one run, so the ratio is what the harness adds. Two threads, as Gatling records
 * from several event loops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(2)
public class LatencyRecordingBenchmark {
  private static final String[] NAMES = {"GET /api/products", "GET /api/products/{id}", "GET /api/search", "POST /api/orders"};

  private LatencyRecorder ours;
  private Recorder bare;
  private Path dir;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("latency-bench");
    ours = new LatencyRecorder(dir, Clock.systemUTC());
    ours.startMeasurement();
    bare = new Recorder(LatencyRecorder.HIGHEST_TRACKABLE_MICROS, LatencyRecorder.SIGNIFICANT_DIGITS);
  }

  @Setup(Level.Iteration)
  public void tick() throws IOException {
    ours.tick(); // as the run does every second: keeps the interval histograms from filling up
    bare.getIntervalHistogram();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    ours.close();
  }

  @Benchmark
  public void ourRecorder() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    ours.record(NAMES[r.nextInt(NAMES.length)], 500_000 + r.nextInt(20_000_000), true);
  }

  @Benchmark
  public void bareHdrRecorder() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String name = NAMES[r.nextInt(NAMES.length)];
    bare.recordValue((500_000 + r.nextInt(20_000_000) + name.length()) / 1_000);
  }
}
