package io.perfharness.service.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-endpoint request timers, {@code http_server_requests_seconds{method,uri,status}} where
 * {@code uri} is the route template (never the raw path, so cardinality stays bounded). Timers are
 * cached by key so the per-request cost is one map lookup, not a registry lookup. Thread-safe.
 */
public final class RequestTimers {
    public static final String NAME = "http.server.requests";

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
                .register(registry);
    }
}
