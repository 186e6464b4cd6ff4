/**
 * Profiling for perf-harness: capture with async-profiler ({@code capture}), the collapsed-stack
 * model and its file formats ({@code collapsed}), frame-name normalization across JVM runs
 * ({@code normalize}), per-frame and per-request queries with their text rendering
 * ({@code query}), and the profiling events with the units of their counts ({@code event}).
 *
 * <p>Only {@code capture} touches ap-loader and external processes; the other packages depend on
 * the JDK alone.
 */
package io.perfharness.profiling;
