package io.perfharness.profiling.capture;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.event.CountUnit;
import io.perfharness.profiling.event.ProfilingEvent;

import java.nio.file.Path;

/**
 * One event's profile converted from a recording.
 *
 * @param event           the event
 * @param countUnit       unit of the counts in {@code profile} and in the collapsed file
 * @param profile         the normalized profile, as written to {@code collapsedFile}
 * @param rawStackCount   distinct stacks before normalization merged some
 * @param collapsedFile   {@code <event>.collapsed}: normalized frames, sorted by count
 * @param htmlFile        {@code <event>.html}: async-profiler's flame graph with raw frame names
 */
public record ConvertedProfile(ProfilingEvent event, CountUnit countUnit, CollapsedProfile profile,
                               int rawStackCount, Path collapsedFile, Path htmlFile) {
}
