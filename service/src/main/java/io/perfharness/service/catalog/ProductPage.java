package io.perfharness.service.catalog;

import java.util.List;

/**
 * One page of the catalog.
 *
 * @param category the category filter, or null for all products
 * @param page zero-based page number
 * @param size page size asked for (items may hold fewer on the last page)
 * @param total products matching the filter
 */
public record ProductPage(String category, int page, int size, long total, List<ProductSummary> items) {}
