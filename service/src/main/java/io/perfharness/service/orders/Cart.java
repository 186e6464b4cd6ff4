package io.perfharness.service.orders;

import java.util.List;

/**
 * A shopping cart at list prices (volume discounts apply at checkout).
 *
 * @param itemCount units over all lines
 */
public record Cart(long cartId, long customerId, int itemCount, long totalCents, List<CartLine> items) {}
