package io.perfharness.profiling.remote;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.heap.ClassHistogram;
import io.perfharness.profiling.heap.ClassHistogramParser;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Heap, GC, threads and class histograms of a remote JVM through its platform MBeans and the
 * DiagnosticCommand MBean ({@code GC.class_histogram}, as {@code jcmd} runs it). Read-only except
 * that a class histogram forces a full GC in the target, as {@code jcmd GC.class_histogram} does.
 * Stateless apart from the connection.
 */
public final class RemoteJvmFacts {
    static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private final JmxConnection connection;

    public RemoteJvmFacts(JmxConnection connection) {
        this.connection = connection;
    }

    /** One reading of the JVM's heap, GC totals and threads. */
    public record Snapshot(long heapUsedBytes, long heapCommittedBytes, long gcCount, long gcMillisTotal,
            int liveThreads, int daemonThreads, String vmName, String vmVersion) {}

    public Snapshot snapshot() throws ProfilingException {
        try {
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(connection.server(),
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(connection.server(),
                    ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
            long gcCount = 0;
            long gcMillis = 0;
            List<GarbageCollectorMXBean> collectors = ManagementFactory.getPlatformMXBeans(connection.server(),
                    GarbageCollectorMXBean.class);
            for (GarbageCollectorMXBean gc : collectors) {
                gcCount += Math.max(0, gc.getCollectionCount());
                gcMillis += Math.max(0, gc.getCollectionTime());
            }
            var runtime = ManagementFactory.newPlatformMXBeanProxy(connection.server(),
                    ManagementFactory.RUNTIME_MXBEAN_NAME, java.lang.management.RuntimeMXBean.class);
            var heap = memory.getHeapMemoryUsage();
            return new Snapshot(heap.getUsed(), heap.getCommitted(), gcCount, gcMillis, threads.getThreadCount(),
                    threads.getDaemonThreadCount(), runtime.getVmName(), runtime.getSpecVersion());
        } catch (IOException | RuntimeException e) {
            throw new ProfilingException("reading heap, GC and threads over JMX at " + connection.address()
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code GC.class_histogram} text of the remote JVM (forces a full GC there). */
    public String classHistogramText() throws ProfilingException {
        try {
            Object out = connection.server().invoke(new ObjectName(DIAGNOSTIC_COMMAND), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return String.valueOf(out);
        } catch (JMException | IOException e) {
            throw new ProfilingException("GC.class_histogram over JMX at " + connection.address() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The class histogram, parsed. */
    public ClassHistogram classHistogram(Instant timestamp) throws ProfilingException {
        String text = classHistogramText();
        try {
            return ClassHistogramParser.parse("GC.class_histogram over JMX at " + connection.address(), text,
                    timestamp);
        } catch (RuntimeException e) {
            throw new ProfilingException("the class histogram from " + connection.address() + " did not parse: "
                    + e.getMessage(), e);
        }
    }
}
