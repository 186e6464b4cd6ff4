package io.perfharness.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfharness.service.db.PostgresFixture;
import io.perfharness.service.faults.Fault;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shop on a real PostgreSQL ({@link PostgresFixture}): the same schema, seed and answers as on
 * H2, and the {@code n-plus-one} fault found there too, counted twice: by the service's own
 * statement counter ({@code shop_db_statements_total}, through its JDBC wrapper on databases other
 * than embedded H2) and, on a server this test started, by PostgreSQL itself
 * ({@code pg_stat_statements}, read over a read-only connection).
 *
 * <p>Without PostgreSQL binaries or {@code -Dperf.test.postgresUrl} this test fails when the
 * environment variable {@code CI} is set (CI must run it: {@code .ci/run} installs PostgreSQL) and is
 * skipped otherwise, naming what to install.
 */
class ShopOnPostgresTest {
    private static final CapturedLog LOG = new CapturedLog();
    private static PostgresFixture postgres;
    private static ShopService service;
    private static ShopClient client;

    @BeforeAll
    static void start() throws IOException, ServiceStartException {
        String reason = PostgresFixture.unavailableReason();
        if (reason != null && System.getenv("CI") == null) {
            Assumptions.abort("skipped outside CI: " + reason);
        }
        postgres = PostgresFixture.start();
        ShopServiceConfig config = ShopServiceConfig.defaults()
                .withDatabase(postgres.settings(4))
                .withFaults(EnumSet.of(Fault.N_PLUS_ONE))
                .withLogRequests(false);
        service = ShopService.start(config, LOG);
        client = new ShopClient(service.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void seedIsTheSameAsOnH2() {
        // the values ShopApiTest pins on H2
        JsonNode product = client.get("/api/products/1").json();
        assertThat(product.get("name").asText()).isEqualTo("Modern Steel Atlas");
        assertThat(product.get("priceCents").asLong()).isEqualTo(2791);
        JsonNode receipt = client.get("/api/orders/1/receipt?format=json").json();
        assertThat(receipt.get("customerId").asLong()).isEqualTo(218);
        assertThat(receipt.get("totalCents").asLong()).isEqualTo(122800);
        assertThat(LOG.event("seeded").get("counts").get("orders").asInt()).isEqualTo(20_000);
        assertThat(LOG.event("starting").get("database").asText()).startsWith("jdbc:postgresql://");
    }

    @Test
    void placesOrdersAfterTheSeededIdsAndSearches() {
        ShopClient.Reply reply = client.post("/api/orders", "{\"customerId\":3,\"email\":\"a@b.example\","
                + "\"items\":[{\"productId\":1,\"quantity\":2}]}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("orderId").asLong()).isGreaterThan(20_000);
        JsonNode search = client.get("/api/search?q=oak").json();
        assertThat(search.toString()).contains("Oak");
        assertThat(client.get("/api/inventory/11").status()).isEqualTo(200);
        assertThat(client.post("/api/carts/1/items", "{\"productId\":7,\"quantity\":1}").status()).isLessThan(300);
    }

    @Test
    void nPlusOneIsFoundOnPostgres() throws SQLException {
        for (long customer : new long[] {1, 2}) {
            double before = client.metric("shop_db_statements_total");
            long productLookupsBefore = productNameLookups();
            JsonNode history = client.get("/api/customers/" + customer + "/orders").json();
            double statements = client.metric("shop_db_statements_total") - before;
            long productLookupsAfter = productNameLookups();
            int orders = history.get("orders").size();
            int items = 0;
            for (JsonNode order : history.get("orders")) {
                items += order.get("items").size();
            }
            assertThat(orders).isPositive();
            // customer check + orders + one per order (its items) + one per item (its product name)
            assertThat(statements).isEqualTo(2 + orders + items);
            if (postgres.startedHere()) {
                assertThat(productLookupsBefore).as("pg_stat_statements on the fixture's own server").isNotNegative();
            }
            if (productLookupsBefore >= 0) {
                // PostgreSQL's own count of single-product name lookups: one per item
                assertThat(productLookupsAfter - productLookupsBefore).isEqualTo(items);
            }
        }
        assertThat(client.metric("shop_fault_path_total{fault=\"n-plus-one\"}")).isEqualTo(2.0);
    }

    /**
     * Calls of statements that read one product's name, as {@code pg_stat_statements} counts them;
     * -1 when the extension is not installed (a server named by URL may not have it).
     */
    private static long productNameLookups() throws SQLException {
        try (Connection connection = postgres.connectReadOnly();
                PreparedStatement exists = connection.prepareStatement(
                        "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'");
                ResultSet installed = exists.executeQuery()) {
            if (!installed.next()) {
                return -1;
            }
            try (PreparedStatement calls = connection.prepareStatement(
                    "SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements"
                            + " WHERE query ILIKE 'select name from products where id = $1%'");
                    ResultSet result = calls.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
