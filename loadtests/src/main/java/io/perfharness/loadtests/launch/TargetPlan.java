package io.perfharness.loadtests.launch;

import java.net.URI;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the harness will start or adopt, decided before anything starts (the port is picked here so
 * the simulation knows its base URL when Gatling builds it).
 *
 * @param baseUrl where the target answers
 * @param command the child command to start, empty for a target somebody else runs
 * @param pid the JVM to profile for a target somebody else runs
 */
public record TargetPlan(String kind, URI baseUrl, List<String> command, OptionalLong pid) {
  public TargetPlan {
    command = List.copyOf(command);
  }

  public boolean startsChild() {
    return !command.isEmpty();
  }
}
