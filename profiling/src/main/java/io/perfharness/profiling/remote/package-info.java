/**
 * Profiling and reading a JVM the harness did not start, over JMX only (no attach, no shared file
 * system): async-profiler through its own MBean {@code one.profiler:type=AsyncProfiler}, heap, GC,
 * threads and class histograms through the platform and DiagnosticCommand MBeans. See
 * docs/remote-jmx.md.
 */
package io.perfharness.profiling.remote;
