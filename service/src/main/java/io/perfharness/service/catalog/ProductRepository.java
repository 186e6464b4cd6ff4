package io.perfharness.service.catalog;

import io.perfharness.service.db.Jdbc;
import io.perfharness.service.db.RowMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads products: catalog pages, detail, search. Thread-safe. */
public final class ProductRepository {
    private static final String SUMMARY_COLUMNS = "p.id, p.sku, p.name, c.name, p.price_cents";
    private static final RowMapper<ProductSummary> SUMMARY = row -> new ProductSummary(
            row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5));

    private final Jdbc jdbc;

    public ProductRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One page in id order: 2 statements (count and page). */
    public ProductPage page(Optional<Category> category, int page, int size) {
        long offset = (long) page * size;
        return jdbc.withConnection("catalog page", connection -> {
            if (category.isPresent()) {
                int categoryId = category.get().id();
                long total = Jdbc.one(connection, "SELECT COUNT(*) FROM products WHERE category_id = ?",
                        row -> row.getLong(1), categoryId).orElse(0L);
                List<ProductSummary> items = Jdbc.list(connection,
                        "SELECT " + SUMMARY_COLUMNS + " FROM products p JOIN categories c ON c.id = p.category_id"
                                + " WHERE p.category_id = ? ORDER BY p.id LIMIT ? OFFSET ?",
                        SUMMARY, categoryId, size, offset);
                return new ProductPage(category.get().name(), page, size, total, items);
            }
            long total = Jdbc.one(connection, "SELECT COUNT(*) FROM products", row -> row.getLong(1)).orElse(0L);
            // page first, then join the page: joined first, H2 starts from categories and sorts every
            // product for each page (some 50 times the cost, the same rows)
            List<ProductSummary> items = Jdbc.list(connection,
                    "SELECT " + SUMMARY_COLUMNS + " FROM (SELECT id, sku, name, category_id, price_cents"
                            + " FROM products ORDER BY id LIMIT ? OFFSET ?) p"
                            + " JOIN categories c ON c.id = p.category_id ORDER BY p.id",
                    SUMMARY, size, offset);
            return new ProductPage(null, page, size, total, items);
        });
    }

    public Optional<ProductDetail> detail(long productId) {
        return jdbc.one("SELECT p.id, p.sku, p.name, p.description, c.name, p.price_cents, p.weight_grams,"
                        + " (SELECT COALESCE(SUM(i.quantity), 0) FROM inventory i WHERE i.product_id = p.id)"
                        + " FROM products p JOIN categories c ON c.id = p.category_id WHERE p.id = ?",
                row -> new ProductDetail(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getLong(6), row.getInt(7), row.getLong(8)),
                productId);
    }

    /** Products having every one of {@code terms} in the search index, by id: 1 statement. */
    public List<ProductSummary> search(Collection<String> terms, int limit) {
        List<Object> params = new ArrayList<>(terms);
        params.add(terms.size());
        params.add(limit);
        String placeholders = String.join(", ", Collections.nCopies(terms.size(), "?"));
        return jdbc.list("SELECT " + SUMMARY_COLUMNS + " FROM products p JOIN categories c ON c.id = p.category_id"
                        + " WHERE p.id IN (SELECT t.product_id FROM product_terms t WHERE t.term IN (" + placeholders + ")"
                        + " GROUP BY t.product_id HAVING COUNT(*) = ?) ORDER BY p.id LIMIT ?",
                SUMMARY, params.toArray());
    }
}
