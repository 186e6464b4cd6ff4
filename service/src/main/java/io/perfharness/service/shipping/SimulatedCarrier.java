package io.perfharness.service.shipping;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for a carrier's quote API across the network, called through an asynchronous client: a
 * request returns at once with a future that the carrier completes from the tariff after a
 * deterministic {@value #MIN_LATENCY_MILLIS}..{@value #MAX_LATENCY_MILLIS} ms (a function of country and
 * postal code; rate APIs of parcel carriers are slow). No thread of ours waits unless a caller blocks on
 * the future. Thread-safe.
 */
public final class SimulatedCarrier {
    public static final int MIN_LATENCY_MILLIS = 300;
    public static final int MAX_LATENCY_MILLIS = 600;

    private final CarrierTariff tariff;

    public SimulatedCarrier(CarrierTariff tariff) {
        this.tariff = tariff;
    }

    /** Sends the quote request; the future completes with the price in cents when the carrier answers. */
    public CompletableFuture<Long> requestQuoteCents(ShippingZone zone, String country, String postalCode,
            int weightGrams) {
        Executor answerLater = CompletableFuture.delayedExecutor(latencyMillis(country, postalCode),
                TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> tariff.priceCents(zone, CarrierTariff.band(weightGrams)),
                answerLater);
    }

    static int latencyMillis(String country, String postalCode) {
        int spread = MAX_LATENCY_MILLIS - MIN_LATENCY_MILLIS + 1;
        return MIN_LATENCY_MILLIS + Math.floorMod((country + "/" + postalCode).hashCode(), spread);
    }
}
