package io.perfharness.service.catalog;

import java.util.List;

/** Stock of one product per warehouse (warehouses without the product are left out). */
public record StockLevel(long productId, long totalQuantity, List<WarehouseStock> warehouses) {}
