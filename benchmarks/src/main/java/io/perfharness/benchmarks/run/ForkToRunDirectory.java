package io.perfharness.benchmarks.run;

import io.perfharness.benchmarks.profile.ForkRecord;
import io.perfharness.core.json.Json;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.capture.CaptureSettings;
import io.perfharness.profiling.capture.ConvertedProfile;
import io.perfharness.profiling.capture.JfrToCollapsedProfiles;
import io.perfharness.profiling.event.ProfilingEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import one.jfr.JfrReader;

/**
 * Turns one fork's staging folder ({@link ForkRecord} and its JFR recording) into a run directory
 * {@code <labelDir>/<UTC time>-<label>-fork<N>}: {@code run.json}, {@code jmh/score.json} and the
 * per-event collapsed profiles (normalized) and flame graphs of the measured iterations. Stateless.
 */
final class ForkToRunDirectory {
    static final String HARNESS_VERSION = Optional.ofNullable(ForkToRunDirectory.class.getPackage()
            .getImplementationVersion()).orElse("0.1.0-SNAPSHOT");

    private ForkToRunDirectory() {
    }

    /** What every fork of one {@code perf bench} invocation shares. */
    record Invocation(String label, Path labelDir, CaptureSettings capture, String reproduceCommand,
            Map<String, String> options) {}

    static RunDirectory write(Path forkDir, ForkRecord fork, Invocation invocation) throws IOException {
        RunDirectory dir = RunDirectory.create(invocation.labelDir(), Instant.ofEpochMilli(fork.runStartEpochMs()),
                invocation.label() + "-fork" + fork.forkNumber());
        List<String> invalid = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        fork.problems().forEach(p -> invalid.add("profiler: " + p));
        if (!ForkRecord.COMPLETE.equals(fork.status())) {
            invalid.add("the fork did not finish its measurement (" + fork.iterations().size() + " of "
                    + fork.measurementIterations() + " measured iterations recorded; status " + fork.status() + ")");
        }
        long operations = fork.iterations().stream().mapToLong(ForkRecord.MeasuredIteration::allOps).sum();
        long measuredOperations = fork.iterations().stream().mapToLong(ForkRecord.MeasuredIteration::measuredOps).sum();
        if (operations <= 0) {
            invalid.add("no operations were counted in the measured iterations");
        }

        List<RunManifest.ProfiledEvent> events = new ArrayList<>();
        String engine = null;
        Path jfr = fork.jfrFile() == null ? null : forkDir.resolve(fork.jfrFile());
        if (jfr != null && Files.isRegularFile(jfr) && Files.size(jfr) > 0) {
            try {
                for (ConvertedProfile converted : JfrToCollapsedProfiles.convert(jfr, invocation.capture().events(),
                        dir.profileDir())) {
                    ProfilingEvent event = converted.event();
                    events.add(new RunManifest.ProfiledEvent(event.id(), intervalText(invocation.capture(), event),
                            invocation.capture().sampleIntervalNanos(event), converted.countUnit().id(),
                            "profile/" + event.id() + ".collapsed", "profile/" + event.id() + ".html",
                            converted.profile().totalCount()));
                    if (converted.profile().totalCount() == 0) {
                        warnings.add("the " + event.id() + " profile is empty");
                    }
                }
                if (invocation.capture().has(ProfilingEvent.CPU)) {
                    engine = cpuEngine(jfr).orElse("unknown");
                    if (!"perf_events".equals(engine)) {
                        warnings.add("cpu was sampled with " + engine + " instead of perf_events (not permitted here);"
                                + " CPU-time samples are sound, but kernel frames are missing");
                    }
                }
            } catch (ProfilingException e) {
                invalid.add("the recording could not be converted: " + e.getMessage());
            }
        } else {
            invalid.add("no profile was recorded");
        }

        BenchScoreFile score = new BenchScoreFile(BenchScoreFile.SCHEMA_VERSION, fork.benchmark(), fork.params(),
                fork.mode(), fork.scoreUnit(), mean(fork.iterations()),
                fork.iterations().stream().map(ForkRecord.MeasuredIteration::score).toList(), operations,
                measuredOperations);
        Json.writeFile(dir.root().resolve(BenchScoreFile.FILE), score);

        boolean complete = ForkRecord.COMPLETE.equals(fork.status());
        RunManifest manifest = new RunManifest(RunManifest.SCHEMA_VERSION, dir.runId(), invocation.label(),
                complete ? RunManifest.Status.COMPLETE : RunManifest.Status.INCOMPLETE, invalid.isEmpty(),
                invalid.isEmpty() ? null : List.copyOf(invalid),
                new RunManifest.Target(targetSpec(fork), "jmh", null, null, fork.pid(), null, false, null, null, null,
                        null),
                new RunManifest.Load("jmh", null, 0, null, null, 0, null, 0, 0, null, operations, 0L, 0.0, 0, null),
                new RunManifest.Windows(fork.runStartEpochMs(), fork.warmupStartEpochMs(),
                        fork.measurementStartEpochMs(), fork.measurementEndEpochMs(), fork.profilerStopEpochMs(),
                        fork.warmupIterations() * fork.warmupTimeMillis(),
                        fork.measurementIterations() * fork.measurementTimeMillis()),
                null,
                new RunManifest.Profiler("async-profiler", versionOf(fork), engine, List.copyOf(events),
                        fork.profilerStartEpochMs(), fork.profilerStopEpochMs(), null,
                        List.of("started at the first measured iteration and stopped after the last: JMH's work"
                                + " between measured iterations is inside the window; operations count all"
                                + " threads' operations of those iterations (JMH allOps)")),
                new RunManifest.Host(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), fork.jvmVersion()),
                HARNESS_VERSION, List.copyOf(warnings), invocation.reproduceCommand(), invocation.options());
        dir.writeManifest(manifest);
        return dir;
    }

    /** {@code <benchmark method FQN>:<param=value,...>}, params sorted; just the FQN without params. */
    static String targetSpec(ForkRecord fork) {
        if (fork.params() == null || fork.params().isEmpty()) {
            return fork.benchmark();
        }
        return fork.benchmark() + ":" + fork.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static double mean(List<ForkRecord.MeasuredIteration> iterations) {
        return iterations.stream().mapToDouble(ForkRecord.MeasuredIteration::score).average().orElse(Double.NaN);
    }

    private static String versionOf(ForkRecord fork) {
        String v = fork.profilerVersion();
        return v == null ? null : v.strip();
    }

    /** As load runs write them: {@code 10ms}, {@code 512KiB}, {@code 10us threshold}. */
    static String intervalText(CaptureSettings capture, ProfilingEvent event) {
        long value = capture.intervalFor(event);
        return switch (event) {
            case ALLOC -> value % 1024 == 0 ? value / 1024 + "KiB" : value + "B";
            case LOCK -> nanosText(value) + " threshold";
            default -> nanosText(value);
        };
    }

    private static String nanosText(long nanos) {
        if (nanos % 1_000_000 == 0) {
            return nanos / 1_000_000 + "ms";
        }
        return nanos % 1_000 == 0 ? nanos / 1_000 + "us" : nanos + "ns";
    }

    /** The engine async-profiler wrote into the recording's settings ({@code perf_events}, {@code ctimer}, ...). */
    static Optional<String> cpuEngine(Path jfr) {
        try (JfrReader reader = new JfrReader(jfr.toString())) {
            reader.readEvent(); // settings come first in async-profiler's chunks; reading one event parses them
            return Optional.ofNullable(reader.settings.get("engine"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
