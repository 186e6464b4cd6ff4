package io.perfharness.service.orders;

import io.perfharness.service.NoSuchEntityException;
import io.perfharness.service.db.DataAccessException;
import io.perfharness.service.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Adds items to the seeded carts. A cart keeps at most {@link #MAX_LINES} lines, dropping the least
 * recently changed one when a new product arrives, and a line at most {@link #MAX_LINE_QUANTITY}
 * units: a long load test then cannot grow carts (and their responses) without bound. Thread-safe.
 */
public final class CartRepository {
    public static final int MAX_LINES = 50;
    public static final int MAX_LINE_QUANTITY = 999;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbc jdbc;
    private final Clock clock;

    public CartRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Adds {@code quantity} units of the product and returns the whole cart.
     *
     * @throws NoSuchEntityException naming {@code cartId} or {@code productId}
     */
    public Cart addItem(long cartId, long productId, int quantity) {
        try {
            return jdbc.inTransaction("add to cart", connection -> addItem(connection, cartId, productId, quantity));
        } catch (DataAccessException e) {
            if (!UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw e;
            }
            // a concurrent request inserted the same line first; now the update path applies
            return jdbc.inTransaction("add to cart", connection -> addItem(connection, cartId, productId, quantity));
        }
    }

    private Cart addItem(Connection connection, long cartId, long productId, int quantity) throws SQLException {
        long customerId = Jdbc.one(connection, "SELECT customer_id FROM carts WHERE id = ?", row -> row.getLong(1),
                cartId).orElseThrow(() -> new NoSuchEntityException("cartId", cartId, "no cart with this id"));
        Jdbc.one(connection, "SELECT id FROM products WHERE id = ?", row -> true, productId)
                .orElseThrow(() -> new NoSuchEntityException("productId", productId, "no product with this id"));
        LocalDateTime nowUtc = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        int updated = Jdbc.update(connection,
                "UPDATE cart_items SET quantity = LEAST(quantity + ?, ?), updated_at = ?"
                        + " WHERE cart_id = ? AND product_id = ?",
                quantity, MAX_LINE_QUANTITY, nowUtc, cartId, productId);
        if (updated == 0) {
            long lines = Jdbc.one(connection, "SELECT COUNT(*) FROM cart_items WHERE cart_id = ?",
                    row -> row.getLong(1), cartId).orElse(0L);
            if (lines >= MAX_LINES) {
                Jdbc.update(connection, "DELETE FROM cart_items WHERE cart_id = ? AND product_id ="
                        + " (SELECT product_id FROM cart_items WHERE cart_id = ? ORDER BY updated_at, product_id LIMIT 1)",
                        cartId, cartId);
            }
            Jdbc.update(connection,
                    "INSERT INTO cart_items (cart_id, product_id, quantity, updated_at) VALUES (?, ?, ?, ?)",
                    cartId, productId, Math.min(quantity, MAX_LINE_QUANTITY), nowUtc);
        }
        List<CartLine> items = Jdbc.list(connection,
                "SELECT ci.product_id, p.name, ci.quantity, p.price_cents FROM cart_items ci"
                        + " JOIN products p ON p.id = ci.product_id WHERE ci.cart_id = ? ORDER BY ci.product_id",
                row -> new CartLine(row.getLong(1), row.getString(2), row.getInt(3), row.getLong(4),
                        row.getLong(4) * row.getInt(3)),
                cartId);
        int itemCount = items.stream().mapToInt(CartLine::quantity).sum();
        long totalCents = items.stream().mapToLong(CartLine::lineTotalCents).sum();
        return new Cart(cartId, customerId, itemCount, totalCents, items);
    }
}
