package io.perfharness.reports.compare;

import io.perfharness.reports.stats.Direction;

/**
 * What one compared metric is: its id, unit, which way is better, and how it is tested.
 *
 * @param id stable key used in comparison.json and calibration files, e.g. {@code latency.p99} or
 *     {@code latency.p50[GET /products]}
 * @param unit the unit of the per-run values ({@code ms}, {@code bytes}, {@code req/s}, {@code fraction})
 * @param family which multiple-comparison family it belongs to
 * @param difference true when the metric can be zero (error rate): tested on the difference
 *     candidate - baseline, with an absolute band, instead of the ratio
 */
public record MetricDefinition(String id, String unit, Direction direction, Family family, boolean difference) {

  public MetricDefinition withUnit(String newUnit) {
    return new MetricDefinition(id, newUnit, direction, family, difference);
  }

  /** Families share one correction: Holm within {@code GATED}, Benjamini-Hochberg within {@code HEADLINE} and within {@code PER_REQUEST}. */
  public enum Family {
    /** The metrics {@code --gate} acts on (default p50, p99, CPU per request, errors): Holm. */
    GATED,
    /** The other whole-run metrics (p90, throughput, alloc, lock and wall per request, costs under application frames): BH. */
    HEADLINE,
    /** Latency percentiles per request name: Benjamini-Hochberg (many of them, descriptive). */
    PER_REQUEST
  }
}
