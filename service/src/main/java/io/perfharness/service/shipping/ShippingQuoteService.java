package io.perfharness.service.shipping;

import io.micrometer.core.instrument.Counter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Quotes shipping. With the {@code blocking-io} fault each quote asks the (simulated) carrier and blocks
 * the request thread until it answers, 300..600 ms later; the fix answers from the rate table built at
 * start-up. The fix is not free: a tariff change reaches quotes only when the table is rebuilt (here:
 * at the next start), where the live call would see it at once. Thread-safe.
 */
public final class ShippingQuoteService {
    public static final String SOURCE_CARRIER = "carrier-api";
    public static final String SOURCE_TABLE = "rate-table";
    /** How long a quote waits for the carrier before it gives up (503). */
    public static final long CARRIER_TIMEOUT_MILLIS = 2_000;

    private final CarrierTariff tariff;
    private final SimulatedCarrier carrier;
    private final RateTable rateTable;
    private final boolean blockingCarrierCall;
    private final Counter faultPath;

    /**
     * @param blockingCarrierCall true runs the planted {@code blocking-io} fault
     * @param faultPath counts runs of the faulty path
     */
    public ShippingQuoteService(CarrierTariff tariff, boolean blockingCarrierCall, Counter faultPath) {
        this.tariff = tariff;
        this.carrier = new SimulatedCarrier(tariff);
        this.rateTable = new RateTable(tariff);
        this.blockingCarrierCall = blockingCarrierCall;
        this.faultPath = faultPath;
    }

    public CarrierTariff tariff() {
        return tariff;
    }

    /**
     * @throws IllegalArgumentException when the country is not served (callers validate first)
     */
    public ShippingQuote quote(ShippingRequest request) {
        ShippingZone zone = tariff.zoneOf(request.country()).orElseThrow(() ->
                new IllegalArgumentException("country must be one of " + tariff.countries()
                        + " but was '" + request.country() + "'"));
        return blockingCarrierCall ? quoteFromCarrierBlocking(request, zone) : quoteFromRateTable(request, zone);
    }

    /**
     * The planted fault: the carrier's client is asynchronous, but the quote waits for its answer on the
     * request thread, which stays parked here for 300..600 ms.
     */
    ShippingQuote quoteFromCarrierBlocking(ShippingRequest request, ShippingZone zone) {
        faultPath.increment();
        CompletableFuture<Long> answer = carrier.requestQuoteCents(zone, request.country(), request.postalCode(),
                request.weightGrams());
        long priceCents;
        try {
            priceCents = answer.get(CARRIER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException("interrupted while waiting for the carrier", e);
        } catch (ExecutionException e) {
            throw new CarrierUnavailableException("the carrier failed to quote", e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new CarrierUnavailableException("the carrier did not answer within " + CARRIER_TIMEOUT_MILLIS
                    + " ms", e);
        }
        return toQuote(request, zone, priceCents, SOURCE_CARRIER);
    }

    /** The fix: a lookup in the precomputed table. */
    ShippingQuote quoteFromRateTable(ShippingRequest request, ShippingZone zone) {
        return toQuote(request, zone, rateTable.priceCents(zone, request.weightGrams()), SOURCE_TABLE);
    }

    private static ShippingQuote toQuote(ShippingRequest request, ShippingZone zone, long priceCents, String source) {
        return new ShippingQuote(request.country(), request.postalCode(), request.weightGrams(),
                CarrierTariff.CARRIER, CarrierTariff.SERVICE, zone.name(), priceCents, "EUR",
                zone.estimatedDays(), source);
    }
}
