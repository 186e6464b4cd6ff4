package io.perfharness.core.config;

import java.util.List;

/** All the problems found in one configuration, reported at once (one per line). */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
