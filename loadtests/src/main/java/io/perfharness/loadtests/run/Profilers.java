package io.perfharness.loadtests.run;

import io.perfharness.core.config.RunConfig;

/** Chooses the profiler for a run: async-profiler when events were asked for, none otherwise. */
final class Profilers {
  private Profilers() {}

  static ProfilerControl forConfig(RunConfig config) {
    return config.profiling() ? new AsyncProfilerControl(config) : ProfilerControl.NONE;
  }
}
