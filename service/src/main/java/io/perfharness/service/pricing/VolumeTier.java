package io.perfharness.service.pricing;

/** From {@code minQuantity} units on, {@code discountPct} percent off the unit price. */
public record VolumeTier(int minQuantity, int discountPct) {}
