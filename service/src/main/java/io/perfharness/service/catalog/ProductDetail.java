package io.perfharness.service.catalog;

/**
 * A product's detail page.
 *
 * @param stockQuantity units on hand across all warehouses
 */
public record ProductDetail(
        long id,
        String sku,
        String name,
        String description,
        String category,
        long priceCents,
        int weightGrams,
        long stockQuantity) {}
