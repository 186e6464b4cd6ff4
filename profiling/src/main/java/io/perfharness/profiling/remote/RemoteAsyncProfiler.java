package io.perfharness.profiling.remote;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.event.ProfilingEvent;
import java.io.IOException;
import java.util.Locale;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * async-profiler in a remote JVM, driven through its MBean {@code one.profiler:type=AsyncProfiler}
 * ({@code one.profiler.AsyncProfilerMXBean}), which async-profiler's Java agent
 * {@code one.profiler.Agent} registers when the JVM starts with it ({@link AsyncProfilerAgentJar}).
 * Every call is {@code execute(String)} with async-profiler's agent arguments, so nothing of
 * async-profiler's Java API is needed on this side. One event per session: the collapsed text output
 * holds one counter. Stateless apart from the connection.
 */
public final class RemoteAsyncProfiler {
    public static final String OBJECT_NAME = "one.profiler:type=AsyncProfiler";
    /** async-profiler's perf_events CPU-time event (what {@code cpu} uses when perf_events can be opened). */
    static final String PERF_EVENTS_CPU = "cpu-clock";

    private final JmxConnection connection;
    private final ObjectName name;

    public RemoteAsyncProfiler(JmxConnection connection) {
        this.connection = connection;
        try {
            this.name = new ObjectName(OBJECT_NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the remote JVM has the MBean (it was started with the agent). */
    public boolean isRegistered() throws ProfilingException {
        try {
            return connection.server().isRegistered(name);
        } catch (IOException e) {
            throw new ProfilingException("JMX at " + connection.address() + " failed: " + e.getMessage(), e);
        }
    }

    /** async-profiler's version, e.g. {@code 4.5}. */
    public String version() throws ProfilingException {
        try {
            return String.valueOf(connection.server().getAttribute(name, "Version")).strip();
        } catch (JMException | IOException e) {
            throw failure("Version", e);
        }
    }

    /**
     * Chooses the CPU engine by trying it: a short session of {@code event=cpu-clock} (async-profiler's
     * perf_events CPU-time event, which does not fall back) is started and stopped at once; when
     * perf_events cannot be opened in that JVM (a container's seccomp profile, perf_event_paranoid),
     * the start fails and the engine is {@code ctimer}. The text outputs fetched over JMX do not name
     * the engine, so the harness picks it explicitly rather than letting {@code event=cpu} choose.
     *
     * @return {@code perf_events} or {@code ctimer}, and why
     */
    public CpuEngine chooseCpuEngine(long intervalNanos) throws ProfilingException {
        try {
            execute("start,event=" + PERF_EVENTS_CPU + ",interval=" + intervalNanos);
        } catch (ProfilingException e) {
            return new CpuEngine("ctimer", "perf_events refused: " + e.getMessage());
        }
        stop();
        return new CpuEngine("perf_events", "event=" + PERF_EVENTS_CPU + " started");
    }

    /** The CPU engine a run uses and why it was chosen. */
    public record CpuEngine(String name, String reason) {
        /** async-profiler's event name for this engine. */
        public String event() {
            return name.equals("perf_events") ? PERF_EVENTS_CPU : name;
        }
    }

    /** Whether a session is running ({@code status}). */
    public boolean isActive() throws ProfilingException {
        return execute("status").strip().startsWith("Profiling is running");
    }

    /**
     * Starts one event: cpu (on {@code cpuEngine}, from {@link #chooseCpuEngine}) and wall with their
     * sampling interval in nanoseconds, alloc with its sampling interval in bytes, lock with its
     * threshold in nanoseconds.
     */
    public String start(ProfilingEvent event, long interval, CpuEngine cpuEngine) throws ProfilingException {
        return execute(startArguments(event, interval, cpuEngine));
    }

    static String startArguments(ProfilingEvent event, long interval, CpuEngine cpuEngine) {
        return switch (event) {
            case CPU -> "start,event=" + (cpuEngine == null ? "cpu" : cpuEngine.event()) + ",interval=" + interval;
            case WALL -> "start,event=wall,interval=" + interval;
            case ALLOC -> "start,event=alloc,alloc=" + interval;
            case LOCK -> "start,event=lock,lock=" + interval;
        };
    }

    public String stop() throws ProfilingException {
        return execute("stop");
    }

    /**
     * The collapsed stacks of the last session, dotted class names; counts are samples (cpu, wall),
     * bytes (alloc) or nanoseconds (lock), as in {@code JfrToCollapsedProfiles}.
     */
    public String collapsed(ProfilingEvent event) throws ProfilingException {
        return execute(dumpArguments("collapsed", event));
    }

    /** async-profiler's HTML flame graph of the last session. */
    public String flameGraphHtml(ProfilingEvent event) throws ProfilingException {
        return execute(dumpArguments("flamegraph", event) + ",title=" + event.id() + " profile ("
                + event.countUnit().label().replace(',', ' ') + ", over JMX)");
    }

    static String dumpArguments(String format, ProfilingEvent event) {
        boolean totals = event == ProfilingEvent.ALLOC || event == ProfilingEvent.LOCK;
        return format + ",dot" + (totals ? ",total" : "");
    }

    /** Runs async-profiler's {@code execute} with agent arguments and returns its output. */
    public String execute(String arguments) throws ProfilingException {
        try {
            Object out = connection.server().invoke(name, "execute", new Object[] {arguments},
                    new String[] {String.class.getName()});
            return out == null ? "" : out.toString();
        } catch (MBeanException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ProfilingException("async-profiler over JMX at " + connection.address() + " refused '"
                    + arguments + "': " + cause.getMessage(), cause);
        } catch (JMException | IOException | RuntimeException e) {
            throw failure("execute(" + arguments + ")", e);
        }
    }

    private ProfilingException failure(String what, Exception e) {
        String hint = e instanceof javax.management.InstanceNotFoundException
                ? " (no " + OBJECT_NAME + " MBean: start the JVM with -javaagent:<async-profiler agent jar>,"
                        + " see docs/remote-jmx.md)"
                : "";
        return new ProfilingException(String.format(Locale.ROOT, "async-profiler %s over JMX at %s failed: %s%s",
                what, connection.address(), e.getMessage(), hint), e);
    }
}
