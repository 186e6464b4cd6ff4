package io.perfharness.service.logging;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of the request log, written when a request completes.
 *
 * @param ts ISO-8601 UTC instant of completion
 * @param endpoint the route template ({@code /api/products/{id}}), or {@code NOT_FOUND}
 * @param path the raw request path
 * @param durationMicros from the first filter to the response written
 */
@JsonPropertyOrder({"ts", "level", "requestId", "method", "endpoint", "path", "status", "durationMicros"})
public record RequestLogLine(
        String ts,
        String level,
        String requestId,
        String method,
        String endpoint,
        String path,
        int status,
        long durationMicros) {}
