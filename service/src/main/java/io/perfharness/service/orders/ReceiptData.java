package io.perfharness.service.orders;

import java.util.List;

/** Everything a receipt shows. {@code createdAt} is ISO-8601 UTC. */
public record ReceiptData(long orderId, long customerId, String customerName, String email, String createdAt,
        String status, long totalCents, List<OrderItemView> items) {}
