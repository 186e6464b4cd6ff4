package io.perfharness.profiling.heap;

/**
 * A histogram just taken from a live JVM, with the JVM's own text (kept verbatim in the run directory so
 * people can read it) and what taking it cost. Immutable.
 *
 * @param text the JVM's output, exactly as {@code GC.class_histogram} printed it
 * @param fullGcForced true: the JVM ran a full GC first, so only live objects are counted (and the
 *     target paused for it)
 * @param durationMillis wall time of the capture, the full GC included
 */
public record CapturedHistogram(ClassHistogram histogram, String text, boolean fullGcForced, long durationMillis) {}
