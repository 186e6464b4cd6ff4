package io.perfharness.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfharness.service.faults.Fault;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every planted fault, switched on all at once in one service, changes behaviour in a way visible
 * without timing: statement counts, registry size, compilation counts, the code path taken.
 */
class ShopFaultsTest {
    private static final CapturedLog LOG = new CapturedLog();
    private static ShopService service;
    private static ShopClient client;

    @BeforeAll
    static void start() throws ServiceStartException {
        ShopServiceConfig config = ShopServiceConfig.defaults().withFaults(EnumSet.allOf(Fault.class))
                .withLogRequests(false);
        service = ShopService.start(config, LOG);
        client = new ShopClient(service.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void listeningLineNamesTheFaults() {
        List<String> faults = ShopClient.JSON.convertValue(LOG.event("listening").get("faults"),
                ShopClient.JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(faults).containsExactly("cpu-regex", "alloc-churn", "lock-contention", "n-plus-one",
                "blocking-io", "leak", "thread-leak", "connection-leak");
        assertThat(LOG.lines()).noneMatch(line -> line.contains("\"requestId\""));
    }

    @Test
    void nPlusOneRunsOneQueryPerOrderAndPerItem() {
        for (long customer : new long[] {1, 2}) {
            double before = client.metric("shop_db_statements_total");
            JsonNode history = client.get("/api/customers/" + customer + "/orders").json();
            double statements = client.metric("shop_db_statements_total") - before;
            int orders = history.get("orders").size();
            int items = 0;
            for (JsonNode order : history.get("orders")) {
                items += order.get("items").size();
                assertThat(order.get("items").get(0).get("productName").asText()).isNotBlank();
            }
            // customer check + orders + one per order (its items) + one per item (its product name)
            assertThat(statements).isEqualTo(2 + orders + items);
            assertThat(statements).isGreaterThan(2 + orders);
        }
    }

    @Test
    void leakRegistersOneListenerPerProductView() {
        double size = client.metric("shop_leak_registry_size");
        double path = client.metric("shop_fault_path_total{fault=\"leak\"}");
        for (int id = 100; id < 103; id++) {
            assertThat(client.get("/api/products/" + id).status()).isEqualTo(200);
        }
        assertThat(client.metric("shop_leak_registry_size")).isEqualTo(size + 3);
        assertThat(client.metric("shop_fault_path_total{fault=\"leak\"}")).isEqualTo(path + 3);
    }

    @Test
    void cpuRegexCompilesThePatternsOnEverySearch() {
        // one check for the query and one per product name found; a check that passes compiles one
        // pattern per blocked term and one for the shape
        double compilations = client.metric("shop_regex_compilations_total");
        double path = client.metric("shop_fault_path_total{fault=\"cpu-regex\"}");
        int oakItems = client.get("/api/search?q=oak").json().get("items").size();
        assertThat(oakItems).isPositive();
        double oakChecks = client.metric("shop_fault_path_total{fault=\"cpu-regex\"}") - path;
        double oakCompilations = client.metric("shop_regex_compilations_total") - compilations;
        assertThat(oakChecks).isEqualTo(1 + oakItems);
        double patternsPerCheck = oakCompilations / oakChecks;
        assertThat(patternsPerCheck).isGreaterThan(300).isEqualTo(Math.rint(patternsPerCheck));

        JsonNode lamps = client.get("/api/search?q=walnut%20lamp").json();
        double afterLamps = client.metric("shop_regex_compilations_total");
        assertThat(afterLamps - compilations - oakCompilations)
                .isEqualTo((1 + lamps.get("items").size()) * patternsPerCheck);
        // "casino" is the first blocked term: its pattern, compiled first, finds it
        assertThat(client.get("/api/search?q=c4sino").status()).isEqualTo(400);
        assertThat(client.metric("shop_regex_compilations_total")).isEqualTo(afterLamps + 1);
        assertThat(client.metric("shop_fault_path_total{fault=\"cpu-regex\"}"))
                .isEqualTo(path + oakChecks + 1 + lamps.get("items").size() + 1);
    }

    @Test
    void allocChurnFormatsReceiptsByConcatenation() {
        double path = client.metric("shop_fault_path_total{fault=\"alloc-churn\"}");
        ShopClient.Reply receipt = client.get("/api/orders/5/receipt");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body()).contains("Order:     5\n", "TERMS AND CONDITIONS").endsWith("with us.\n");
        assertThat(client.get("/api/orders/5/receipt?format=json").json().get("text").asText())
                .isEqualTo(receipt.body());
        assertThat(client.metric("shop_fault_path_total{fault=\"alloc-churn\"}")).isEqualTo(path + 2);
    }

    @Test
    void lockContentionTakesTheGlobalLockForEveryPriceLookup() {
        double path = client.metric("shop_fault_path_total{fault=\"lock-contention\"}");
        assertThat(client.get("/api/products/30/price?qty=3").json().get("totalCents").asLong()).isPositive();
        assertThat(client.post("/api/orders", "{\"customerId\":8,\"email\":\"x@y.example\","
                + "\"items\":[{\"productId\":31,\"quantity\":1},{\"productId\":32,\"quantity\":2}]}").status())
                .isEqualTo(201);
        assertThat(client.metric("shop_fault_path_total{fault=\"lock-contention\"}")).isEqualTo(path + 3);
    }

    @Test
    void blockingIoAsksTheCarrierOnTheRequestThread() {
        double path = client.metric("shop_fault_path_total{fault=\"blocking-io\"}");
        JsonNode quote = client.post("/api/shipping/quote",
                "{\"country\":\"DE\",\"postalCode\":\"10115\",\"weightGrams\":1200}").json();
        assertThat(quote.get("source").asText()).isEqualTo("carrier-api");
        // same tariff as the rate table of the fixed path (ShopApiTest pins the same price)
        assertThat(quote.get("priceCents").asLong()).isEqualTo(490 + 2 * 60);
        assertThat(client.metric("shop_fault_path_total{fault=\"blocking-io\"}")).isEqualTo(path + 1);
    }
}
