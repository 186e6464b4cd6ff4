package io.perfharness.service.shipping;

/**
 * A tariff zone of the simulated carrier.
 *
 * @param basePriceCents price of a parcel up to 500 g
 * @param perHalfKiloCents added for every further started 500 g
 */
public record ShippingZone(String name, long basePriceCents, long perHalfKiloCents, int estimatedDays) {}
