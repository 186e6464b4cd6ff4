package io.perfharness.service.pricing;

import java.util.Optional;

/** Prices a quantity of a product from its cached schedule. Thread-safe. */
public final class PricingService {
    private final PriceCache cache;

    public PricingService(PriceCache cache) {
        this.cache = cache;
    }

    /** The quote, or empty when there is no such product. */
    public Optional<PriceQuote> quote(long productId, int quantity) {
        return cache.get(productId).map(schedule -> schedule.quote(quantity));
    }
}
