package io.perfharness.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * A request body that must be a JSON object, with typed field accessors that answer 400 naming the
 * field (with a prefix such as {@code items[2].} for nested objects). Immutable.
 */
final class JsonBody {
    private static final int ECHOED_CHARS = 100;

    private final JsonNode node;
    private final String prefix;

    private JsonBody(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    static JsonBody parse(Context ctx, ObjectMapper mapper) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiException.badRequest("a JSON object body is required", "body", null);
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage(), "body", echo(text));
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable body: " + e.getMessage(), "body", null);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object", "body", echo(text));
        }
        return new JsonBody(node, "");
    }

    /** A required id: an integer of at least 1. */
    long requiredId(String field) {
        return requiredLong(field, 1, Long.MAX_VALUE);
    }

    long requiredLong(String field, long min, long max) {
        JsonNode value = node.get(field);
        String constraint = max == Long.MAX_VALUE ? "must be an integer of at least " + min
                : "must be an integer between " + min + " and " + max;
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("is required (" + constraint + ")", prefix + field, null);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.asLong() < min || value.asLong() > max) {
            throw ApiException.badRequest(constraint, prefix + field, value.isTextual() ? value.asText() : value.toString());
        }
        return value.asLong();
    }

    int requiredInt(String field, int min, int max) {
        return (int) requiredLong(field, min, max);
    }

    String requiredText(String field, int maxChars) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("is required (a string)", prefix + field, null);
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("must be a string", prefix + field, value.toString());
        }
        String text = value.asText();
        if (text.isBlank() || text.length() > maxChars) {
            throw ApiException.badRequest("must be 1.." + maxChars + " characters", prefix + field, echo(text));
        }
        return text;
    }

    /** A required array of objects with between min and max elements. */
    JsonBody[] requiredObjects(String field, int min, int max) {
        JsonNode value = node.get(field);
        String constraint = "must be an array of " + min + ".." + max + " objects";
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("is required (" + constraint + ")", prefix + field, null);
        }
        if (!value.isArray() || value.size() < min || value.size() > max) {
            throw ApiException.badRequest(constraint, prefix + field, echo(value.toString()));
        }
        JsonBody[] elements = new JsonBody[value.size()];
        for (int i = 0; i < value.size(); i++) {
            String elementPrefix = prefix + field + "[" + i + "].";
            if (!value.get(i).isObject()) {
                throw ApiException.badRequest("must be an object", prefix + field + "[" + i + "]",
                        echo(value.get(i).toString()));
            }
            elements[i] = new JsonBody(value.get(i), elementPrefix);
        }
        return elements;
    }

    private static String echo(String text) {
        return text.length() <= ECHOED_CHARS ? text : text.substring(0, ECHOED_CHARS) + "...";
    }
}
