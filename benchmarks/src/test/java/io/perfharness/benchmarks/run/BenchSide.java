package io.perfharness.benchmarks.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfharness.core.json.Json;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One side of a {@code perf bench} comparison as a test sees it: {@link PerfBenchMain} run in a child
 * JVM on the benchmarks class path (as {@code ./perf bench} runs it), and the fork run directories it
 * wrote under {@code <out>/<label>/}. Immutable.
 */
record BenchSide(String label, Path labelDir, List<RunDirectory> forks, String output) {

    /** Runs {@code perf bench ARGS --label LABEL --out OUT} and collects what it wrote. */
    static BenchSide run(Path out, String label, List<String> jmhArgs, long timeoutSeconds) throws Exception {
        Path module = Path.of("").toAbsolutePath();
        String classpath = module.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(module.resolve("target/runtime-classpath.txt"), StandardCharsets.UTF_8).strip();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, PerfBenchMain.class.getName()));
        cmd.addAll(jmhArgs);
        cmd.addAll(List.of("--label", label, "--out", out.toString()));
        Path log = Files.createTempFile("perf-bench-" + label, ".log");
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("perf bench " + label + " ran longer than " + timeoutSeconds + " s; output:\n"
                        + Files.readString(log));
            }
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new AssertionError("perf bench " + label + " exited " + process.exitValue() + ":\n" + output);
        }
        Path labelDir = out.resolve(label);
        List<RunDirectory> forks = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(labelDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                forks.add(RunDirectory.open(dir));
            }
        }
        return new BenchSide(label, labelDir, List.copyOf(forks), output);
    }

    static RunManifest manifest(RunDirectory fork) throws IOException {
        return fork.readManifest();
    }

    static JsonNode score(RunDirectory fork) throws IOException {
        return Json.readTree(fork.root().resolve(BenchScoreFile.FILE));
    }

    static CollapsedProfile collapsed(RunDirectory fork, String event) throws Exception {
        return CollapsedReader.strict().read(fork.collapsedFile(event)).profile();
    }

    /** Samples of stacks that pass through a frame starting with {@code framePrefix}. */
    static long inclusive(CollapsedProfile profile, String framePrefix) {
        return profile.stacks().stream()
                .filter(s -> s.frames().stream().anyMatch(f -> f.startsWith(framePrefix)))
                .mapToLong(s -> s.count()).sum();
    }
}
