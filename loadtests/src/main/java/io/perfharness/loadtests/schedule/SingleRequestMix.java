package io.perfharness.loadtests.schedule;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Every arrival sends the same GET; for ground-truth targets and smoke checks. Immutable. */
public record SingleRequestMix(String name, String path) implements RequestMix {
  @Override
  public RequestSpec next(Random random) {
    return new RequestSpec(name, "GET", path, "");
  }

  @Override
  public List<String> requestNames() {
    return List.of(name);
  }

  @Override
  public Map<String, Double> weights() {
    return Map.of(name, 1.0);
  }
}
