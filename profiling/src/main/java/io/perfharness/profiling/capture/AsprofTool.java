package io.perfharness.profiling.capture;

import io.perfharness.profiling.ProfilingException;
import one.profiler.AsyncProfilerLoader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code asprof} command-line tool bundled in ap-loader, run as a child process. The harness
 * JVM never loads the profiler agent into itself: asprof attaches to the target JVM and loads it
 * there. Immutable.
 */
final class AsprofTool {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static AsprofTool bundled;

    private final Path executable;
    private final String version;

    AsprofTool(Path executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /**
     * The asprof that ap-loader uses, extracted on first use, with its version.
     *
     * <p>ap-loader 4.5-13 has no public accessor for the binary: we let it extract and run it
     * once ({@code asprof --version}), then look where it looks, in its order: an installed
     * {@code asprof} in {@code java.home/bin} or on {@code PATH}, else the extracted one.
     */
    static synchronized AsprofTool bundled() throws ProfilingException {
        if (bundled == null) {
            bundled = locate();
        }
        return bundled;
    }

    private static AsprofTool locate() throws ProfilingException {
        if (!AsyncProfilerLoader.isSupported()) {
            throw new ProfilingException("async-profiler " + AsyncProfilerLoader.getVersion()
                    + " (ap-loader) has no native library for os.name=" + System.getProperty("os.name")
                    + " os.arch=" + System.getProperty("os.arch")
                    + "; profiling needs Linux x64/arm64 or macOS");
        }
        String versionText;
        Path extractionDir;
        try {
            // asprof finds the agent library at ../lib relative to itself; ap-loader extracts it there.
            AsyncProfilerLoader.getAsyncProfilerPath();
            versionText = AsyncProfilerLoader.executeProfiler("--version").getStdout().strip();
            extractionDir = AsyncProfilerLoader.getExtractionDirectory();
        } catch (IOException | RuntimeException e) {
            throw new ProfilingException("could not extract or run asprof from ap-loader: " + e, e);
        }
        Path executable = findExecutable(extractionDir);
        return new AsprofTool(executable, parseVersion(versionText));
    }

    private static Path findExecutable(Path extractionDir) throws ProfilingException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home"), "bin", "asprof"));
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "asprof"));
                }
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path bin = extractionDir.resolve("bin");
        try (Stream<Path> files = Files.list(bin)) {
            return files.filter(p -> p.getFileName().toString().startsWith("asprof")).sorted().findFirst()
                    .orElseThrow(() -> new ProfilingException("ap-loader extracted no asprof binary into " + bin));
        } catch (IOException e) {
            throw new ProfilingException("could not list " + bin + " for the asprof binary: " + e, e);
        }
    }

    /** {@code Async-profiler 4.5 built on Jul 13 2026} gives {@code 4.5}; anything else stays whole. */
    static String parseVersion(String versionText) {
        String[] tokens = versionText.strip().split("\\s+");
        if (tokens.length >= 2 && tokens[0].toLowerCase(Locale.ROOT).startsWith("async-profiler")) {
            return tokens[1];
        }
        return versionText.strip();
    }

    Path executable() {
        return executable;
    }

    /** The profiler version, e.g. {@code 4.5}. */
    String version() {
        return version;
    }

    AsprofResult run(String... args) throws ProfilingException {
        return run(DEFAULT_TIMEOUT, args);
    }

    /**
     * Runs asprof with {@code args} and waits at most {@code timeout}. Output goes to temporary
     * files rather than pipes so that neither stream can fill up and block the child.
     */
    AsprofResult run(Duration timeout, String... args) throws ProfilingException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("asprof-", ".out");
            err = Files.createTempFile("asprof-", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new ProfilingException("asprof " + String.join(" ", args) + " did not finish within "
                        + timeout.toSeconds() + " s; stderr: " + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return new AsprofResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProfilingException("could not run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProfilingException("interrupted while running asprof " + String.join(" ", args), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file must not hide the real outcome
            }
        }
    }
}
