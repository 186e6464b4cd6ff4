package io.perfharness.service.shipping;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulated carrier's published tariff: countries by zone, and a price per zone and weight band
 * of 500 g up to {@link #MAX_WEIGHT_GRAMS}. Both the simulated carrier and the rate table price from
 * it, so both paths quote the same amount. Immutable.
 */
public final class CarrierTariff {
    public static final int MAX_WEIGHT_GRAMS = 30_000;
    public static final int BAND_GRAMS = 500;
    public static final String CARRIER = "SimPost";
    public static final String SERVICE = "STANDARD";

    private static final ShippingZone DOMESTIC = new ShippingZone("domestic", 490, 60, 1);
    private static final ShippingZone EU_NEAR = new ShippingZone("eu-near", 990, 120, 3);
    private static final ShippingZone EU_FAR = new ShippingZone("eu-far", 1_290, 150, 4);
    private static final ShippingZone EUROPE_OTHER = new ShippingZone("europe-other", 1_690, 220, 5);
    private static final ShippingZone OVERSEAS = new ShippingZone("overseas", 2_490, 380, 7);

    private static final Map<String, ShippingZone> ZONES = Map.ofEntries(
            Map.entry("DE", DOMESTIC),
            Map.entry("AT", EU_NEAR), Map.entry("NL", EU_NEAR), Map.entry("BE", EU_NEAR),
            Map.entry("LU", EU_NEAR), Map.entry("DK", EU_NEAR), Map.entry("FR", EU_NEAR),
            Map.entry("PL", EU_NEAR), Map.entry("CZ", EU_NEAR),
            Map.entry("IT", EU_FAR), Map.entry("ES", EU_FAR), Map.entry("PT", EU_FAR),
            Map.entry("SE", EU_FAR), Map.entry("FI", EU_FAR), Map.entry("IE", EU_FAR),
            Map.entry("GB", EUROPE_OTHER), Map.entry("CH", EUROPE_OTHER), Map.entry("NO", EUROPE_OTHER),
            Map.entry("US", OVERSEAS), Map.entry("CA", OVERSEAS), Map.entry("AU", OVERSEAS),
            Map.entry("JP", OVERSEAS));

    public Optional<ShippingZone> zoneOf(String countryCode) {
        return Optional.ofNullable(ZONES.get(countryCode));
    }

    /** Supported ISO country codes, sorted. */
    public Set<String> countries() {
        return new TreeSet<>(ZONES.keySet());
    }

    /** Number of 500 g bands a parcel of this weight is charged for (at least 1). */
    public static int band(int weightGrams) {
        return Math.max(1, (weightGrams + BAND_GRAMS - 1) / BAND_GRAMS);
    }

    public static int bands() {
        return MAX_WEIGHT_GRAMS / BAND_GRAMS;
    }

    /** The price of a parcel in {@code band} (1-based) to {@code zone}. */
    public long priceCents(ShippingZone zone, int band) {
        return zone.basePriceCents() + (long) (band - 1) * zone.perHalfKiloCents();
    }
}
