package io.perfharness.benchmarks.service;

import io.perfharness.service.pricing.PriceCache;
import io.perfharness.service.pricing.PriceQuote;
import io.perfharness.service.pricing.PricingService;

import java.time.Duration;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pricing on a warm cache, one thread: {@link PricingService#quote} over 5,000 cached schedules with
 * the {@code lock-contention} fault's global monitor and with the fix's ConcurrentHashMap. Not the
 * fault's cost (that is contention, see {@link PriceCacheBenchmark}) but the check that the fix does
 * not make the uncontended hit path slower.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PricingBenchmark {
    private static final int[] QUANTITIES = {1, 3, 12, 60, 150, 2, 7, 99};

    @Param({"faulty", "fixed"})
    public String fault;

    private PricingService pricing;
    private long productId;
    private int next;

    @Setup
    public void setUp() {
        PriceCache cache = new PriceCache(new InMemorySchedules(0), FaultSide.of(fault).isFaulty(),
                FaultSide.counter("faultPath"), System::nanoTime, Duration.ofDays(1));
        pricing = new PricingService(cache);
        for (long id = 1; id <= InMemorySchedules.PRODUCTS; id++) {
            pricing.quote(id, 1);
        }
    }

    @Benchmark
    public Optional<PriceQuote> quote() {
        productId = productId % InMemorySchedules.PRODUCTS + 1;
        next = (next + 1) & 7;
        return pricing.quote(productId, QUANTITIES[next]);
    }
}
