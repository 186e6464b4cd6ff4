package io.perfharness.service.shipping;

/**
 * A shipping quote.
 *
 * @param source {@code carrier-api} when the downstream carrier was asked on the request thread,
 *     {@code rate-table} when answered from the precomputed table
 */
public record ShippingQuote(
        String country,
        String postalCode,
        int weightGrams,
        String carrier,
        String service,
        String zone,
        long priceCents,
        String currency,
        int estimatedDays,
        String source) {}
