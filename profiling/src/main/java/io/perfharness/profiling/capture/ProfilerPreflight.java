package io.perfharness.profiling.capture;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.capture.PreflightProblem.Severity;
import io.perfharness.profiling.event.ProfilingEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, before any load is sent, that a capture of the given events on the given pid can work,
 * and reports all problems at once with what to do: unknown event names, the profiler not
 * loadable on this OS/arch, the pid not running, the process not a JVM or refusing attach,
 * a profiler already running in it, and perf_events not permitted (a warning: cpu then falls back
 * to a timer engine, which is sound). Stateless.
 *
 * <p>The attach check runs {@code asprof status}, which loads the (idle) agent into the target.
 */
public final class ProfilerPreflight {
    private static final Path PERF_EVENT_PARANOID = Path.of("/proc/sys/kernel/perf_event_paranoid");

    private ProfilerPreflight() {
    }

    /** Checks {@code pid} for the events named in {@code eventNames} ({@code cpu}, {@code alloc}, ...). */
    public static PreflightReport check(long pid, Collection<String> eventNames) {
        List<PreflightProblem> problems = new ArrayList<>();
        Set<ProfilingEvent> events = parseEvents(eventNames, problems);

        AsprofTool tool = null;
        try {
            tool = AsprofTool.bundled();
        } catch (ProfilingException e) {
            problems.add(new PreflightProblem(Severity.ERROR, "async-profiler cannot be loaded: " + e.getMessage(),
                    "run the harness on Linux x64/arm64 or macOS, or run without profiling (-Dperf.events= empty)"));
        }

        boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            problems.add(new PreflightProblem(Severity.ERROR, "process " + pid + " is not running",
                    "start the target first, or pass the pid of a running JVM (-Dperf.pid=)"));
        }
        boolean jvm = alive && checkIsJvm(pid, problems);
        if (jvm && tool != null) {
            checkAttach(tool, pid, problems);
        }
        if (events.contains(ProfilingEvent.CPU)) {
            checkPerfEvents(problems);
        }
        return new PreflightReport(pid, events, problems);
    }

    private static Set<ProfilingEvent> parseEvents(Collection<String> names, List<PreflightProblem> problems) {
        Set<ProfilingEvent> events = EnumSet.noneOf(ProfilingEvent.class);
        for (String name : names) {
            Optional<ProfilingEvent> event = ProfilingEvent.byId(name);
            if (event.isPresent()) {
                events.add(event.get());
            } else {
                problems.add(new PreflightProblem(Severity.ERROR, "event '" + name + "' is not supported",
                        "use a comma-separated subset of " + ProfilingEvent.knownIds()));
            }
        }
        if (names.isEmpty()) {
            problems.add(new PreflightProblem(Severity.ERROR, "no profiling event was asked for",
                    "name at least one of " + ProfilingEvent.knownIds() + ", or do not start a capture"));
        }
        return events;
    }

    /**
     * On Linux a JVM maps libjvm; checking that first saves the several seconds asprof spends
     * waiting for an attach listener that a non-JVM never opens.
     */
    private static boolean checkIsJvm(long pid, List<PreflightProblem> problems) {
        Path maps = Path.of("/proc", Long.toString(pid), "maps");
        if (!Files.isReadable(maps)) {
            return true; // not Linux, or not our process: let the attach check decide
        }
        try {
            String text = Files.readString(maps, StandardCharsets.ISO_8859_1);
            if (text.contains("libjvm.")) {
                return true;
            }
        } catch (IOException e) {
            return true;
        }
        String command = ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse("unknown command");
        problems.add(new PreflightProblem(Severity.ERROR,
                "process " + pid + " (" + command + ") is not a JVM: no libjvm in /proc/" + pid + "/maps",
                "pass the pid of the Java process of the target (-Dperf.pid=)"));
        return false;
    }

    private static void checkAttach(AsprofTool tool, long pid, List<PreflightProblem> problems) {
        try {
            AsprofResult status = tool.run("status", Long.toString(pid));
            if (!status.succeeded()) {
                problems.add(new PreflightProblem(Severity.ERROR,
                        "cannot attach to JVM " + pid + " (asprof exit " + status.exitCode() + "): " + status.diagnostics(),
                        "run the harness as the target's user (or root), do not start the target with"
                                + " -XX:+DisableAttachMechanism, and in containers share the pid namespace and /tmp"));
            } else if (AsprofArguments.statusSaysRunning(status.stdout())) {
                problems.add(new PreflightProblem(Severity.ERROR,
                        "async-profiler is already running in JVM " + pid + ": " + status.stdout().strip(),
                        "stop that session first (asprof stop " + pid + ") or wait for its owner to finish"));
            }
        } catch (ProfilingException e) {
            problems.add(new PreflightProblem(Severity.ERROR, "cannot attach to JVM " + pid + ": " + e.getMessage(),
                    "check that the target responds; a JVM stuck in GC or at a safepoint cannot attach"));
        }
    }

    private static void checkPerfEvents(List<PreflightProblem> problems) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || !Files.isReadable(PERF_EVENT_PARANOID)) {
            return;
        }
        try {
            int paranoid = Integer.parseInt(Files.readString(PERF_EVENT_PARANOID).strip());
            if (paranoid > 1 && !isRoot()) {
                problems.add(new PreflightProblem(Severity.WARNING,
                        "kernel.perf_event_paranoid is " + paranoid + " and the harness is not root: async-profiler"
                                + " will sample cpu with ctimer instead of perf_events; CPU-time samples stay sound"
                                + " (per-thread CPU timers) but kernel frames are missing",
                        "for perf_events and kernel frames: sudo sysctl kernel.perf_event_paranoid=1"
                                + " kernel.kptr_restrict=0, or accept the fallback (the manifest records the engine)"));
            }
        } catch (IOException | NumberFormatException e) {
            // Unreadable setting: the recording's engine field will still tell the truth.
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
