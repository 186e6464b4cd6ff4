package io.perfharness.profiling.capture;

import io.perfharness.profiling.ProfilingException;
import one.jfr.JfrReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings async-profiler wrote into a JFR recording ({@code jdk.ActiveSetting} events):
 * the truth about what ran, e.g. {@code engine=ctimer} when cpu fell back from perf_events.
 * Immutable.
 *
 * @param values           setting name to value, sorted by name; absent values left out
 * @param startEpochMillis start of the recording by its own clock
 * @param endEpochMillis   end of the recording by its own clock
 */
record RecordingSettings(Map<String, String> values, long startEpochMillis, long endEpochMillis) {

    RecordingSettings {
        values = Map.copyOf(values);
    }

    static RecordingSettings read(Path jfr) throws ProfilingException {
        try (JfrReader reader = new JfrReader(jfr.toString())) {
            // Settings come first in async-profiler's chunks; reading one event parses them.
            reader.readEvent();
            Map<String, String> values = new TreeMap<>();
            reader.settings.forEach((name, value) -> {
                if (name != null && value != null) {
                    values.put(name, value);
                }
            });
            return new RecordingSettings(values, reader.startNanos / 1_000_000, reader.endNanos / 1_000_000);
        } catch (IOException | RuntimeException e) {
            throw new ProfilingException("could not read the settings of recording " + jfr + ": " + e, e);
        }
    }

    /** The cpu engine: {@code perf_events}, {@code ctimer}, {@code itimer}; {@code noop} without cpu. */
    Optional<String> engine() {
        return Optional.ofNullable(values.get("engine"));
    }
}
