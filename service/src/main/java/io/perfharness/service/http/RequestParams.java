package io.perfharness.service.http;

import io.javalin.http.Context;

/** Reads and validates path and query parameters; every failure is a 400 naming the parameter. Stateless. */
final class RequestParams {
    private RequestParams() {}

    /** A path parameter that must be an id: an integer of at least 1. */
    static long pathId(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        long id = parseLong(raw, name, "must be a positive integer");
        if (id < 1) {
            throw ApiException.badRequest("must be a positive integer", name, raw);
        }
        return id;
    }

    /** An optional integer query parameter within [min, max]. */
    static int queryInt(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        String constraint = "must be an integer between " + min + " and " + max;
        long value = parseLong(raw, name, constraint);
        if (value < min || value > max) {
            throw ApiException.badRequest(constraint, name, raw);
        }
        return (int) value;
    }

    private static long parseLong(String raw, String name, String constraint) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(constraint, name, raw);
        }
    }
}
