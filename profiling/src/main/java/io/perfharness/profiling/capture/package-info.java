/**
 * Capture with async-profiler through ap-loader: {@link io.perfharness.profiling.capture.ProfilerPreflight}
 * before the run, {@link io.perfharness.profiling.capture.AsyncProfilerCapture} around the
 * measurement window, {@link io.perfharness.profiling.capture.JfrToCollapsedProfiles} after it.
 * The only package of the module that runs external processes or uses ap-loader.
 */
package io.perfharness.profiling.capture;
