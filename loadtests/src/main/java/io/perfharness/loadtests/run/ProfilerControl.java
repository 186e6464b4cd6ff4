package io.perfharness.loadtests.run;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.launch.TargetException;

/**
 * The profiler as the run sees it: checked before the load, started and stopped on the
 * measurement window's edges, always detached. Implementations own the attach; {@link #close()}
 * must detach whatever state the profiler is in and never throw.
 */
public interface ProfilerControl extends AutoCloseable {
  /** Everything that would make profiling fail, checked before the load starts. */
  void preflight(long pid) throws TargetException;

  /** Starts capturing into {@code profileDir} (the target writes the recording there). */
  void start(java.nio.file.Path profileDir) throws TargetException;

  void stop() throws TargetException;

  /** Converts what was captured into the run directory and describes it for the manifest. */
  RunManifest.Profiler write(RunDirectory dir) throws TargetException;

  @Override
  void close();

  /** The profiler of a run with no events: does nothing, writes nothing. */
  ProfilerControl NONE = new ProfilerControl() {
    @Override
    public void preflight(long pid) {}

    @Override
    public void start(java.nio.file.Path profileDir) {}

    @Override
    public void stop() {}

    @Override
    public RunManifest.Profiler write(RunDirectory dir) {
      return null;
    }

    @Override
    public void close() {}
  };
}
