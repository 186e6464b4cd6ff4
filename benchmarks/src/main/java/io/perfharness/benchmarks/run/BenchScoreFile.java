package io.perfharness.benchmarks.run;

import java.util.List;
import java.util.Map;

/**
 * {@code jmh/score.json} of a fork's run directory: the fork's JMH score and the operations its
 * measured iterations executed, the per-operation divisor of its profiles. Immutable; fields in
 * {@code docs/benchmarks.md}.
 *
 * @param score              mean of {@code iterationScores}
 * @param operations         all operations of the measured iterations, as in {@code run.json}'s
 *                           {@code load.requestsCompleted}
 * @param measuredOperations the operations inside JMH's measured spans only (what the scores count)
 */
public record BenchScoreFile(int schemaVersion, String benchmark, Map<String, String> params, String mode,
        String scoreUnit, double score, List<Double> iterationScores, long operations, long measuredOperations) {
    public static final int SCHEMA_VERSION = 1;
    public static final String FILE = "jmh/score.json";
}
