package io.perfharness.benchmarks.service;

import io.perfharness.service.pricing.PriceCache;
import io.perfharness.service.pricing.PriceSchedule;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code lock-contention} path of {@code GET /api/products/{id}/price}: {@link PriceCache} looked up
 * by 4 threads over 5,000 products with a short time-to-live, so most lookups miss and load, as under
 * load in the service. The fault loads under one global monitor (the threads queue behind each other's
 * round trips); the fix loads outside any lock. The load is a parked wait ({@code loadMicros}), so 4
 * threads are meaningful on 2 cores; the fault's event is lock ({@code --events cpu,lock}). Throughput
 * is the score: the faulty side serializes, so expect roughly 1/threads of the fixed throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(4)
public class PriceCacheBenchmark {
    @Param({"faulty", "fixed"})
    public String fault;

    /** The simulated load round trip, in microseconds. */
    @Param({"100"})
    public long loadMicros;

    /** Entry time-to-live, in milliseconds: short, so most lookups miss. */
    @Param({"5"})
    public long ttlMillis;

    private PriceCache cache;

    @Setup
    public void setUp() {
        cache = new PriceCache(new InMemorySchedules(loadMicros), FaultSide.of(fault).isFaulty(),
                FaultSide.counter("faultPath"), System::nanoTime, Duration.ofMillis(ttlMillis));
    }

    @Benchmark
    public Optional<PriceSchedule> lookup() {
        return cache.get(1 + ThreadLocalRandom.current().nextInt(InMemorySchedules.PRODUCTS));
    }
}
