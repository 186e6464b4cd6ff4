package io.perfharness.loadtests.run;

import io.perfharness.core.config.RunConfig;
import io.perfharness.loadtests.remote.RemoteProfilerControl;

/**
 * Chooses the profiler for a run: async-profiler over JMX for a {@code jmx:} target, async-profiler
 * attached by pid for the others when events were asked for, none otherwise.
 */
final class Profilers {
  private Profilers() {}

  static ProfilerControl forConfig(RunConfig config) {
    if (!config.profiling()) {
      return ProfilerControl.NONE;
    }
    ProfilerControl remote = RemoteProfilerControl.forConfig(config);
    return remote != null ? remote : new AsyncProfilerControl(config);
  }
}
