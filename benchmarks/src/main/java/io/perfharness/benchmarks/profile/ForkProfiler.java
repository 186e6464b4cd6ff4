package io.perfharness.benchmarks.profile;

import io.perfharness.core.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import one.profiler.AsyncProfiler;
import one.profiler.AsyncProfilerLoader;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;

/**
 * A JMH profiler that runs async-profiler (loaded through ap-loader) inside every fork, over the
 * measured iterations only, and leaves one folder per fork: the JFR recording and {@link ForkRecord}
 * with the per-iteration scores and operation counts. JMH 1.37's {@code -prof async} keeps only the
 * last fork's output; forks are our replicates, so each must keep its own.
 *
 * <p>Use: {@code -prof io.perfharness.benchmarks.profile.ForkProfiler:<init line>} (see
 * {@link ForkProfilerSettings}). Each fork claims {@code <dir>/<benchmark and params>/fork-<N>} by
 * creating it (JMH runs forks one after another, so N is the fork's order); the first
 * {@code warmupForks} of a benchmark are JMH warm-up forks and are not profiled. Mutable, one per fork.
 */
public final class ForkProfiler implements InternalProfiler {
    private final ForkProfilerSettings settings;

    private Path forkDir;
    private int forkNumber;
    private boolean warmupFork;
    private AsyncProfiler profiler;
    private volatile boolean profiling;
    private int measuredSoFar;
    private final List<ForkRecord.MeasuredIteration> iterations = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final long runStartEpochMs = System.currentTimeMillis();
    private Long warmupStartEpochMs;
    private Long measurementStartEpochMs;
    private Long measurementEndEpochMs;
    private Long profilerStartEpochMs;
    private Long profilerStopEpochMs;
    private long iterationStartEpochMs;
    private String profilerVersion;
    private String scoreUnit;

    /** JMH calls this with the text after {@code ForkProfiler:}. */
    public ForkProfiler(String initLine) {
        this.settings = ForkProfilerSettings.parse(initLine);
    }

    @Override
    public String getDescription() {
        return "perf-harness: async-profiler (ap-loader) in every fork, measured iterations only, one folder per fork";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        if (forkDir == null) {
            claimForkDir(benchmark);
        }
        if (warmupFork) {
            return;
        }
        iterationStartEpochMs = System.currentTimeMillis();
        if (iteration.getType() == IterationType.WARMUP) {
            if (warmupStartEpochMs == null) {
                warmupStartEpochMs = iterationStartEpochMs;
            }
            return;
        }
        if (measuredSoFar == 0) {
            startProfiler(benchmark);
            measurementStartEpochMs = System.currentTimeMillis();
            iterationStartEpochMs = measurementStartEpochMs;
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
            IterationResult result) {
        if (warmupFork || iteration.getType() != IterationType.MEASUREMENT) {
            return List.of();
        }
        measuredSoFar++;
        long endEpochMs = System.currentTimeMillis();
        scoreUnit = result.getScoreUnit();
        long allOps = result.getMetadata() == null ? -1 : result.getMetadata().getAllOps();
        long measuredOps = result.getMetadata() == null ? -1 : result.getMetadata().getMeasuredOps();
        iterations.add(new ForkRecord.MeasuredIteration(measuredSoFar, result.getPrimaryResult().getScore(), allOps,
                measuredOps, iterationStartEpochMs, endEpochMs));
        if (measuredSoFar >= iteration.getCount()) {
            measurementEndEpochMs = endEpochMs;
            stopProfiler();
            write(benchmark, profilerStopEpochMs != null && problems.isEmpty() ? ForkRecord.COMPLETE : ForkRecord.FAILED);
        }
        // Nothing is written between measured iterations: it would be inside the profile.
        return List.of();
    }

    private void claimForkDir(BenchmarkParams benchmark) {
        Path benchmarkDir = settings.dir().resolve(benchmarkKey(benchmark));
        try {
            Files.createDirectories(benchmarkDir);
            for (int n = 1; ; n++) {
                try {
                    forkDir = Files.createDirectory(benchmarkDir.resolve("fork-" + n));
                    warmupFork = n <= benchmark.getWarmupForks();
                    forkNumber = warmupFork ? n : n - benchmark.getWarmupForks();
                    break;
                } catch (FileAlreadyExistsException taken) {
                    // an earlier fork of this benchmark: try the next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ForkProfiler cannot create a fork folder under " + benchmarkDir, e);
        }
        // Written now also so that JSON writing is loaded and warm before anything is profiled.
        write(benchmark, warmupFork ? ForkRecord.WARMUP_FORK : ForkRecord.WARMING_UP);
    }

    private void startProfiler(BenchmarkParams benchmark) {
        Path jfr = forkDir.resolve("profile.jfr");
        try {
            profiler = AsyncProfilerLoader.load();
            profilerVersion = profiler.getVersion();
            profiler.execute(settings.startCommand(jfr));
            profiling = true;
            profilerStartEpochMs = System.currentTimeMillis();
            // The profiler must stop (and finish its file) also when the fork dies mid-measurement; the
            // record then says how far it got (status PROFILING: incomplete).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (profiling) {
                    stopProfiler();
                    write(benchmark, ForkRecord.PROFILING);
                }
            }, "fork-profiler-stop"));
        } catch (IOException | RuntimeException e) {
            problems.add("async-profiler did not start: " + e);
            write(benchmark, ForkRecord.FAILED);
        }
    }

    private synchronized void stopProfiler() {
        if (!profiling) {
            return;
        }
        profiling = false;
        try {
            profiler.execute("stop");
            profilerStopEpochMs = System.currentTimeMillis();
        } catch (IOException | RuntimeException e) {
            problems.add("async-profiler did not stop cleanly: " + e);
        }
    }

    private void write(BenchmarkParams benchmark, String status) {
        IterationParams measurement = benchmark.getMeasurement();
        IterationParams warmup = benchmark.getWarmup();
        ForkRecord record = new ForkRecord(status, benchmark.getBenchmark(), benchmark.getMode().shortLabel(),
                params(benchmark), scoreUnit, forkNumber, benchmark.getForks(), benchmark.getWarmupForks(),
                benchmark.getThreads(), measurement.getCount(), measurement.getTime().convertTo(
                        TimeUnit.MILLISECONDS), warmup.getCount(),
                warmup.getTime().convertTo(TimeUnit.MILLISECONDS), ProcessHandle.current().pid(),
                System.getProperty("java.version"), profilerVersion, warmupFork ? null : "profile.jfr",
                runStartEpochMs, warmupStartEpochMs, measurementStartEpochMs, measurementEndEpochMs,
                profilerStartEpochMs, profilerStopEpochMs, List.copyOf(iterations), List.copyOf(problems));
        try {
            Path tmp = forkDir.resolve(ForkRecord.FILE + ".tmp");
            Json.writeFile(tmp, record);
            Files.move(tmp, forkDir.resolve(ForkRecord.FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("ForkProfiler cannot write " + forkDir.resolve(ForkRecord.FILE), e);
        }
    }

    /** The benchmark's parameters, sorted by name. */
    static Map<String, String> params(BenchmarkParams benchmark) {
        Map<String, String> params = new TreeMap<>();
        for (Object key : benchmark.getParamsKeys()) {
            params.put(key.toString(), benchmark.getParam(key.toString()));
        }
        return params;
    }

    /** A folder name for the benchmark and its parameters: readable, and unique through a hash. */
    static String benchmarkKey(BenchmarkParams benchmark) {
        String text = benchmark.getBenchmark() + "-" + benchmark.getMode().shortLabel() + params(benchmark);
        String readable = text.replaceAll("[^A-Za-z0-9._=-]+", "_");
        if (readable.length() > 120) {
            readable = readable.substring(readable.length() - 120);
        }
        return readable + "-" + Integer.toHexString(text.hashCode());
    }
}
