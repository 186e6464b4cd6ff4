package io.perfharness.service.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippingQuoteServiceTest {
    private final Counter faultPath = new SimpleMeterRegistry().counter("fault");
    private final ShippingQuoteService carrierCall = new ShippingQuoteService(new CarrierTariff(), true, faultPath);
    private final ShippingQuoteService rateTable = new ShippingQuoteService(new CarrierTariff(), false, faultPath);

    @Test
    void rateTableQuotesWhatTheCarrierQuotes() {
        List<ShippingRequest> requests = List.of(new ShippingRequest("DE", "10115", 1),
                new ShippingRequest("AT", "1010", 500), new ShippingRequest("IT", "00184", 501),
                new ShippingRequest("GB", "SW1A 1AA", 12_345), new ShippingRequest("US", "10001", 30_000));
        for (ShippingRequest request : requests) {
            ShippingQuote fromCarrier = carrierCall.quote(request);
            ShippingQuote fromTable = rateTable.quote(request);
            assertThat(fromTable.priceCents()).as(request.toString()).isEqualTo(fromCarrier.priceCents());
            assertThat(fromCarrier.source()).isEqualTo(ShippingQuoteService.SOURCE_CARRIER);
            assertThat(fromTable.source()).isEqualTo(ShippingQuoteService.SOURCE_TABLE);
        }
        assertThat(faultPath.count()).isEqualTo(requests.size());
    }

    @Test
    void pricesByZoneAndStartedHalfKilo() {
        assertThat(rateTable.quote(new ShippingRequest("DE", "1", 500)).priceCents()).isEqualTo(490);
        assertThat(rateTable.quote(new ShippingRequest("DE", "1", 501)).priceCents()).isEqualTo(550);
        assertThat(rateTable.quote(new ShippingRequest("US", "1", 30_000)).priceCents()).isEqualTo(2_490 + 59 * 380);
        assertThat(CarrierTariff.band(1)).isEqualTo(1);
        assertThat(CarrierTariff.band(1_000)).isEqualTo(2);
        assertThatThrownBy(() -> rateTable.quote(new ShippingRequest("XX", "1", 1)))
                .hasMessageContaining("but was 'XX'");
    }

    @Test
    void carrierLatencyIsDeterministicWithinItsBounds() {
        int latency = SimulatedCarrier.latencyMillis("DE", "10115");
        assertThat(latency).isEqualTo(SimulatedCarrier.latencyMillis("DE", "10115"))
                .isBetween(SimulatedCarrier.MIN_LATENCY_MILLIS, SimulatedCarrier.MAX_LATENCY_MILLIS);
    }
}
