package io.perfharness.benchmarks.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * {@code fork.json}: what one JMH fork did, written by {@link ForkProfiler} inside the fork and read
 * by the runner that turns it into a run directory. An internal staging format (the run directory
 * is the contract), rewritten after every measured iteration. Immutable.
 *
 * @param status               WARMING_UP before the measurement, PROFILING when the fork died
 *                             while measuring, COMPLETE after the last measured iteration
 *                             and the profiler stopped, WARMUP_FORK for JMH warm-up forks (not
 *                             profiled, not replicates), FAILED when the profiler could not run
 * @param forkNumber           1-based among the measured forks of this benchmark and params
 * @param iterations           the measured iterations so far
 * @param problems             what went wrong, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ForkRecord(
        String status,
        String benchmark,
        String mode,
        Map<String, String> params,
        String scoreUnit,
        int forkNumber,
        int forks,
        int warmupForks,
        int threads,
        int measurementIterations,
        long measurementTimeMillis,
        int warmupIterations,
        long warmupTimeMillis,
        long pid,
        String jvmVersion,
        String profilerVersion,
        String jfrFile,
        Long runStartEpochMs,
        Long warmupStartEpochMs,
        Long measurementStartEpochMs,
        Long measurementEndEpochMs,
        Long profilerStartEpochMs,
        Long profilerStopEpochMs,
        List<MeasuredIteration> iterations,
        List<String> problems) {

    public static final String FILE = "fork.json";
    public static final String COMPLETE = "COMPLETE";
    public static final String WARMING_UP = "WARMING_UP";
    public static final String PROFILING = "PROFILING";
    public static final String WARMUP_FORK = "WARMUP_FORK";
    public static final String FAILED = "FAILED";

    /**
     * One measured iteration as JMH reported it to the profiler.
     *
     * @param score       the iteration's primary score, in the benchmark's score unit
     * @param allOps      operations all threads executed in the iteration, including JMH's
     *                    synchronization ramps before and after the measured span (inside the profile)
     * @param measuredOps operations inside the measured span (what the score is computed from)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasuredIteration(int number, double score, long allOps, long measuredOps, long startEpochMs,
            long endEpochMs) {}
}
