package io.perfharness.service.orders;

import java.util.List;

/** A customer's most recent orders, newest first. */
public record CustomerOrders(long customerId, int orderCount, List<OrderView> orders) {}
