package io.perfharness.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.service.faults.Fault;
import io.perfharness.service.orders.ReceiptReconciler;
import io.perfharness.service.shipping.TariffWatch;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code thread-leak} and {@code connection-leak} faults leak what they say (parked threads, pooled
 * connections never given back) and only when switched on; read through thread names and the pool's
 * {@code hikaricp_connections_*} gauges in {@code GET /metrics}, as a soak run reads them.
 */
class ResourceLeakFaultsTest {
    private static final String ACTIVE = "hikaricp_connections_active{pool=\"shop-db\"}";
    private static final String IDLE = "hikaricp_connections_idle{pool=\"shop-db\"}";
    private static final String QUOTE = "{\"country\":\"DE\",\"postalCode\":\"10115\",\"weightGrams\":1200}";

    @Test
    void threadLeakStartsOneParkedPollerPerQuoteAndTheFixNone() throws Exception {
        try (ShopService fixed = start(Set.of())) {
            ShopClient client = new ShopClient(fixed.baseUrl());
            long before = pollerThreads();
            for (int i = 0; i < 5; i++) {
                assertThat(client.post("/api/shipping/quote", QUOTE).status()).isEqualTo(200);
            }
            assertThat(pollerThreads()).isEqualTo(before);
        }
        try (ShopService leaking = start(EnumSet.of(Fault.THREAD_LEAK))) {
            ShopClient client = new ShopClient(leaking.baseUrl());
            long before = pollerThreads();
            double threadsBefore = client.metric("jvm_threads_live_threads");
            for (int i = 0; i < 20; i++) {
                assertThat(client.post("/api/shipping/quote", QUOTE).status()).isEqualTo(200);
            }
            assertThat(pollerThreads()).isEqualTo(before + 20);
            assertThat(client.metric("jvm_threads_live_threads")).isGreaterThanOrEqualTo(threadsBefore + 20);
            assertThat(client.metric("shop_fault_path_total{fault=\"thread-leak\"}")).isEqualTo(20);
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith(
                    TariffWatch.POLLER_THREAD_PREFIX)).allMatch(t -> t.getState() == Thread.State.WAITING);
        }
        // stopping the service releases its pollers, so they do not pile up in this test JVM
        for (Thread poller : pollers()) {
            poller.join(10_000);
        }
        assertThat(pollers()).isEmpty();
    }

    @Test
    void connectionLeakKeepsOneConnectionPerSampledReceiptAndTheFixNone() throws ServiceStartException {
        int views = 3 * ReceiptReconciler.SAMPLE_EVERY;
        try (ShopService fixed = start(Set.of())) {
            ShopClient client = new ShopClient(fixed.baseUrl());
            for (int i = 0; i < views; i++) {
                assertThat(client.get("/api/orders/" + (1 + i) + "/receipt").status()).isEqualTo(200);
            }
            assertThat(client.metric(ACTIVE)).isZero();
            assertThat(client.metric(IDLE)).isPositive();
        }
        try (ShopService leaking = start(EnumSet.of(Fault.CONNECTION_LEAK))) {
            ShopClient client = new ShopClient(leaking.baseUrl());
            for (int i = 0; i < views; i++) {
                assertThat(client.get("/api/orders/" + (1 + i) + "/receipt").status()).isEqualTo(200);
            }
            // views 1, 51 and 101 were sampled and each kept its connection
            assertThat(client.metric(ACTIVE)).isEqualTo(3);
            assertThat(client.metric(IDLE)).isLessThanOrEqualTo(7);
            assertThat(client.metric("hikaricp_connections_pending{pool=\"shop-db\"}")).isZero();
            assertThat(client.metric("shop_fault_path_total{fault=\"connection-leak\"}")).isEqualTo(3);
        }
    }

    private static ShopService start(Set<Fault> faults) throws ServiceStartException {
        ShopServiceConfig config = ShopServiceConfig.defaults().withFaults(faults).withLogRequests(false);
        return ShopService.start(config, new CapturedLog());
    }

    private static long pollerThreads() {
        return pollers().size();
    }

    private static List<Thread> pollers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(TariffWatch.POLLER_THREAD_PREFIX))
                .toList();
    }
}
