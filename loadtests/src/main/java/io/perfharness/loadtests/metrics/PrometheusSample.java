package io.perfharness.loadtests.metrics;

import java.util.Map;

/** One sample line of the Prometheus text format: {@code name{label="v",...} value}. */
public record PrometheusSample(String name, Map<String, String> labels, double value) {
  public PrometheusSample {
    labels = Map.copyOf(labels);
  }
}
