package io.perfharness.service.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfharness.service.ServiceStartException;
import io.perfharness.service.ShopService;
import io.perfharness.service.ShopServiceConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the Grafana dashboard and the Prometheus rules of {@code docker/} read exists in the
 * real {@code /metrics} of the sample service after it served each kind of request (success and
 * error), so the dashboard cannot silently show "no data" after a rename.
 */
class DockerMonitoringMetricsTest {
    private static final Path DOCKER = Path.of("..", "docker");
    private static final Pattern EXPR_LINE = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE);
    private static final Pattern RECORD_LINE = Pattern.compile("^\\s*-?\\s*record:\\s*(\\S+)", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ShopService service;

    @BeforeAll
    static void start() throws ServiceStartException {
        service = ShopService.start(ShopServiceConfig.defaults().withLogRequests(false), OutputStream.nullOutputStream());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyMetricOfTheDashboardAndTheRulesIsExposed() throws IOException, InterruptedException {
        for (String path : List.of("/api/products/1", "/api/search?q=oak", "/api/customers/1/orders",
                "/api/products/999999", "/api/nope")) {
            get(path);
        }
        Set<String> exposed = exposedNames(get("/metrics"));

        String rules = Files.readString(DOCKER.resolve("prometheus/rules.yml"));
        Set<String> recorded = new TreeSet<>();
        Matcher record = RECORD_LINE.matcher(rules);
        while (record.find()) {
            recorded.add(record.group(1));
        }
        Map<String, Set<String>> used = new TreeMap<>();
        Matcher expr = EXPR_LINE.matcher(rules);
        while (expr.find()) {
            used.put("rules.yml: " + expr.group(1).strip(), PromqlMetricNames.of(expr.group(1)));
        }
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/shop.json").toFile());
        int dashboardExpressions = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                used.put("shop.json '" + panel.get("title").asText() + "': " + target.get("expr").asText(),
                        PromqlMetricNames.of(target.get("expr").asText()));
                dashboardExpressions++;
            }
        }
        assertThat(dashboardExpressions).isGreaterThanOrEqualTo(10);
        assertThat(recorded).isNotEmpty();

        List<String> missing = new ArrayList<>();
        used.forEach((where, names) -> {
            assertThat(names).as("metric names in %s", where).isNotEmpty();
            for (String name : names) {
                if (!exposed.contains(name) && !recorded.contains(name)) {
                    missing.add(name + " (" + where + ")");
                }
            }
        });
        assertThat(missing).as("metrics used but not in the service's /metrics").isEmpty();
        // the dashboard covers what docker/README.md promises
        assertThat(String.join("\n", used.keySet())).contains("http_server_requests_seconds_bucket",
                "http_server_requests_seconds_count", "jvm_memory_used_bytes", "jvm_gc_pause_seconds",
                "jvm_threads_live_threads", "hikaricp_connections_active");
    }

    private static Set<String> exposedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
