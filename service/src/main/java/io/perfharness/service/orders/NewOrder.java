package io.perfharness.service.orders;

import java.util.List;

/** A validated order request. */
public record NewOrder(long customerId, String email, List<OrderItemRequest> items) {
    public NewOrder {
        items = List.copyOf(items);
    }
}
