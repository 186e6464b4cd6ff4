package io.perfharness.service.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-endpoint request timers, {@code http_server_requests_seconds{method,uri,status}} where
 * {@code uri} is the route template (never the raw path, so cardinality stays bounded). Timers are
 * cached by key so the per-request cost is one map lookup, not a registry lookup. Fixed buckets
 * ({@code http_server_requests_seconds_bucket{le=...}}, 1 ms to 10 s) let Prometheus and Grafana
 * estimate percentiles per endpoint with {@code histogram_quantile}; the harness's own percentiles
 * come from its HdrHistogram recording, not from these. Thread-safe.
 */
public final class RequestTimers {
    public static final String NAME = "http.server.requests";

    /** Bucket bounds of the latency histogram: few enough to keep the series count small. */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(10)};

    private record Key(String method, String uri, int status) {}

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    public RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String method, String uri, int status, long durationNanos) {
        Key key = new Key(method, uri, status);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, this::register);
        }
        timer.record(durationNanos, TimeUnit.NANOSECONDS);
    }

    private Timer register(Key key) {
        return Timer.builder(NAME)
                .description("HTTP requests by route template, method and status")
                .tag("method", key.method())
                .tag("uri", key.uri())
                .tag("status", Integer.toString(key.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
