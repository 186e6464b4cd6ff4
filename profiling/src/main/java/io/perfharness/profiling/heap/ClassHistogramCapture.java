package io.perfharness.profiling.heap;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.perfharness.profiling.ProfilingException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Takes class histograms of a local JVM by pid: attaches once (attach API, the target's local management
 * agent) and runs the {@code GC.class_histogram} diagnostic command, the same as {@code jcmd <pid>
 * GC.class_histogram}, on every {@link #capture()}. Each capture forces a full GC in the target (only
 * live objects are counted) and pauses it for that GC, so keep the cadence modest (seconds, not
 * milliseconds). Mutable: holds the connection; not thread-safe.
 */
public final class ClassHistogramCapture implements AutoCloseable {
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private final long pid;
    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final ObjectName diagnostics;
    private final Clock clock;

    private ClassHistogramCapture(long pid, JMXConnector connector, Clock clock) throws IOException, JMException {
        this.pid = pid;
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.diagnostics = new ObjectName(DIAGNOSTIC_COMMAND);
        this.clock = clock;
    }

    /**
     * Attaches to the JVM with this pid (same user, JDK 9 or later) and starts or reuses its local
     * management agent. A JVM cannot attach to itself unless started with
     * {@code -Djdk.attach.allowAttachSelf=true}.
     */
    public static ClassHistogramCapture attach(long pid, Clock clock) throws ProfilingException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw new ProfilingException("cannot attach to pid " + pid + " for class histograms: " + e.getMessage()
                    + "; the target must be a running JVM of the same user (jps -l lists them)", e);
        }
        JMXConnector connector = null;
        try {
            String address = vm.startLocalManagementAgent();
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return new ClassHistogramCapture(pid, connector, clock);
        } catch (IOException | JMException e) {
            closeQuietly(connector);
            throw new ProfilingException("cannot open the management agent of pid " + pid + ": " + e.getMessage(), e);
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // the JMX connection stays usable; nothing else to release
            }
        }
    }

    /** Runs {@code GC.class_histogram} (a full GC first) and parses its text. */
    public CapturedHistogram capture() throws ProfilingException {
        Instant timestamp = clock.instant();
        long startNanos = System.nanoTime();
        String text;
        try {
            text = (String) server.invoke(diagnostics, "gcClassHistogram", new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
        } catch (IOException | JMException e) {
            throw new ProfilingException("GC.class_histogram failed on pid " + pid + ": " + e.getMessage()
                    + "; is the target still running?", e);
        }
        long durationMillis = (System.nanoTime() - startNanos) / 1_000_000;
        ClassHistogram histogram = ClassHistogramParser.parse("GC.class_histogram of pid " + pid, text, timestamp);
        return new CapturedHistogram(histogram, text, true, durationMillis);
    }

    public long pid() {
        return pid;
    }

    @Override
    public void close() {
        closeQuietly(connector);
    }

    private static void closeQuietly(JMXConnector connector) {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException e) {
                // the target may be gone already
            }
        }
    }
}
