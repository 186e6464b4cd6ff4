package io.perfharness.service.catalog;

/** A product as listed in the catalog and in search results. */
public record ProductSummary(long id, String sku, String name, String category, long priceCents) {}
