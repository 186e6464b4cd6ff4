package io.perfharness.service.pricing;

import io.perfharness.service.db.Jdbc;
import java.util.List;
import java.util.Optional;

/**
 * Loads price schedules: list price and volume tiers from the database (2 statements) plus the active
 * promotion from the promotions service (a 30 ms round trip). Thread-safe.
 */
public final class PriceScheduleRepository implements PriceScheduleLoader {
    private record ListPrice(long priceCents, int categoryId, int categoryDiscountPct) {}

    private final Jdbc jdbc;
    private final PromotionsClient promotions;

    public PriceScheduleRepository(Jdbc jdbc, PromotionsClient promotions) {
        this.jdbc = jdbc;
        this.promotions = promotions;
    }

    @Override
    public Optional<PriceSchedule> load(long productId) {
        Optional<PriceSchedule> fromDatabase = jdbc.withConnection("price schedule", connection -> {
            Optional<ListPrice> listPrice = Jdbc.one(connection,
                    "SELECT p.price_cents, c.id, c.discount_pct FROM products p"
                            + " JOIN categories c ON c.id = p.category_id WHERE p.id = ?",
                    row -> new ListPrice(row.getLong(1), row.getInt(2), row.getInt(3)), productId);
            if (listPrice.isEmpty()) {
                return Optional.empty();
            }
            List<VolumeTier> tiers = Jdbc.list(connection,
                    "SELECT min_quantity, discount_pct FROM volume_discounts WHERE category_id = ?"
                            + " ORDER BY min_quantity",
                    row -> new VolumeTier(row.getInt(1), row.getInt(2)), listPrice.get().categoryId());
            return Optional.of(new PriceSchedule(productId, listPrice.get().priceCents(),
                    listPrice.get().categoryDiscountPct(), 0, tiers));
        });
        // the promotions call happens after the connection went back to the pool: only the caller's
        // lock (if any) is held across it
        return fromDatabase.map(schedule -> new PriceSchedule(schedule.productId(), schedule.listPriceCents(),
                schedule.categoryDiscountPct(), promotions.activePromotionPct(productId), schedule.tiers()));
    }
}
