/**
 * Class histograms of a live JVM (instances and bytes per class, as {@code jcmd GC.class_histogram}
 * prints them): capture by pid, the strict text parser, and the {@code heap/histo-<epochMillis>.txt}
 * files of a soak run.
 */
package io.perfharness.profiling.heap;
