package io.perfharness.service.pricing;

import java.util.Optional;

/** Loads the current price schedule of a product; empty when there is no such product. */
@FunctionalInterface
public interface PriceScheduleLoader {
    Optional<PriceSchedule> load(long productId);
}
