package io.perfharness.profiling.capture;

import java.nio.file.Path;
import java.util.List;

/**
 * Facts about one capture, for the run manifest. Immutable.
 *
 * @param pid                       the profiled process
 * @param profilerVersion           async-profiler version as {@code asprof --version} reports it, e.g. {@code 4.5}
 * @param profilerExecutable        the asprof binary that was run
 * @param settings                  events and intervals asked for
 * @param cpuEngine                 the engine that produced the cpu samples, as recorded in the JFR:
 *                                  {@code perf_events}, {@code ctimer} or {@code itimer};
 *                                  {@code none} when cpu was not captured
 * @param cpuEngineFallback         true when cpu was captured with a timer engine instead of
 *                                  perf_events (sound CPU-time samples, but no kernel frames)
 * @param startEpochMillis          harness clock when {@code asprof start} had returned
 * @param stopEpochMillis           harness clock when {@code asprof stop} was invoked
 * @param recordingStartEpochMillis start of the JFR recording by the target's clock
 * @param recordingEndEpochMillis   end of the JFR recording by the target's clock
 * @param jfrPath                   the recording
 * @param warnings                  what the manifest should say: engine fallback, asprof warnings
 */
public record CaptureInfo(long pid, String profilerVersion, Path profilerExecutable, CaptureSettings settings,
                          String cpuEngine, boolean cpuEngineFallback, long startEpochMillis, long stopEpochMillis,
                          long recordingStartEpochMillis, long recordingEndEpochMillis, Path jfrPath,
                          List<String> warnings) {
    /** The engine value when cpu was not captured. */
    public static final String NO_CPU_ENGINE = "none";

    public CaptureInfo {
        warnings = List.copyOf(warnings);
    }

    /** Harness-clock duration of the capture, in ms. */
    public long durationMillis() {
        return stopEpochMillis - startEpochMillis;
    }
}
