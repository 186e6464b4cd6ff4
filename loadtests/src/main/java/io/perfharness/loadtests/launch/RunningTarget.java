package io.perfharness.loadtests.launch;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/**
 * A target that answers HTTP: where it listens, which JVM to profile, and, when we started it,
 * the child process we own and must stop.
 */
public interface RunningTarget extends AutoCloseable {
  URI baseUrl();

  OptionalLong pid();

  /** The command we started, or empty for a target somebody else runs. */
  List<String> command();

  boolean startedByHarness();

  /** Whether the target is still there (always true for a target we do not own). */
  boolean isAlive();

  /** Exit code of a child that has ended, or null. */
  Integer exitCode();

  /** Stops a child we started (SIGTERM, then kill after a grace period); no-op otherwise. */
  @Override
  void close();
}
