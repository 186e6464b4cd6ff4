package io.perfharness.benchmarks.service;

import io.perfharness.service.validation.InputValidator;

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
 * The {@code cpu-regex} path of {@code GET /api/search}: {@link InputValidator} checking a search
 * query and the product names a search found, with the fault ({@code matchesWithFreshPattern}: one
 * {@code Pattern.compile} per blocked term per check) and with the fix ({@code matchesPrecompiled}).
 * Inputs are clean, as most queries and names are: the faulty path then compiles every pattern.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RegexValidationBenchmark {
    private static final String[] QUERIES = {"steel hammer", "oak table", "wool scarf", "kettle", "desk lamp",
        "ceramic racket", "garden hose 20m", "kid's puzzle"};
    private static final String[] PRODUCT_NAMES = {"Sturdy Steel Hammer", "Rustic Oak Table", "Cozy Wool Scarf",
        "Sleek Copper Kettle", "Modern Brass Lamp", "Ceramic Racket", "Light Rubber Hose", "Tiny Paper Puzzle"};

    @Param({"faulty", "fixed"})
    public String fault;

    private InputValidator validator;
    private int next;

    @Setup
    public void setUp() {
        validator = new InputValidator(FaultSide.of(fault).isFaulty(), FaultSide.counter("compilations"),
                FaultSide.counter("faultPath"));
    }

    /** One query check, as every search runs once. */
    @Benchmark
    public boolean searchQuery() {
        next = (next + 1) & 7;
        return validator.isValidSearchQuery(QUERIES[next]);
    }

    /** One product-name check, as a search runs per product it found. */
    @Benchmark
    public boolean productName() {
        next = (next + 1) & 7;
        return validator.isAllowedProductName(PRODUCT_NAMES[next]);
    }
}
