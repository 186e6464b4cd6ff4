package io.perfharness.service.orders;

/** A line of a placed order, priced with its volume discount. */
public record PlacedOrderLine(long productId, int quantity, long unitPriceCents, int discountPct, long lineTotalCents) {}
