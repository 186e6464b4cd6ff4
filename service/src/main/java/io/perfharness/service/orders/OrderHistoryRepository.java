package io.perfharness.service.orders;

import io.micrometer.core.instrument.Counter;
import io.perfharness.service.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer's recent orders with their lines and product names. With the {@code n-plus-one} fault
 * it runs one query for the orders, one per order for its lines and one per line for the product
 * name; the fix is one join. Thread-safe.
 */
public final class OrderHistoryRepository {
    private static final String RECENT_ORDERS = "SELECT id, created_at, status, total_cents FROM orders"
            + " WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT ?";
    private static final String ITEMS_OF_ORDER = "SELECT line_no, product_id, quantity, unit_price_cents"
            + " FROM order_items WHERE order_id = ? ORDER BY line_no";
    private static final String PRODUCT_NAME = "SELECT name FROM products WHERE id = ?";

    private record OrderHeader(long orderId, String createdAt, String status, long totalCents) {}

    private record ItemRow(int lineNo, long productId, int quantity, long unitPriceCents) {}

    private final Jdbc jdbc;
    private final boolean queryPerItem;
    private final Counter faultPath;

    /**
     * @param queryPerItem true runs the planted {@code n-plus-one} fault
     * @param faultPath counts runs of the faulty path
     */
    public OrderHistoryRepository(Jdbc jdbc, boolean queryPerItem, Counter faultPath) {
        this.jdbc = jdbc;
        this.queryPerItem = queryPerItem;
        this.faultPath = faultPath;
    }

    /** Up to {@code limit} newest orders of the customer, or empty when there is no such customer. */
    public Optional<CustomerOrders> forCustomer(long customerId, int limit) {
        return jdbc.withConnection("customer orders", connection -> {
            boolean exists = Jdbc.one(connection, "SELECT id FROM customers WHERE id = ?", row -> true, customerId)
                    .isPresent();
            if (!exists) {
                return Optional.empty();
            }
            List<OrderView> orders = queryPerItem
                    ? loadOneQueryPerItem(connection, customerId, limit)
                    : loadWithJoin(connection, customerId, limit);
            return Optional.of(new CustomerOrders(customerId, orders.size(), orders));
        });
    }

    /**
     * The planted fault: 1 + orders + items statements. Written against plain JDBC, as such loops
     * usually are, so a profile charges every round trip to this method and not to a shared helper.
     */
    List<OrderView> loadOneQueryPerItem(Connection connection, long customerId, int limit) throws SQLException {
        faultPath.increment();
        List<OrderHeader> headers = new ArrayList<>();
        try (PreparedStatement recentOrders = connection.prepareStatement(RECENT_ORDERS)) {
            recentOrders.setLong(1, customerId);
            recentOrders.setInt(2, limit);
            try (ResultSet row = recentOrders.executeQuery()) {
                while (row.next()) {
                    headers.add(new OrderHeader(row.getLong(1), Timestamps.iso(row.getObject(2, LocalDateTime.class)),
                            row.getString(3), row.getLong(4)));
                }
            }
        }
        List<OrderView> orders = new ArrayList<>(headers.size());
        for (OrderHeader header : headers) {
            List<ItemRow> rows = new ArrayList<>();
            try (PreparedStatement itemsOfOrder = connection.prepareStatement(ITEMS_OF_ORDER)) {
                itemsOfOrder.setLong(1, header.orderId());
                try (ResultSet row = itemsOfOrder.executeQuery()) {
                    while (row.next()) {
                        rows.add(new ItemRow(row.getInt(1), row.getLong(2), row.getInt(3), row.getLong(4)));
                    }
                }
            }
            List<OrderItemView> items = new ArrayList<>(rows.size());
            for (ItemRow item : rows) {
                String name = "?";
                try (PreparedStatement productName = connection.prepareStatement(PRODUCT_NAME)) {
                    productName.setLong(1, item.productId());
                    try (ResultSet row = productName.executeQuery()) {
                        if (row.next()) {
                            name = row.getString(1);
                        }
                    }
                }
                items.add(new OrderItemView(item.lineNo(), item.productId(), name, item.quantity(),
                        item.unitPriceCents()));
            }
            orders.add(new OrderView(header.orderId(), header.createdAt(), header.status(), header.totalCents(),
                    items));
        }
        return orders;
    }

    /** The fix: one statement, rows ordered newest order first, then by line. */
    List<OrderView> loadWithJoin(Connection connection, long customerId, int limit) throws SQLException {
        record JoinedRow(OrderHeader header, OrderItemView item) {}
        List<JoinedRow> rows = Jdbc.list(connection,
                "SELECT o.id, o.created_at, o.status, o.total_cents, i.line_no, i.product_id, p.name, i.quantity,"
                        + " i.unit_price_cents FROM (" + RECENT_ORDERS + ") o"
                        + " JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id"
                        + " ORDER BY o.created_at DESC, o.id DESC, i.line_no",
                row -> new JoinedRow(
                        new OrderHeader(row.getLong(1), Timestamps.iso(row.getObject(2, LocalDateTime.class)),
                                row.getString(3), row.getLong(4)),
                        new OrderItemView(row.getInt(5), row.getLong(6), row.getString(7), row.getInt(8),
                                row.getLong(9))),
                customerId, limit);
        List<OrderView> orders = new ArrayList<>();
        OrderHeader current = null;
        List<OrderItemView> items = null;
        for (JoinedRow row : rows) {
            if (current == null || current.orderId() != row.header().orderId()) {
                if (current != null) {
                    orders.add(new OrderView(current.orderId(), current.createdAt(), current.status(),
                            current.totalCents(), items));
                }
                current = row.header();
                items = new ArrayList<>();
            }
            items.add(row.item());
        }
        if (current != null) {
            orders.add(new OrderView(current.orderId(), current.createdAt(), current.status(), current.totalCents(),
                    items));
        }
        return orders;
    }
}
