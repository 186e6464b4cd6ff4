package io.perfharness.service.db;

/** Row counts written by the seed, logged at start-up. */
public record SeedCounts(
        int categories,
        int products,
        int productTerms,
        int inventoryRows,
        int customers,
        int orders,
        int orderItems,
        int carts,
        int cartItems) {}
