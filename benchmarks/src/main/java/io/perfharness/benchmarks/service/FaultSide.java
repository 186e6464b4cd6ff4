package io.perfharness.benchmarks.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The two sides of a planted fault as a JMH {@code @Param}: {@code faulty} runs the planted
 * bottleneck, {@code fixed} the documented fix, through the same switch the service itself uses
 * ({@code --fault=NAME} turns it into a constructor flag). Immutable.
 */
public enum FaultSide {
    FAULTY,
    FIXED;

    /**
     * The side named by a {@code @Param} value.
     *
     * @throws IllegalArgumentException quoting the value and the two allowed ones
     */
    public static FaultSide of(String param) {
        return switch (param) {
            case "faulty" -> FAULTY;
            case "fixed" -> FIXED;
            default -> throw new IllegalArgumentException("fault must be faulty or fixed but was '" + param + "'");
        };
    }

    public boolean isFaulty() {
        return this == FAULTY;
    }

    /** A counter for the service's fault-path and compilation metrics, outside any exported registry. */
    static Counter counter(String name) {
        return new SimpleMeterRegistry().counter(name);
    }
}
