package io.perfharness.service.shipping;

import java.util.HashMap;
import java.util.Map;

/**
 * Prices per zone and weight band, computed once from the carrier's published tariff at start-up, so
 * a quote is a map lookup instead of a downstream call. Immutable.
 */
public final class RateTable {
    private final Map<String, long[]> pricesByZone = new HashMap<>();

    public RateTable(CarrierTariff tariff) {
        for (String country : tariff.countries()) {
            ShippingZone zone = tariff.zoneOf(country).orElseThrow();
            pricesByZone.computeIfAbsent(zone.name(), name -> {
                long[] prices = new long[CarrierTariff.bands() + 1];
                for (int band = 1; band < prices.length; band++) {
                    prices[band] = tariff.priceCents(zone, band);
                }
                return prices;
            });
        }
    }

    public long priceCents(ShippingZone zone, int weightGrams) {
        return pricesByZone.get(zone.name())[CarrierTariff.band(weightGrams)];
    }
}
