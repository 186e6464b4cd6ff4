package io.perfharness.service.orders;

import java.util.List;

/** A stored order with its lines. {@code createdAt} is ISO-8601 UTC. */
public record OrderView(long orderId, String createdAt, String status, long totalCents, List<OrderItemView> items) {}
