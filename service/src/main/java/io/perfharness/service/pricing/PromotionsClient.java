package io.perfharness.service.pricing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Stands in for the marketing team's promotions service across the network: which promotion (percent
 * off) is active for a product. Every lookup waits a fixed {@link #LATENCY_MICROS} for the simulated
 * round trip (no CPU; the service evaluates each promotion's rules and remaining budget), and the
 * answer is a deterministic function of the product id: every tenth product is 10 % off. This wait is
 * the slow work the {@code lock-contention} fault holds its lock across. Thread-safe.
 */
public final class PromotionsClient {
    public static final long LATENCY_MICROS = 30_000;
    public static final int PROMOTION_PCT = 10;

    /** The active promotion in percent, after the simulated round trip. */
    public int activePromotionPct(long productId) {
        waitForRoundTrip();
        return productId % 10 == 0 ? PROMOTION_PCT : 0;
    }

    private static void waitForRoundTrip() {
        long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(LATENCY_MICROS);
        long remaining;
        // parkNanos may return early (spurious wake-up); keep waiting until the full latency passed
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
