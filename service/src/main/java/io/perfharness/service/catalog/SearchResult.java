package io.perfharness.service.catalog;

import java.util.List;

/** Products whose name (or category) contains every term of the query, by id. */
public record SearchResult(String query, int count, List<ProductSummary> items) {}
