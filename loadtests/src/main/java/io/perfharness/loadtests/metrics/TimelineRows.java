package io.perfharness.loadtests.metrics;

/** Merges two samples of the same moment: the first source's value wins, the second fills gaps. */
final class TimelineRows {
  private TimelineRows() {}

  static TimelineRow merge(TimelineRow first, TimelineRow second) {
    if (first == null) {
      return second;
    }
    if (second == null) {
      return first;
    }
    return new TimelineRow(first.epochMs(), first.elapsedSec(), first.phase(),
        or(first.heapUsedBytes(), second.heapUsedBytes()),
        or(first.heapCommittedBytes(), second.heapCommittedBytes()),
        or(first.heapAfterGcBytes(), second.heapAfterGcBytes()),
        or(first.gcPauseCount(), second.gcPauseCount()),
        or(first.gcPauseMillisTotal(), second.gcPauseMillisTotal()),
        or(first.threads(), second.threads()),
        or(first.processCpuUsage(), second.processCpuUsage()),
        or(first.systemCpuUsage(), second.systemCpuUsage()),
        or(first.loadedClasses(), second.loadedClasses()),
        or(first.openFiles(), second.openFiles()),
        or(first.dbActive(), second.dbActive()),
        or(first.dbIdle(), second.dbIdle()),
        or(first.dbPending(), second.dbPending()),
        or(first.requestsTotal(), second.requestsTotal()),
        or(first.jitCompileMillisTotal(), second.jitCompileMillisTotal()));
  }

  private static Double or(Double a, Double b) {
    return a != null ? a : b;
  }
}
