package io.perfharness.service.http;

import io.javalin.http.Context;
import io.perfharness.service.metrics.ShopMetrics;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /health} and {@code GET /metrics}. Thread-safe. */
final class OpsHandler {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ShopMetrics metrics;
    private final BooleanSupplier ready;

    /**
     * @param ready true once the database is seeded and the server listens, false again when stopping
     */
    OpsHandler(ShopMetrics metrics, BooleanSupplier ready) {
        this.metrics = metrics;
        this.ready = ready;
    }

    void health(Context ctx) {
        if (ready.getAsBoolean()) {
            ctx.json(Map.of("status", "UP"));
        } else {
            ctx.status(503).json(Map.of("status", "DOWN"));
        }
    }

    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
    }
}
