package io.perfharness.benchmarks.run;

import io.perfharness.benchmarks.profile.ForkProfiler;
import io.perfharness.benchmarks.profile.ForkProfilerSettings;
import io.perfharness.benchmarks.profile.ForkRecord;
import io.perfharness.core.json.Json;
import io.perfharness.core.run.RunDirectory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code perf bench [JMH options] --label L [--events cpu,alloc] [--out DIR] [--cpu-interval 1ms]}:
 * runs JMH with {@link ForkProfiler} in every fork and writes {@code <out>/<label>/jmh-result.json}
 * plus one run directory per measured fork. Exit codes as {@code perf}: 0 ok, 2 bad usage, 3 the run
 * or the environment failed (no valid fork). The {@code perf} CLI starts this class in a JVM on the
 * benchmarks class path.
 */
public final class PerfBenchMain {
    static final String USAGE = "usage: perf bench [JMH options, e.g. RegexValidationBenchmark -p fault=faulty -f 5]"
            + " --label L [--events cpu,alloc,lock,wall] [--out DIR (default runs/bench)] [--cpu-interval 1ms]";
    /** As load runs start their targets: inlined frames are attributed between safepoints too. */
    static final List<String> PROFILING_JVM_ARGS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints");

    private PerfBenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("-h") || args.contains("--help")) {
            out.println(USAGE);
            out.println("Every other argument goes to JMH (benchmark regex, -p, -f, -wi, -w, -i, -r, -t, -bm, -tu, -prof ...);"
                    + " docs/benchmarks.md has the output contract.");
            return 0;
        }
        if (asksJmhToList(args)) {
            return listOnly(args, err);
        }
        BenchArguments bench;
        CommandLineOptions jmh;
        try {
            bench = BenchArguments.parse(args);
            jmh = new CommandLineOptions(bench.jmhArgs().toArray(String[]::new));
        } catch (IllegalArgumentException | CommandLineOptionException e) {
            err.println("perf bench: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path labelDir = bench.out().resolve(bench.label()).toAbsolutePath();
        try {
            if (Files.isDirectory(labelDir)) {
                try (Stream<Path> existing = Files.list(labelDir)) {
                    if (existing.findAny().isPresent()) {
                        err.println("perf bench: " + labelDir + " already holds a run: one label folder is one side of"
                                + " a comparison; choose another --label or --out");
                        return 2;
                    }
                }
            }
            Files.createDirectories(labelDir);
        } catch (IOException e) {
            err.println("perf bench: cannot create " + labelDir + ": " + e);
            return 2;
        }

        Path staging;
        try {
            staging = Files.createTempDirectory("perf-bench-forks");
        } catch (IOException e) {
            err.println("perf bench: cannot create a staging folder: " + e);
            return 3;
        }
        try {
            ForkProfilerSettings profiler = new ForkProfilerSettings(staging, bench.capture());
            List<String> jvmArgsAppend = new ArrayList<>(jmh.getJvmArgsAppend().orElse(List.of()));
            jvmArgsAppend.addAll(PROFILING_JVM_ARGS);
            Options options = new OptionsBuilder().parent(jmh)
                    .addProfiler(ForkProfiler.class, profiler.toInitLine())
                    .jvmArgsAppend(jvmArgsAppend.toArray(String[]::new))
                    .resultFormat(ResultFormatType.JSON)
                    .result(labelDir.resolve("jmh-result.json").toString())
                    .build();
            try {
                new Runner(options).run();
            } catch (RunnerException e) {
                err.println("perf bench: JMH failed: " + e.getMessage());
                // forks that finished before the failure are still written below
            }
            return writeRunDirectories(staging, bench, labelDir, out, err);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** {@code -l}, {@code -lp}, {@code -lprof}, {@code -lrf}: JMH lists and runs nothing; no label needed. */
    private static boolean asksJmhToList(List<String> args) {
        return args.stream().anyMatch(a -> a.equals("-l") || a.equals("-lp") || a.equals("-lprof") || a.equals("-lrf"));
    }

    private static int listOnly(List<String> args, PrintStream err) {
        try {
            CommandLineOptions jmh = new CommandLineOptions(args.toArray(String[]::new));
            Runner runner = new Runner(jmh);
            if (jmh.shouldList()) {
                runner.list();
            }
            if (jmh.shouldListWithParams()) {
                runner.listWithParams(jmh);
            }
            if (jmh.shouldListProfilers()) {
                jmh.listProfilers();
            }
            if (jmh.shouldListResultFormats()) {
                jmh.listResultFormats();
            }
            return 0;
        } catch (CommandLineOptionException e) {
            err.println("perf bench: " + e.getMessage());
            return 2;
        }
    }

    private static int writeRunDirectories(Path staging, BenchArguments bench, Path labelDir, PrintStream out,
            PrintStream err) {
        Map<String, String> options = new TreeMap<>();
        options.put("bench.label", bench.label());
        options.put("bench.events", bench.eventIds());
        options.put("bench.cpuIntervalNanos", Long.toString(bench.capture().cpuIntervalNanos()));
        options.put("bench.out", bench.out().toString());
        options.put("bench.jmhArgs", String.join(" ", bench.jmhArgs()));
        ForkToRunDirectory.Invocation invocation = new ForkToRunDirectory.Invocation(bench.label(), labelDir,
                bench.capture(), bench.reproduceCommand(), options);
        int valid = 0;
        int written = 0;
        Set<String> targets = new LinkedHashSet<>();
        for (Path forkDir : forkDirs(staging)) {
            try {
                ForkRecord fork = Json.readFile(forkDir.resolve(ForkRecord.FILE), ForkRecord.class);
                if (ForkRecord.WARMUP_FORK.equals(fork.status())) {
                    continue;
                }
                RunDirectory dir = ForkToRunDirectory.write(forkDir, fork, invocation);
                written++;
                targets.add(ForkToRunDirectory.targetSpec(fork));
                boolean ok = dir.readManifest().validForComparison();
                valid += ok ? 1 : 0;
                out.println("perf bench: " + dir.root() + (ok ? "" : "  (not valid for comparison: see run.json)"));
            } catch (IOException | RuntimeException e) {
                err.println("perf bench: could not write the run directory of " + forkDir + ": " + e);
            }
        }
        out.println("perf bench: " + written + " fork run directories (" + valid + " valid) and jmh-result.json in "
                + labelDir);
        if (targets.size() > 1) {
            err.println("perf bench: warning: " + labelDir + " holds " + targets.size() + " benchmarks or parameter sets ("
                    + String.join(" | ", targets) + "); perf compare wants one per side: run each with its own --label");
        }
        if (valid == 0) {
            err.println("perf bench: no fork produced a valid run directory (see the JMH output above)");
            return 3;
        }
        return 0;
    }

    /** Fork folders in the order benchmarks and forks ran: by benchmark folder, then fork number. */
    private static List<Path> forkDirs(Path staging) {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> benchmarks = Files.list(staging)) {
            for (Path benchmark : benchmarks.sorted().toList()) {
                try (Stream<Path> forks = Files.list(benchmark)) {
                    forks.filter(p -> Files.isRegularFile(p.resolve(ForkRecord.FILE)))
                            .sorted(Comparator.comparingInt(p -> Integer.parseInt(
                                    p.getFileName().toString().substring("fork-".length()))))
                            .forEach(dirs::add);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the fork folders in " + staging, e);
        }
        return dirs;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is not worth failing a finished run
        }
    }
}
