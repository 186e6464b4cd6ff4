package io.perfharness.loadtests.metrics;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads JVM facts of any local JVM by PID over JMX (attach API, local management agent): heap
 * used, committed and after GC, GC count and time, threads, CPU, loaded classes, open files, JIT
 * compilation time. Works
 * for targets that expose no metrics endpoint. Mutable: holds the connection.
 */
public final class JmxJvmProbe implements AutoCloseable {
  private final JMXConnector connector;
  private final MBeanServerConnection server;
  private final MemoryMXBean memory;
  private final ThreadMXBean threads;
  private final ClassLoadingMXBean classes;
  /** Null when the JVM has no JIT compiler or cannot time it. */
  private final CompilationMXBean compilation;
  private final List<GarbageCollectorMXBean> collectors;
  private final List<MemoryPoolMXBean> heapPools;
  private final ObjectName os;

  private JmxJvmProbe(JMXConnector connector) throws IOException {
    this.connector = connector;
    this.server = connector.getMBeanServerConnection();
    this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    this.threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    this.classes = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.CLASS_LOADING_MXBEAN_NAME, ClassLoadingMXBean.class);
    this.compilation = compilationMxBean(server);
    this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
    this.heapPools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    try {
      this.os = new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Connects to a JVM's remote JMX connector ({@code -Dcom.sun.management.jmxremote.port=PORT}), for a
   * JVM this machine cannot attach to (a container: {@code jmx:HOST:PORT} targets).
   */
  public static JmxJvmProbe connect(String host, int port) throws IOException {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    return new JmxJvmProbe(JMXConnectorFactory.connect(
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + hostPart + ":" + port + "/jmxrmi")));
  }

  /** Attaches to the JVM and starts (or reuses) its local management agent. */
  public static JmxJvmProbe attach(long pid) throws IOException {
    VirtualMachine vm;
    try {
      vm = VirtualMachine.attach(Long.toString(pid));
    } catch (com.sun.tools.attach.AttachNotSupportedException e) {
      throw new IOException("cannot attach to pid " + pid + ": " + e.getMessage(), e);
    }
    try {
      String address = vm.startLocalManagementAgent();
      return new JmxJvmProbe(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    } finally {
      vm.detach();
    }
  }

  /** The JVM columns of a timeline row; the service-level columns stay null. */
  public TimelineRow sample(long epochMs, double elapsedSec, String phase) throws IOException {
    MemoryUsage heap = memory.getHeapMemoryUsage();
    double afterGc = 0;
    boolean anyAfterGc = false;
    for (MemoryPoolMXBean pool : heapPools) {
      MemoryUsage usage = pool.getCollectionUsage();
      if (usage != null) {
        afterGc += usage.getUsed();
        anyAfterGc = true;
      }
    }
    double gcCount = 0;
    double gcMillis = 0;
    for (GarbageCollectorMXBean gc : collectors) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    return new TimelineRow(epochMs, elapsedSec, phase, (double) heap.getUsed(), (double) heap.getCommitted(),
        anyAfterGc ? afterGc : null, gcCount, gcMillis, (double) threads.getThreadCount(),
        attribute("ProcessCpuLoad"), attribute("CpuLoad"), (double) classes.getLoadedClassCount(),
        attribute("OpenFileDescriptorCount"), null, null, null, null, compileMillis());
  }

  private static CompilationMXBean compilationMxBean(MBeanServerConnection server) throws IOException {
    try {
      CompilationMXBean jit = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.COMPILATION_MXBEAN_NAME,
          CompilationMXBean.class);
      return jit.isCompilationTimeMonitoringSupported() ? jit : null;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return null; // no JIT (-Xint): no CompilationMXBean registered
    }
  }

  /** The target's accumulated JIT compilation time in ms, or null when it cannot be read. */
  private Double compileMillis() {
    if (compilation == null) {
      return null;
    }
    try {
      return (double) compilation.getTotalCompilationTime();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Double attribute(String name) {
    try {
      Object value = server.getAttribute(os, name);
      return value instanceof Number n && n.doubleValue() >= 0 ? n.doubleValue() : null;
    } catch (Exception e) {
      return null; // not every OS bean has every attribute (e.g. CpuLoad before JDK 14)
    }
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
