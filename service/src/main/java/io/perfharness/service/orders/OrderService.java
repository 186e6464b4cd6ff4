package io.perfharness.service.orders;

import io.perfharness.service.NoSuchEntityException;
import io.perfharness.service.pricing.PriceQuote;
import io.perfharness.service.pricing.PricingService;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Places orders: checks the customer, prices every line (volume discounts apply), stores it. Thread-safe. */
public final class OrderService {
    private final OrderRepository orders;
    private final PricingService pricing;
    private final Clock clock;

    public OrderService(OrderRepository orders, PricingService pricing, Clock clock) {
        this.orders = orders;
        this.pricing = pricing;
        this.clock = clock;
    }

    /**
     * @throws NoSuchEntityException naming {@code customerId} or {@code items[i].productId}
     */
    public PlacedOrder place(NewOrder order) {
        if (!orders.customerExists(order.customerId())) {
            throw new NoSuchEntityException("customerId", order.customerId(), "no customer with this id");
        }
        List<PlacedOrderLine> lines = new ArrayList<>(order.items().size());
        for (int i = 0; i < order.items().size(); i++) {
            OrderItemRequest item = order.items().get(i);
            String field = "items[" + i + "].productId";
            PriceQuote quote = pricing.quote(item.productId(), item.quantity())
                    .orElseThrow(() -> new NoSuchEntityException(field, item.productId(), "no product with this id"));
            lines.add(new PlacedOrderLine(item.productId(), item.quantity(), quote.unitPriceCents(),
                    quote.discountPct(), quote.totalCents()));
        }
        LocalDateTime nowUtc = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
        return orders.insert(order, lines, nowUtc);
    }
}
