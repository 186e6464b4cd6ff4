package io.perfharness.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfharness.service.validation.InputValidator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint over real HTTP against one service with no faults (the fixed code paths). */
class ShopApiTest {
    private static final CapturedLog LOG = new CapturedLog();
    private static ShopService service;
    private static ShopClient client;

    @BeforeAll
    static void start() throws ServiceStartException {
        service = ShopService.start(ShopServiceConfig.defaults(), LOG);
        client = new ShopClient(service.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void printsOneParseableListeningLineAfterTheSeed() {
        JsonNode listening = LOG.event("listening");
        assertThat(listening.fieldNames()).toIterable().containsExactly("event", "port", "url", "pid", "faults",
                "cpuScale");
        assertThat(listening.get("port").asInt()).isEqualTo(service.port()).isPositive();
        assertThat(listening.get("url").asText()).isEqualTo("http://127.0.0.1:" + service.port());
        assertThat(listening.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(listening.get("faults")).isEmpty();
        assertThat(listening.get("cpuScale").asDouble()).isEqualTo(1.0);
        assertThat(LOG.lines().stream().filter(line -> line.contains("\"listening\""))).hasSize(1);

        JsonNode counts = LOG.event("seeded").get("counts");
        assertThat(counts.get("products").asInt()).isEqualTo(5_000);
        assertThat(counts.get("categories").asInt()).isEqualTo(20);
        assertThat(counts.get("customers").asInt()).isEqualTo(1_000);
        assertThat(counts.get("orders").asInt()).isEqualTo(20_000);
        assertThat(counts.get("carts").asInt()).isEqualTo(500);
        assertThat(counts.get("orderItems").asInt()).isBetween(20_000, 100_000);
    }

    @Test
    void healthIsUp() {
        ShopClient.Reply health = client.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().toString()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void seedIsDeterministic() {
        // pinned values: a change here means baseline and candidate runs of different builds see different data
        JsonNode product = client.get("/api/products/1").json();
        assertThat(product.get("name").asText()).isEqualTo("Modern Steel Atlas");
        assertThat(product.get("priceCents").asLong()).isEqualTo(2791);
        JsonNode receipt = client.get("/api/orders/1/receipt?format=json").json();
        assertThat(receipt.get("customerId").asLong()).isEqualTo(218);
        assertThat(receipt.get("totalCents").asLong()).isEqualTo(122800);
    }

    @Test
    void listsACategoryPageByPage() {
        ShopClient.Reply reply = client.get("/api/products?category=tools&page=1&size=5");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode page = reply.json();
        assertThat(page.get("category").asText()).isEqualTo("tools");
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("total").asLong()).isEqualTo(250);
        assertThat(page.get("items")).hasSize(5);
        for (JsonNode item : page.get("items")) {
            assertThat(item.fieldNames()).toIterable().containsExactly("id", "sku", "name", "category", "priceCents");
            assertThat(item.get("category").asText()).isEqualTo("tools");
        }
        JsonNode all = client.get("/api/products").json();
        assertThat(all.get("total").asLong()).isEqualTo(5_000);
        assertThat(all.get("items")).hasSize(20);
        assertThat(all.get("category").isNull()).isTrue();
    }

    @Test
    void rejectsBadListingParameters() {
        assertError(client.get("/api/products?size=101"), 400, "size", "101");
        assertError(client.get("/api/products?size=0"), 400, "size", "0");
        assertError(client.get("/api/products?page=-1"), 400, "page", "-1");
        assertError(client.get("/api/products?page=two"), 400, "page", "two");
        assertError(client.get("/api/products?category=spaceships"), 404, "category", "spaceships");
    }

    @Test
    void showsProductDetail() {
        ShopClient.Reply reply = client.get("/api/products/42");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().fieldNames()).toIterable().containsExactly("id", "sku", "name", "description",
                "category", "priceCents", "weightGrams", "stockQuantity");
        assertThat(reply.json().get("id").asLong()).isEqualTo(42);
        assertError(client.get("/api/products/abc"), 400, "id", "abc");
        assertError(client.get("/api/products/0"), 400, "id", "0");
        assertError(client.get("/api/products/999999"), 404, "id", "999999");
    }

    @Test
    void searchesByNameTerms() {
        ShopClient.Reply reply = client.get("/api/search?q=Steel%20Hammer");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode result = reply.json();
        assertThat(result.get("query").asText()).isEqualTo("Steel Hammer");
        assertThat(result.get("items")).isNotEmpty();
        assertThat(result.get("count").asInt()).isEqualTo(result.get("items").size());
        for (JsonNode item : result.get("items")) {
            assertThat(item.get("name").asText()).containsIgnoringCase("steel").containsIgnoringCase("hammer");
        }
        assertThat(client.get("/api/search?q=kitchen&limit=50").json().get("items")).hasSize(50);
    }

    @Test
    void rejectsInvalidSearchQueries() {
        assertError(client.get("/api/search"), 400, "q", null);
        assertError(client.get("/api/search?q=x"), 400, "q", "x");
        assertError(client.get("/api/search?q=%3Cscript%3E"), 400, "q", "<script>");
        assertError(client.get("/api/search?q=cheap%20c4s1n0%20chips"), 400, "q", "cheap c4s1n0 chips");
        assertError(client.get("/api/search?q=steel&limit=51"), 400, "limit", "51");
    }

    @Test
    void everySeededProductNameIsAValidSearchQuery() {
        // the block list must not reject the shop's own products (it tolerates separators and look-alikes)
        InputValidator validator = new InputValidator(false, new SimpleMeterRegistry().counter("c"),
                new SimpleMeterRegistry().counter("f"));
        List<String> rejected = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            for (JsonNode item : client.get("/api/products?size=100&page=" + page).json().get("items")) {
                if (!validator.isValidSearchQuery(item.get("name").asText())) {
                    rejected.add(item.get("name").asText());
                }
            }
        }
        assertThat(rejected).isEmpty();
    }

    @Test
    void pricesWithVolumeDiscount() {
        JsonNode single = client.get("/api/products/7/price").json();
        assertThat(single.fieldNames()).toIterable().containsExactly("productId", "quantity", "listPriceCents",
                "discountPct", "unitPriceCents", "totalCents", "currency");
        assertThat(single.get("quantity").asInt()).isEqualTo(1);
        JsonNode bulk = client.get("/api/products/7/price?qty=100").json();
        assertThat(bulk.get("discountPct").asInt()).isGreaterThan(single.get("discountPct").asInt());
        assertThat(bulk.get("totalCents").asLong()).isEqualTo(bulk.get("unitPriceCents").asLong() * 100);
        assertThat(bulk.get("currency").asText()).isEqualTo("EUR");
        assertError(client.get("/api/products/7/price?qty=0"), 400, "qty", "0");
        assertError(client.get("/api/products/7/price?qty=many"), 400, "qty", "many");
        assertError(client.get("/api/products/999999/price"), 404, "id", "999999");
    }

    @Test
    void reportsStockPerWarehouse() {
        JsonNode stock = client.get("/api/inventory/3").json();
        assertThat(stock.get("productId").asLong()).isEqualTo(3);
        long sum = 0;
        for (JsonNode warehouse : stock.get("warehouses")) {
            assertThat(warehouse.fieldNames()).toIterable().containsExactly("warehouse", "city", "quantity");
            sum += warehouse.get("quantity").asLong();
        }
        assertThat(stock.get("totalQuantity").asLong()).isEqualTo(sum);
        assertError(client.get("/api/inventory/999999"), 404, "productId", "999999");
        assertError(client.get("/api/inventory/x"), 400, "productId", "x");
    }

    @Test
    void addsItemsToASeededCart() {
        JsonNode first = client.post("/api/carts/17/items", "{\"productId\":123,\"quantity\":2}").json();
        JsonNode second = client.post("/api/carts/17/items", "{\"productId\":123,\"quantity\":3}").json();
        assertThat(second.fieldNames()).toIterable()
                .containsExactly("cartId", "customerId", "itemCount", "totalCents", "items");
        assertThat(line(second, 123).get("quantity").asInt()).isEqualTo(line(first, 123).get("quantity").asInt() + 3);
        assertThat(second.get("itemCount").asInt()).isEqualTo(first.get("itemCount").asInt() + 3);
        long total = 0;
        for (JsonNode item : second.get("items")) {
            total += item.get("lineTotalCents").asLong();
        }
        assertThat(second.get("totalCents").asLong()).isEqualTo(total);

        assertError(client.post("/api/carts/501/items", "{\"productId\":1,\"quantity\":1}"), 404, "cartId", "501");
        assertError(client.post("/api/carts/1/items", "{\"productId\":999999,\"quantity\":1}"), 404, "productId",
                "999999");
        assertError(client.post("/api/carts/1/items", "{\"productId\":1,\"quantity\":0}"), 400, "quantity", "0");
        assertError(client.post("/api/carts/1/items", "{\"productId\":1,\"quantity\":-4}"), 400, "quantity", "-4");
        assertError(client.post("/api/carts/1/items", "{\"quantity\":1}"), 400, "productId", null);
        assertError(client.post("/api/carts/1/items", "{\"productId\":\"one\",\"quantity\":1}"), 400, "productId",
                "one");
        assertError(client.post("/api/carts/1/items", "{\"productId\":1,"), 400, "body", "{\"productId\":1,");
        assertError(client.post("/api/carts/one/items", "{\"productId\":1,\"quantity\":1}"), 400, "cartId", "one");
    }

    @Test
    void placesAnOrderAndListsItFirst() {
        ShopClient.Reply reply = client.post("/api/orders", "{\"customerId\":3,\"email\":\"a@b.example\","
                + "\"items\":[{\"productId\":1,\"quantity\":2},{\"productId\":20,\"quantity\":60}]}");
        assertThat(reply.status()).isEqualTo(201);
        JsonNode order = reply.json();
        long orderId = order.get("orderId").asLong();
        assertThat(orderId).isGreaterThan(20_000);
        assertThat(reply.header("Location")).isEqualTo("/api/orders/" + orderId + "/receipt");
        assertThat(order.get("status").asText()).isEqualTo("PLACED");
        assertThat(order.get("items")).hasSize(2);
        assertThat(order.get("totalCents").asLong()).isEqualTo(
                order.get("items").get(0).get("lineTotalCents").asLong()
                        + order.get("items").get(1).get("lineTotalCents").asLong());
        // the volume tier of 50+ units applies to the second line
        assertThat(order.get("items").get(1).get("discountPct").asInt())
                .isGreaterThan(order.get("items").get(0).get("discountPct").asInt());

        JsonNode history = client.get("/api/customers/3/orders").json();
        assertThat(history.get("orders").get(0).get("orderId").asLong()).isEqualTo(orderId);
        assertThat(history.get("orders").get(0).get("items").get(0).get("productName").asText())
                .isEqualTo(client.get("/api/products/1").json().get("name").asText());
    }

    @Test
    void rejectsBadOrders() {
        String item = "{\"productId\":1,\"quantity\":1}";
        assertError(client.post("/api/orders", "{\"customerId\":1,\"email\":\"nope\",\"items\":[" + item + "]}"),
                400, "email", "nope");
        assertError(client.post("/api/orders", "{\"customerId\":1,\"email\":\"a@b.example\",\"items\":[]}"),
                400, "items", "[]");
        assertError(client.post("/api/orders", "{\"customerId\":1,\"email\":\"a@b.example\"}"), 400, "items", null);
        assertError(client.post("/api/orders", "{\"email\":\"a@b.example\",\"items\":[" + item + "]}"),
                400, "customerId", null);
        assertError(client.post("/api/orders", "{\"customerId\":1,\"email\":\"a@b.example\","
                + "\"items\":[{\"productId\":1,\"quantity\":0}]}"), 400, "items[0].quantity", "0");
        assertError(client.post("/api/orders", "{\"customerId\":1,\"email\":\"a@b.example\","
                + "\"items\":[" + item + ",{\"productId\":999999,\"quantity\":1}]}"), 404, "items[1].productId",
                "999999");
        assertError(client.post("/api/orders", "{\"customerId\":5000,\"email\":\"a@b.example\",\"items\":["
                + item + "]}"), 404, "customerId", "5000");
        assertError(client.post("/api/orders", "[1,2]"), 400, "body", "[1,2]");
        assertError(client.post("/api/orders", ""), 400, "body", null);
    }

    @Test
    void listsACustomersOrdersNewestFirst() {
        JsonNode history = client.get("/api/customers/10/orders?limit=5").json();
        assertThat(history.get("customerId").asLong()).isEqualTo(10);
        assertThat(history.get("orders")).hasSize(5);
        assertThat(history.get("orderCount").asInt()).isEqualTo(5);
        String previous = "9999";
        for (JsonNode order : history.get("orders")) {
            assertThat(order.fieldNames()).toIterable()
                    .containsExactly("orderId", "createdAt", "status", "totalCents", "items");
            assertThat(order.get("createdAt").asText()).isLessThanOrEqualTo(previous);
            previous = order.get("createdAt").asText();
            assertThat(order.get("items")).isNotEmpty();
            for (JsonNode item : order.get("items")) {
                assertThat(item.fieldNames()).toIterable()
                        .containsExactly("lineNo", "productId", "productName", "quantity", "unitPriceCents");
            }
        }
        assertError(client.get("/api/customers/1001/orders"), 404, "customerId", "1001");
        assertError(client.get("/api/customers/1/orders?limit=101"), 400, "limit", "101");
    }

    @Test
    void formatsReceiptsAsTextOrJson() {
        ShopClient.Reply text = client.get("/api/orders/1/receipt");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.header("Content-Type")).startsWith("text/plain");
        assertThat(text.body()).contains("SHOP.EXAMPLE  RECEIPT", "Order:     1\n", "TERMS AND CONDITIONS",
                "Thank you for shopping with us.");
        JsonNode json = client.get("/api/orders/1/receipt?format=json").json();
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("orderId", "customerId", "totalCents", "lineCount", "text");
        assertThat(json.get("text").asText()).isEqualTo(text.body());
        assertError(client.get("/api/orders/1/receipt?format=xml"), 400, "format", "xml");
        assertError(client.get("/api/orders/99999999/receipt"), 404, "orderId", "99999999");
    }

    @Test
    void quotesShippingFromTheRateTable() {
        JsonNode quote = client.post("/api/shipping/quote",
                "{\"country\":\"DE\",\"postalCode\":\"10115\",\"weightGrams\":1200}").json();
        assertThat(quote.fieldNames()).toIterable().containsExactly("country", "postalCode", "weightGrams",
                "carrier", "service", "zone", "priceCents", "currency", "estimatedDays", "source");
        assertThat(quote.get("priceCents").asLong()).isEqualTo(490 + 2 * 60);
        assertThat(quote.get("source").asText()).isEqualTo("rate-table");
        assertError(client.post("/api/shipping/quote", "{\"country\":\"XX\",\"postalCode\":\"1\",\"weightGrams\":1}"),
                400, "country", "XX");
        assertError(client.post("/api/shipping/quote",
                "{\"country\":\"DE\",\"postalCode\":\"10115\",\"weightGrams\":0}"), 400, "weightGrams", "0");
        assertError(client.post("/api/shipping/quote",
                "{\"country\":\"DE\",\"postalCode\":\"10115\",\"weightGrams\":30001}"), 400, "weightGrams", "30001");
        assertError(client.post("/api/shipping/quote",
                "{\"country\":\"DE\",\"postalCode\":\"<1>\",\"weightGrams\":10}"), 400, "postalCode", "<1>");
    }

    @Test
    void unknownRoutesAnswer404Json() {
        assertError(client.get("/api/nothing"), 404, "path", "/api/nothing");
        assertError(client.delete("/api/products/1"), 404, "path", "/api/products/1");
    }

    @Test
    void echoesOrGeneratesTheRequestIdAndLogsOneLinePerRequest() {
        ShopClient.Reply given = client.get("/api/products/5", "X-Request-Id", "test-req-42");
        assertThat(given.header("X-Request-Id")).isEqualTo("test-req-42");
        ShopClient.Reply generated = client.get("/api/products/6");
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f]{16}");
        assertThat(client.get("/health", "X-Request-Id", "bad id with spaces").header("X-Request-Id"))
                .matches("[0-9a-f]{16}");

        JsonNode line = LOG.json().stream().filter(node -> "test-req-42".equals(node.path("requestId").asText()))
                .findFirst().orElseThrow();
        assertThat(line.fieldNames()).toIterable().containsExactly("ts", "level", "requestId", "method", "endpoint",
                "path", "status", "durationMicros");
        assertThat(line.get("method").asText()).isEqualTo("GET");
        assertThat(line.get("endpoint").asText()).isEqualTo("/api/products/{id}");
        assertThat(line.get("path").asText()).isEqualTo("/api/products/5");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("durationMicros").asLong()).isNotNegative();
        assertThat(LOG.json().stream().filter(node -> generated.header("X-Request-Id")
                .equals(node.path("requestId").asText()))).hasSize(1);
    }

    @Test
    void exposesJvmPoolEndpointAndShopMetrics() {
        client.get("/api/products/9");
        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains(
                "jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ", "jvm_classes_loaded_classes ",
                "process_cpu_usage ", "system_cpu_count ", "process_files_open_files ",
                "hikaricp_connections{pool=\"shop-db\"}", "hikaricp_connections_active{pool=\"shop-db\"}",
                "shop_db_statements_total ", "shop_regex_compilations_total ", "shop_leak_registry_size ",
                "shop_fault_path_total{fault=\"n-plus-one\"}");
        assertThat(PrometheusText.value(metrics,
                "http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/api/products/{id}\"}"))
                .isPositive();
    }

    @Test
    void customerOrdersCostTwoStatementsWhateverTheItemCount() {
        List<Double> costs = new ArrayList<>();
        List<Integer> items = new ArrayList<>();
        for (long customer : new long[] {1, 2, 3}) {
            double before = client.metric("shop_db_statements_total");
            JsonNode history = client.get("/api/customers/" + customer + "/orders").json();
            costs.add(client.metric("shop_db_statements_total") - before);
            int count = 0;
            for (JsonNode order : history.get("orders")) {
                count += order.get("items").size();
            }
            items.add(count);
        }
        assertThat(Set.copyOf(items)).hasSizeGreaterThan(1);
        assertThat(costs).containsOnly(2.0);
    }

    @Test
    void fixedPathsLeaveTheFaultEvidenceUntouched() {
        client.get("/api/search?q=oak");
        client.get("/api/products/11");
        client.get("/api/orders/2/receipt");
        client.get("/api/products/12/price");
        client.post("/api/shipping/quote", "{\"country\":\"FR\",\"postalCode\":\"75001\",\"weightGrams\":500}");
        client.get("/api/customers/4/orders");
        assertThat(client.metric("shop_regex_compilations_total")).isZero();
        assertThat(client.metric("shop_leak_registry_size")).isZero();
        for (String fault : List.of("cpu-regex", "alloc-churn", "lock-contention", "n-plus-one", "blocking-io",
                "leak")) {
            assertThat(client.metric("shop_fault_path_total{fault=\"" + fault + "\"}")).as(fault).isZero();
        }
    }

    private static JsonNode line(JsonNode cart, long productId) {
        for (JsonNode item : cart.get("items")) {
            if (item.get("productId").asLong() == productId) {
                return item;
            }
        }
        throw new AssertionError("no line for product " + productId + " in " + cart);
    }

    static void assertError(ShopClient.Reply reply, int status, String field, String value) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode error = reply.json();
        assertThat(error.fieldNames()).toIterable().containsExactly("error", "field", "value");
        assertThat(error.get("error").asText()).isNotBlank();
        assertThat(error.get("field").asText()).isEqualTo(field);
        if (value == null) {
            assertThat(error.get("value").isNull()).as(error.toString()).isTrue();
        } else {
            assertThat(error.get("value").asText()).isEqualTo(value);
        }
    }
}
