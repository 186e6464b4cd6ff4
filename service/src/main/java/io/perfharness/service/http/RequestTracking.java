package io.perfharness.service.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.perfharness.service.logging.JsonLineWriter;
import io.perfharness.service.logging.RequestIds;
import io.perfharness.service.logging.RequestLogLine;
import io.perfharness.service.metrics.RequestTimers;

/**
 * Per-request bookkeeping: assigns the request id (echoed in {@code X-Request-Id}), starts the clock
 * before any handler, and when the response is written records the endpoint timer and writes one
 * JSON log line. Thread-safe.
 */
final class RequestTracking {
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** The {@code uri} tag and log {@code endpoint} of requests that matched no route. */
    static final String NOT_FOUND_ENDPOINT = "NOT_FOUND";

    private static final String REQUEST_ID = "shop.requestId";
    private static final String START_NANOS = "shop.startNanos";

    private final RequestTimers timers;
    private final JsonLineWriter log;
    private final boolean logRequests;

    RequestTracking(RequestTimers timers, JsonLineWriter log, boolean logRequests) {
        this.timers = timers;
        this.log = log;
        this.logRequests = logRequests;
    }

    /** Runs before every handler, also for requests that match no route. */
    void start(Context ctx) {
        ctx.attribute(START_NANOS, System.nanoTime());
        String requestId = RequestIds.acceptOrGenerate(ctx.header(REQUEST_ID_HEADER));
        ctx.attribute(REQUEST_ID, requestId);
        ctx.header(REQUEST_ID_HEADER, requestId);
    }

    /** Runs once the response is written (Javalin's request logger hook). */
    void complete(Context ctx, Float executionMillis) {
        Long startNanos = ctx.attribute(START_NANOS);
        long durationNanos = startNanos != null ? System.nanoTime() - startNanos
                : (long) (executionMillis * 1_000_000.0);
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String template = endpoint == null ? NOT_FOUND_ENDPOINT : endpoint.path;
        String method = ctx.method().name();
        int status = ctx.statusCode();
        timers.record(method, template, status, durationNanos);
        if (logRequests) {
            log.write(new RequestLogLine(log.clock().instant().toString(), status >= 500 ? "ERROR" : "INFO",
                    requestId(ctx), method, template, ctx.path(), status, durationNanos / 1_000));
        }
    }

    static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id != null ? id : "-";
    }
}
