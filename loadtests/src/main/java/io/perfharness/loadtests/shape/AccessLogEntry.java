package io.perfharness.loadtests.shape;

/**
 * One parsed access-log record. Immutable.
 *
 * @param epochMillis when the request was logged (CLF: second resolution)
 * @param method HTTP method, upper case
 * @param target request target as logged: path and query, not yet scrubbed or templated
 * @param status HTTP status code
 * @param responseBytes response size in bytes, -1 when the log says "-" or has no such field
 * @param serverTimeMicros the server's own request time, -1 when the log has none
 */
public record AccessLogEntry(long epochMillis, String method, String target, int status, long responseBytes,
        long serverTimeMicros) {
}
