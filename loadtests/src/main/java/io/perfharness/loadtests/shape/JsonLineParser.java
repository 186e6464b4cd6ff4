package io.perfharness.loadtests.shape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses JSON-lines access logs, one object per line, fields named by {@link JsonFieldNames}:
 *
 * <pre>
 * {"ts":"2026-11-26T06:00:00.123Z","method":"GET","path":"/api/products/17","status":200,"durationMicros":812}
 * </pre>
 *
 * Lines without a method and path (other events of an application log) are skipped with a reason.
 * Only the named fields are read: nothing else of the line can reach a shape file.
 */
public final class JsonLineParser implements AccessLogLineParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonFieldNames fields;
    private final double microsPerUnit;
    private final ClfTimestamp clfTimestamps = new ClfTimestamp();

    public JsonLineParser(JsonFieldNames fields) {
        this.fields = fields;
        this.microsPerUnit = fields.microsPerDurationUnit();
    }

    @Override
    public AccessLogEntry parseLine(String line) throws SkippedLineException {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new SkippedLineException("not a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new SkippedLineException(line.isBlank() ? "blank line" : "not a JSON object");
        }
        String method = text(node, fields.method());
        String target = text(node, fields.path());
        if (method == null || target == null) {
            String request = text(node, fields.request());
            if (request != null) {
                String[] parts = request.split(" ");
                if (parts.length >= 2) {
                    method = method == null ? parts[0] : method;
                    target = target == null ? parts[1] : target;
                }
            }
        }
        if (method == null || target == null) {
            throw new SkippedLineException("no " + fields.method() + "/" + fields.path() + " field (not a request)");
        }
        if (!target.startsWith("/")) {
            throw new SkippedLineException("request target is not a path");
        }
        long epochMillis = time(node.get(fields.time()));
        JsonNode statusNode = node.get(fields.status());
        if (statusNode == null || !statusNode.canConvertToInt() || statusNode.asInt() < 100 || statusNode.asInt() > 599) {
            throw new SkippedLineException("no status 100-599 in field " + fields.status());
        }
        JsonNode bytesNode = node.get(fields.bytes());
        long bytes = bytesNode != null && bytesNode.isNumber() ? bytesNode.asLong() : -1;
        JsonNode durationNode = node.get(fields.duration());
        long micros = durationNode != null && durationNode.isNumber()
                ? Math.round(durationNode.asDouble() * microsPerUnit) : -1;
        return new AccessLogEntry(epochMillis, method.toUpperCase(java.util.Locale.ROOT), target, statusNode.asInt(),
                bytes, micros);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private long time(JsonNode v) throws SkippedLineException {
        if (v == null || v.isNull()) {
            throw new SkippedLineException("no timestamp field " + fields.time());
        }
        if (v.isNumber()) {
            double n = v.asDouble();
            return n > 1e11 ? (long) n : Math.round(n * 1000); // epoch ms after 1973, else seconds
        }
        String s = v.asText();
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return clfTimestamps.parse(s, 0, s.length());
            }
        }
    }
}
