package io.perfharness.service.catalog;

/** Units of one product on hand in one warehouse. */
public record WarehouseStock(String warehouse, String city, int quantity) {}
