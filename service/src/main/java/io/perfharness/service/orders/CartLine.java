package io.perfharness.service.orders;

/** A line of a cart, at list price. */
public record CartLine(long productId, String name, int quantity, long unitPriceCents, long lineTotalCents) {}
