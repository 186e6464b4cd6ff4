package io.perfharness.profiling.capture;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.event.ProfilingEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles another JVM with async-profiler: attaches by pid through the bundled {@code asprof},
 * records the chosen events into one JFR file, and always detaches: on {@link #stop()},
 * on {@link #close()}, and from a JVM shutdown hook when the harness is interrupted (Ctrl-C).
 *
 * <pre>
 * try (AsyncProfilerCapture capture = AsyncProfilerCapture.create()) {
 *     capture.start(pid, CaptureSettings.defaults(events), runDir.resolve("profile/recording.jfr"));
 *     ... drive the measurement window ...
 *     CaptureInfo info = capture.stop();
 * }
 * </pre>
 *
 * <p>"Detached" means the profiler in the target is stopped: a JVM cannot unload an agent, so the
 * library stays mapped but idle, and a later capture can start again. Mutable, one session at a
 * time; methods are synchronized so the shutdown hook and the owner thread do not interleave.
 */
public final class AsyncProfilerCapture implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);

    private final AsprofTool tool;
    private final Clock clock;
    private Session session;
    private CaptureInfo lastInfo;

    private record Session(long pid, CaptureSettings settings, Path jfrPath, Thread shutdownHook,
                           long startEpochMillis, List<String> startWarnings) {
    }

    AsyncProfilerCapture(AsprofTool tool, Clock clock) {
        this.tool = tool;
        this.clock = clock;
    }

    /** A capture using the asprof bundled in ap-loader and the system clock. */
    public static AsyncProfilerCapture create() throws ProfilingException {
        return create(Clock.systemUTC());
    }

    /** A capture using the asprof bundled in ap-loader; {@code clock} stamps start and stop. */
    public static AsyncProfilerCapture create(Clock clock) throws ProfilingException {
        return new AsyncProfilerCapture(AsprofTool.bundled(), clock);
    }

    /**
     * Starts profiling {@code pid} with {@code settings}, recording into {@code jfrPath} (the
     * target JVM writes this file, so it must be able to; relative paths are made absolute here,
     * not against the target's working directory).
     *
     * @throws IllegalStateException if this capture is already profiling
     * @throws ProfilingException    if the process is not running or asprof fails (with its stderr)
     */
    public synchronized void start(long pid, CaptureSettings settings, Path jfrPath) throws ProfilingException {
        if (session != null) {
            throw new IllegalStateException("already profiling pid " + session.pid() + "; stop() it first");
        }
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new ProfilingException("cannot profile pid " + pid + ": no such process is running");
        }
        Path jfr = jfrPath.toAbsolutePath();
        try {
            Files.createDirectories(jfr.getParent());
            // A leftover file would let stop() mistake an old recording for this session's.
            Files.deleteIfExists(jfr);
        } catch (IOException e) {
            throw new ProfilingException("cannot prepare recording file " + jfr + ": " + e, e);
        }
        // Registered before asprof starts: a Ctrl-C arriving mid-start must still stop the profiler.
        Thread hook = new Thread(this::stopFromShutdownHook, "perf-harness-profiler-stop-" + pid);
        Runtime.getRuntime().addShutdownHook(hook);
        session = new Session(pid, settings, jfr, hook, 0, List.of());
        AsprofResult result;
        try {
            result = tool.run(AsprofArguments.start(settings, jfr, pid));
        } catch (ProfilingException e) {
            endSession();
            throw e;
        }
        if (!result.succeeded()) {
            // Not ours to stop: e.g. another session was already running in the target.
            endSession();
            throw new ProfilingException("asprof could not start profiling pid " + pid + " (exit "
                    + result.exitCode() + "): " + result.diagnostics());
        }
        session = new Session(pid, settings, jfr, hook, clock.millis(), warningLines(result));
    }

    /**
     * Stops profiling and detaches, then reads the recording's settings for the facts in
     * {@link CaptureInfo}. Stopping again returns the same info and does nothing else.
     *
     * @throws IllegalStateException if this capture never started
     * @throws ProfilingException    if asprof fails to stop (the session is over regardless) or the
     *                               recording cannot be read
     */
    public synchronized CaptureInfo stop() throws ProfilingException {
        if (session == null) {
            if (lastInfo == null) {
                throw new IllegalStateException("no capture was started");
            }
            return lastInfo;
        }
        Session current = session;
        long stopEpochMillis = clock.millis();
        AsprofResult result;
        try {
            result = tool.run(STOP_TIMEOUT, AsprofArguments.stop(current.jfrPath(), current.pid()));
        } finally {
            endSession();
        }
        if (!result.succeeded()) {
            boolean alive = ProcessHandle.of(current.pid()).map(ProcessHandle::isAlive).orElse(false);
            throw new ProfilingException("asprof could not stop profiling pid " + current.pid() + " (exit "
                    + result.exitCode() + (alive ? "" : "; the process has exited, so the recording is lost or incomplete")
                    + "): " + result.diagnostics());
        }
        if (!Files.isRegularFile(current.jfrPath())) {
            throw new ProfilingException("asprof stopped pid " + current.pid() + " but wrote no recording at "
                    + current.jfrPath() + " (can the target write there?): " + result.diagnostics());
        }
        RecordingSettings recorded = RecordingSettings.read(current.jfrPath());
        lastInfo = info(current, stopEpochMillis, recorded);
        return lastInfo;
    }

    private CaptureInfo info(Session current, long stopEpochMillis, RecordingSettings recorded) {
        List<String> warnings = new ArrayList<>(current.startWarnings());
        String engine = CaptureInfo.NO_CPU_ENGINE;
        boolean fallback = false;
        if (current.settings().has(ProfilingEvent.CPU)) {
            engine = recorded.engine().orElse("unknown");
            fallback = !"perf_events".equals(engine);
            if (fallback) {
                warnings.add("cpu was sampled with " + engine + " instead of perf_events (not permitted here:"
                        + " kernel.perf_event_paranoid, seccomp or not Linux); CPU-time samples are sound,"
                        + " but kernel frames are missing");
            }
        }
        return new CaptureInfo(current.pid(), tool.version(), tool.executable(), current.settings(), engine, fallback,
                current.startEpochMillis(), stopEpochMillis, recorded.startEpochMillis(), recorded.endEpochMillis(),
                current.jfrPath(), warnings);
    }

    /** Whether a session of this capture is running. */
    public synchronized boolean isActive() {
        return session != null;
    }

    /** Stops the session if one is running. */
    @Override
    public synchronized void close() throws ProfilingException {
        if (session != null) {
            stop();
        }
    }

    /**
     * Whether async-profiler is running in {@code pid}, whoever started it ({@code asprof status}).
     * Loads the agent into the target if it was not loaded yet.
     */
    public static boolean isProfilerActive(long pid) throws ProfilingException {
        AsprofResult result = AsprofTool.bundled().run("status", Long.toString(pid));
        if (!result.succeeded()) {
            throw new ProfilingException("asprof status failed for pid " + pid + " (exit " + result.exitCode()
                    + "): " + result.diagnostics());
        }
        return AsprofArguments.statusSaysRunning(result.stdout());
    }

    /** The hook registered while a session runs (package-private for tests). */
    synchronized Thread shutdownHook() {
        return session == null ? null : session.shutdownHook();
    }

    private void stopFromShutdownHook() {
        try {
            synchronized (this) {
                if (session != null) {
                    stop();
                }
            }
        } catch (ProfilingException | RuntimeException e) {
            // Nobody is left to catch this during shutdown; stderr is the only place it can go.
            System.err.println("perf-harness: could not stop the profiler: " + e.getMessage());
        }
    }

    private void endSession() {
        Thread hook = session.shutdownHook();
        session = null;
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook runs (or ran) and finds no session: nothing left to undo
            }
        }
    }

    private static List<String> warningLines(AsprofResult result) {
        List<String> warnings = new ArrayList<>();
        for (String line : (result.stderr() + "\n" + result.stdout()).split("\n")) {
            if (line.contains("[WARN]")) {
                warnings.add("asprof: " + line.strip());
            }
        }
        return warnings;
    }
}
