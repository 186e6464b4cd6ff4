package io.perfharness.service.catalog;

import io.perfharness.service.db.Jdbc;
import java.util.List;
import java.util.Optional;

/** Reads stock levels per warehouse. Thread-safe. */
public final class InventoryRepository {
    private final Jdbc jdbc;

    public InventoryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stock of the product, or empty when there is no such product. */
    public Optional<StockLevel> stock(long productId) {
        return jdbc.withConnection("stock level", connection -> {
            boolean exists = Jdbc.one(connection, "SELECT id FROM products WHERE id = ?", row -> true, productId)
                    .isPresent();
            if (!exists) {
                return Optional.empty();
            }
            List<WarehouseStock> warehouses = Jdbc.list(connection,
                    "SELECT w.code, w.city, i.quantity FROM inventory i JOIN warehouses w ON w.id = i.warehouse_id"
                            + " WHERE i.product_id = ? ORDER BY w.code",
                    row -> new WarehouseStock(row.getString(1), row.getString(2), row.getInt(3)), productId);
            long total = warehouses.stream().mapToLong(WarehouseStock::quantity).sum();
            return Optional.of(new StockLevel(productId, total, warehouses));
        });
    }
}
