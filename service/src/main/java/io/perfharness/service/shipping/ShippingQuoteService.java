package io.perfharness.service.shipping;

import io.micrometer.core.instrument.Counter;

/**
 * Quotes shipping. With the {@code blocking-io} fault each quote asks the (simulated) carrier on the
 * request thread and waits 20..50 ms; the fix answers from the rate table built at start-up. The fix
 * is not free: a tariff change reaches quotes only when the table is rebuilt (here: at the next
 * start), where the live call would see it at once. Thread-safe.
 */
public final class ShippingQuoteService {
    public static final String SOURCE_CARRIER = "carrier-api";
    public static final String SOURCE_TABLE = "rate-table";

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

    /** The planted fault: a synchronous downstream call holds the request thread for 20..50 ms. */
    ShippingQuote quoteFromCarrierBlocking(ShippingRequest request, ShippingZone zone) {
        faultPath.increment();
        long priceCents = carrier.requestQuoteCents(zone, request.country(), request.postalCode(),
                request.weightGrams());
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
