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
    /** A perf_events software event: checking it tells whether perf_events can be opened. */
    static final String PERF_EVENTS_PROBE = "cpu-clock";

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
     * The engine the {@code cpu} event will use: {@code perf_events} when async-profiler can open a
     * perf_events counter in that JVM ({@code check,event=cpu-clock}), else {@code ctimer}, the
     * fallback async-profiler takes on Linux. Inferred, since the text output does not name it.
     */
    public String cpuEngine() throws ProfilingException {
        try {
            execute("check,event=" + PERF_EVENTS_PROBE);
            return "perf_events";
        } catch (ProfilingException e) {
            return "ctimer";
        }
    }

    /** Whether a session is running ({@code status}). */
    public boolean isActive() throws ProfilingException {
        return execute("status").strip().startsWith("Profiling is running");
    }

    /**
     * Starts one event: cpu and wall with their sampling interval in nanoseconds, alloc with its
     * sampling interval in bytes, lock with its threshold in nanoseconds.
     */
    public String start(ProfilingEvent event, long interval) throws ProfilingException {
        return execute(startArguments(event, interval));
    }

    static String startArguments(ProfilingEvent event, long interval) {
        return switch (event) {
            case CPU -> "start,event=cpu,interval=" + interval;
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
