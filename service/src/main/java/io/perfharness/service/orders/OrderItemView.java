package io.perfharness.service.orders;

/** A line of a stored order, with the product's name. */
public record OrderItemView(int lineNo, long productId, String productName, int quantity, long unitPriceCents) {}
