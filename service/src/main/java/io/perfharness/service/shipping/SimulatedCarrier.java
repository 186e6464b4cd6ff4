package io.perfharness.service.shipping;

/**
 * Stands in for a carrier's quote API across the network: it answers from the tariff after a
 * deterministic 20..50 ms (a function of country and postal code), during which the calling thread is
 * blocked, as it would be in a synchronous HTTP call. Thread-safe.
 */
public final class SimulatedCarrier {
    public static final int MIN_LATENCY_MILLIS = 20;
    public static final int MAX_LATENCY_MILLIS = 50;

    private final CarrierTariff tariff;

    public SimulatedCarrier(CarrierTariff tariff) {
        this.tariff = tariff;
    }

    /** Blocks for the simulated round trip, then returns the price in cents. */
    public long requestQuoteCents(ShippingZone zone, String country, String postalCode, int weightGrams) {
        try {
            Thread.sleep(latencyMillis(country, postalCode));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException("interrupted while waiting for the carrier", e);
        }
        return tariff.priceCents(zone, CarrierTariff.band(weightGrams));
    }

    static int latencyMillis(String country, String postalCode) {
        int spread = MAX_LATENCY_MILLIS - MIN_LATENCY_MILLIS + 1;
        return MIN_LATENCY_MILLIS + Math.floorMod((country + "/" + postalCode).hashCode(), spread);
    }
}
