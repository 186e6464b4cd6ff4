package io.perfharness.loadtests.launch;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/** A service somebody else started ({@code url:} target); we never stop it. */
public record ExternalTarget(URI baseUrl, OptionalLong pid) implements RunningTarget {
  @Override
  public List<String> command() {
    return List.of();
  }

  @Override
  public boolean startedByHarness() {
    return false;
  }

  @Override
  public boolean isAlive() {
    return pid.isEmpty() || ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
  }

  @Override
  public Integer exitCode() {
    return null;
  }

  @Override
  public void close() {}
}
