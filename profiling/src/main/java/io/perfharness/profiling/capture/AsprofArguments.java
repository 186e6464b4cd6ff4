package io.perfharness.profiling.capture;

import io.perfharness.profiling.event.ProfilingEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds asprof command lines and reads its status text. Stateless. */
final class AsprofArguments {

    private AsprofArguments() {
    }

    /**
     * {@code start -e cpu -i NS --alloc BYTES --lock NS --wall NS -f FILE PID}, with only the asked
     * events: without {@code -e}, asprof 4.5 runs no cpu sampler (engine {@code noop}). Numbers
     * without a unit suffix are nanoseconds and bytes to asprof.
     */
    static String[] start(CaptureSettings settings, Path jfr, long pid) {
        List<String> args = new ArrayList<>(List.of("start"));
        if (settings.has(ProfilingEvent.CPU)) {
            args.addAll(List.of("-e", "cpu", "-i", Long.toString(settings.cpuIntervalNanos())));
        }
        if (settings.has(ProfilingEvent.ALLOC)) {
            args.addAll(List.of("--alloc", Long.toString(settings.allocIntervalBytes())));
        }
        if (settings.has(ProfilingEvent.LOCK)) {
            args.addAll(List.of("--lock", Long.toString(settings.lockThresholdNanos())));
        }
        if (settings.has(ProfilingEvent.WALL)) {
            args.addAll(List.of("--wall", Long.toString(settings.wallIntervalNanos())));
        }
        args.addAll(List.of("-o", "jfr", "-f", jfr.toString(), Long.toString(pid)));
        return args.toArray(String[]::new);
    }

    /**
     * {@code stop -o jfr -f FILE PID}: naming the file again makes asprof finish the JFR there
     * instead of printing a text profile to stdout.
     */
    static String[] stop(Path jfr, long pid) {
        return new String[] {"stop", "-o", "jfr", "-f", jfr.toString(), Long.toString(pid)};
    }

    /** asprof 4.5 prints {@code Profiling is running for N seconds} or {@code Profiler is not active}. */
    static boolean statusSaysRunning(String statusStdout) {
        return statusStdout.contains("is running");
    }
}
