package io.perfharness.service.http;

/**
 * The JSON body of every error response: what was wrong, which field (or {@code path}, {@code body},
 * {@code query parameter name}) and the offending value as received (null when missing).
 */
public record ApiError(String error, String field, String value) {}
