package io.perfharness.benchmarks.service;

import io.perfharness.service.pricing.PriceSchedule;
import io.perfharness.service.pricing.PriceScheduleLoader;
import io.perfharness.service.pricing.VolumeTier;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link PriceScheduleLoader} without a database: schedules derived from the product id, after a
 * simulated round trip of {@code loadMicros} (parked, no CPU), standing in for the service's query
 * plus its 30 ms promotions call at a scale a microbenchmark can afford. Immutable, thread-safe.
 */
final class InMemorySchedules implements PriceScheduleLoader {
    static final int PRODUCTS = 5_000;
    private static final List<VolumeTier> TIERS =
            List.of(new VolumeTier(10, 3), new VolumeTier(50, 7), new VolumeTier(100, 12));

    private final long loadNanos;

    InMemorySchedules(long loadMicros) {
        this.loadNanos = loadMicros * 1_000;
    }

    @Override
    public Optional<PriceSchedule> load(long productId) {
        if (loadNanos > 0) {
            long deadline = System.nanoTime() + loadNanos;
            long remaining;
            while ((remaining = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(remaining);
            }
        }
        if (productId < 1 || productId > PRODUCTS) {
            return Optional.empty();
        }
        return Optional.of(new PriceSchedule(productId, 499 + productId % 97 * 100, (int) (productId % 5),
                productId % 10 == 0 ? 10 : 0, TIERS));
    }
}
