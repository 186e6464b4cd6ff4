package io.perfharness.service.pricing;

import java.util.List;

/**
 * Everything needed to price any quantity of one product: list price, category discount, the active
 * promotion and the volume tiers (ascending by minimum quantity). Immutable.
 */
public record PriceSchedule(long productId, long listPriceCents, int categoryDiscountPct, int promotionPct,
        List<VolumeTier> tiers) {
    public static final String CURRENCY = "EUR";
    /** No combination of discounts takes more than this off the list price. */
    public static final int MAX_DISCOUNT_PCT = 90;

    public PriceSchedule {
        tiers = List.copyOf(tiers);
    }

    public PriceQuote quote(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1 but was " + quantity);
        }
        int tierPct = 0;
        for (VolumeTier tier : tiers) {
            if (quantity >= tier.minQuantity()) {
                tierPct = tier.discountPct();
            }
        }
        int discountPct = Math.min(MAX_DISCOUNT_PCT, categoryDiscountPct + promotionPct + tierPct);
        long unitPriceCents = (listPriceCents * (100 - discountPct) + 50) / 100;
        return new PriceQuote(productId, quantity, listPriceCents, discountPct, unitPriceCents,
                unitPriceCents * quantity, CURRENCY);
    }
}
