package io.perfharness.service.orders;

import io.perfharness.service.db.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Stores new orders and reads what a receipt needs. Thread-safe. */
public final class OrderRepository {
    public static final String STATUS_PLACED = "PLACED";

    private final Jdbc jdbc;

    public OrderRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public boolean customerExists(long customerId) {
        return jdbc.one("SELECT id FROM customers WHERE id = ?", row -> true, customerId).isPresent();
    }

    /** Inserts the order and its lines in one transaction: 1 + lines statements. */
    public PlacedOrder insert(NewOrder order, List<PlacedOrderLine> lines, LocalDateTime createdAtUtc) {
        long totalCents = lines.stream().mapToLong(PlacedOrderLine::lineTotalCents).sum();
        long orderId = jdbc.inTransaction("insert order", connection -> {
            long id = insertOrderRow(connection, order, createdAtUtc, totalCents);
            try (PreparedStatement items = connection.prepareStatement(
                    "INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price_cents)"
                            + " VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < lines.size(); i++) {
                    PlacedOrderLine line = lines.get(i);
                    Jdbc.bind(items, id, i + 1, line.productId(), line.quantity(), line.unitPriceCents());
                    items.addBatch();
                }
                items.executeBatch();
            }
            return id;
        });
        return new PlacedOrder(orderId, order.customerId(), STATUS_PLACED, Timestamps.iso(createdAtUtc), totalCents,
                lines);
    }

    private static long insertOrderRow(Connection connection, NewOrder order, LocalDateTime createdAtUtc,
            long totalCents) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO orders (customer_id, email, created_at, status, total_cents) VALUES (?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            Jdbc.bind(insert, order.customerId(), order.email(), createdAtUtc, STATUS_PLACED, totalCents);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new order");
                }
                return keys.getLong(1);
            }
        }
    }

    /** The receipt's data, or empty when there is no such order: 2 statements. */
    public Optional<ReceiptData> receiptData(long orderId) {
        return jdbc.withConnection("receipt", connection -> {
            Optional<ReceiptData> header = Jdbc.one(connection,
                    "SELECT o.id, o.customer_id, c.name, o.email, o.created_at, o.status, o.total_cents"
                            + " FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?",
                    row -> new ReceiptData(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                            Timestamps.iso(row.getObject(5, LocalDateTime.class)), row.getString(6),
                            row.getLong(7), List.of()),
                    orderId);
            if (header.isEmpty()) {
                return Optional.empty();
            }
            List<OrderItemView> items = Jdbc.list(connection,
                    "SELECT i.line_no, i.product_id, p.name, i.quantity, i.unit_price_cents FROM order_items i"
                            + " JOIN products p ON p.id = i.product_id WHERE i.order_id = ? ORDER BY i.line_no",
                    row -> new OrderItemView(row.getInt(1), row.getLong(2), row.getString(3), row.getInt(4),
                            row.getLong(5)),
                    orderId);
            ReceiptData h = header.get();
            return Optional.of(new ReceiptData(h.orderId(), h.customerId(), h.customerName(), h.email(),
                    h.createdAt(), h.status(), h.totalCents(), items));
        });
    }
}
