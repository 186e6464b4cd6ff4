package io.perfharness.service.pricing;

/**
 * The price of {@code quantity} units of one product.
 *
 * @param discountPct category discount plus the volume tier reached, in percent
 * @param unitPriceCents list price less the discount, rounded half up to a cent
 */
public record PriceQuote(
        long productId,
        int quantity,
        long listPriceCents,
        int discountPct,
        long unitPriceCents,
        long totalCents,
        String currency) {}
