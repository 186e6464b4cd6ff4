package io.perfharness.service.orders;

/** One validated line of a new order. */
public record OrderItemRequest(long productId, int quantity) {}
