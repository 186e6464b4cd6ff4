package io.perfharness.benchmarks.profile;

import io.perfharness.profiling.capture.CaptureSettings;
import io.perfharness.profiling.event.ProfilingEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ForkProfiler} does in a fork, as the init line JMH hands to its constructor
 * ({@code -prof io.perfharness.benchmarks.profile.ForkProfiler:dir=/tmp/x;events=cpu,alloc;cpuInterval=1000000}):
 * {@code dir} where fork folders are claimed, {@code events}, and the intervals of
 * {@link CaptureSettings} ({@code cpuInterval}, {@code wallInterval}, {@code lockThreshold} in ns,
 * {@code allocInterval} in bytes; defaults as {@link CaptureSettings#defaults}). Immutable.
 */
public record ForkProfilerSettings(Path dir, CaptureSettings capture) {

    /**
     * @throws IllegalArgumentException naming every bad entry at once
     */
    public static ForkProfilerSettings parse(String initLine) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String entry : (initLine == null ? "" : initLine).split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                problems.add("'" + entry + "' is not key=value");
            } else {
                values.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
            }
        }
        String dir = values.remove("dir");
        if (dir == null || dir.isEmpty()) {
            problems.add("dir is missing");
        }
        Set<ProfilingEvent> events = EnumSet.noneOf(ProfilingEvent.class);
        for (String id : values.getOrDefault("events", "cpu").split(",")) {
            ProfilingEvent.byId(id.strip()).ifPresentOrElse(events::add,
                    () -> problems.add("event '" + id + "' is unknown; choose from " + ProfilingEvent.knownIds()));
        }
        values.remove("events");
        CaptureSettings defaults = CaptureSettings.defaults(EnumSet.of(ProfilingEvent.CPU));
        long cpu = number(values.remove("cpuInterval"), defaults.cpuIntervalNanos(), "cpuInterval", problems);
        long wall = number(values.remove("wallInterval"), defaults.wallIntervalNanos(), "wallInterval", problems);
        long alloc = number(values.remove("allocInterval"), defaults.allocIntervalBytes(), "allocInterval", problems);
        long lock = number(values.remove("lockThreshold"), defaults.lockThresholdNanos(), "lockThreshold", problems);
        values.keySet().forEach(key -> problems.add("'" + key + "' is not an option (dir, events, cpuInterval,"
                + " wallInterval, allocInterval, lockThreshold)"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("ForkProfiler options '" + initLine + "': " + String.join("; ", problems));
        }
        return new ForkProfilerSettings(Path.of(dir), new CaptureSettings(events, cpu, wall, alloc, lock));
    }

    /** The init line that {@link #parse} reads back. */
    public String toInitLine() {
        StringBuilder events = new StringBuilder();
        for (ProfilingEvent e : capture.events()) {
            events.append(events.length() == 0 ? "" : ",").append(e.id());
        }
        return "dir=" + dir + ";events=" + events + ";cpuInterval=" + capture.cpuIntervalNanos()
                + ";wallInterval=" + capture.wallIntervalNanos() + ";allocInterval=" + capture.allocIntervalBytes()
                + ";lockThreshold=" + capture.lockThresholdNanos();
    }

    /** async-profiler's start command for these events, recording to {@code jfr}. */
    String startCommand(Path jfr) {
        StringBuilder cmd = new StringBuilder("start");
        if (capture.has(ProfilingEvent.CPU)) {
            cmd.append(",event=cpu,interval=").append(capture.cpuIntervalNanos());
        }
        if (capture.has(ProfilingEvent.ALLOC)) {
            cmd.append(",alloc=").append(capture.allocIntervalBytes());
        }
        if (capture.has(ProfilingEvent.LOCK)) {
            cmd.append(",lock=").append(capture.lockThresholdNanos());
        }
        if (capture.has(ProfilingEvent.WALL)) {
            cmd.append(",wall=").append(capture.wallIntervalNanos());
        }
        return cmd.append(",jfr,file=").append(jfr).toString();
    }

    private static long number(String text, long fallback, String name, List<String> problems) {
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a positive integer but was '" + text + "'");
        return fallback;
    }
}
