package io.perfharness.reports.compare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * {@code jmh/score.json} of a benchmark fork's run directory ({@code perf bench}): the fork's score
 * and the operations its measured iterations executed (the per-operation divisor of its profiles).
 * Immutable; format in {@code docs/benchmarks.md}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BenchScore(int schemaVersion, String benchmark, Map<String, String> params, String mode, String scoreUnit,
                         double score, List<Double> iterationScores, long operations) {

  public static final String FILE = "jmh/score.json";

  /** Throughput is better higher; average time, sample time and single shot are better lower. */
  public boolean higherIsBetter() {
    return "thrpt".equals(mode);
  }
}
