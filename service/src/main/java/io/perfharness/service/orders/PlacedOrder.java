package io.perfharness.service.orders;

import java.util.List;

/**
 * The answer to {@code POST /api/orders}.
 *
 * @param createdAt ISO-8601 UTC, e.g. {@code 2026-11-26T03:15:00Z}
 */
public record PlacedOrder(long orderId, long customerId, String status, String createdAt, long totalCents,
        List<PlacedOrderLine> items) {}
