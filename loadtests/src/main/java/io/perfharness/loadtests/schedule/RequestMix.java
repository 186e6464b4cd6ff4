package io.perfharness.loadtests.schedule;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Draws the next request of a traffic mix from a seeded random source. */
public interface RequestMix {
  RequestSpec next(Random random);

  /** The request names this mix can produce, in a stable order. */
  List<String> requestNames();

  /** The intended share of each request name (any scale), or empty when the mix does not declare one. */
  default Map<String, Double> weights() {
    return Map.of();
  }
}
