package io.perfharness.core.latency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads latency/summary.json back into a {@link LatencySummary}. Every field is required and checked;
 * errors name the file and the field. Fields it does not know are ignored (a change of meaning bumps
 * schemaVersion). Stateless.
 */
public final class LatencySummaryJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;

    private LatencySummaryJsonReader(Path file) {
        this.file = file;
    }

    public static LatencySummary read(Path file) throws IOException, LatencyFormatException {
        return new LatencySummaryJsonReader(file).parse(Files.readString(file));
    }

    /** Parses summary.json text; {@code file} only names the source in errors. */
    public static LatencySummary parse(String json, Path file) throws LatencyFormatException {
        return new LatencySummaryJsonReader(file).parse(json);
    }

    private LatencySummary parse(String json) throws LatencyFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LatencyFormatException(file, "line " + e.getLocation().getLineNr() + " column "
                + e.getLocation().getColumnNr(), null, "JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new LatencyFormatException(file, "top level", root == null ? "" : root.toString(), "a JSON object");
        }
        long schemaVersion = integer(root, "", "schemaVersion");
        if (schemaVersion != LatencySummaryJsonWriter.SCHEMA_VERSION) {
            throw new LatencyFormatException(file, "field 'schemaVersion'", String.valueOf(schemaVersion),
                "schemaVersion " + LatencySummaryJsonWriter.SCHEMA_VERSION);
        }
        String unit = text(root, "", "unit");
        if (!unit.equals(LatencySummaryJsonWriter.UNIT)) {
            throw new LatencyFormatException(file, "field 'unit'", unit, "'" + LatencySummaryJsonWriter.UNIT + "'");
        }
        JsonNode requestsNode = object(root, "", "requests");
        List<RequestLatency> requests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestsNode.properties()) {
            String path = "requests." + entry.getKey();
            JsonNode request = object(requestsNode, "requests.", entry.getKey());
            String hlogTag = text(request, path + ".", "hlogTag");
            requests.add(new RequestLatency(entry.getKey(), hlogTag, stats(request, path)));
        }
        try {
            return new LatencySummary(integer(root, "", "windowStartEpochMillis"),
                integer(root, "", "windowEndEpochMillis"), (int) integer(root, "", "significantDigits"),
                integer(root, "", "warmupExcludedCount"), integer(root, "", "clampedCount"),
                stats(object(root, "", "overall"), "overall"), requests);
        } catch (IllegalArgumentException e) {
            throw new LatencyFormatException(file, "top level", null, "consistent values: " + e.getMessage(), e);
        }
    }

    private LatencyStats stats(JsonNode node, String path) throws LatencyFormatException {
        String prefix = path + ".";
        try {
            return new LatencyStats(integer(node, prefix, "count"), integer(node, prefix, "errorCount"),
                integer(node, prefix, "minMicros"), number(node, prefix, "meanMicros"),
                integer(node, prefix, "p50Micros"), integer(node, prefix, "p90Micros"),
                integer(node, prefix, "p99Micros"), integer(node, prefix, "p999Micros"),
                integer(node, prefix, "maxMicros"));
        } catch (IllegalArgumentException e) {
            throw new LatencyFormatException(file, "field '" + path + "'", null, "consistent values: " + e.getMessage(), e);
        }
    }

    private long integer(JsonNode parent, String prefix, String name) throws LatencyFormatException {
        JsonNode node = field(parent, prefix, name);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw wrong(prefix, name, node, "a non-negative integer");
        }
        return node.asLong();
    }

    private double number(JsonNode parent, String prefix, String name) throws LatencyFormatException {
        JsonNode node = field(parent, prefix, name);
        if (!node.isNumber() || node.asDouble() < 0) {
            throw wrong(prefix, name, node, "a non-negative number");
        }
        return node.asDouble();
    }

    private String text(JsonNode parent, String prefix, String name) throws LatencyFormatException {
        JsonNode node = field(parent, prefix, name);
        if (!node.isTextual()) {
            throw wrong(prefix, name, node, "a string");
        }
        return node.asText();
    }

    private JsonNode object(JsonNode parent, String prefix, String name) throws LatencyFormatException {
        JsonNode node = field(parent, prefix, name);
        if (!node.isObject()) {
            throw wrong(prefix, name, node, "an object");
        }
        return node;
    }

    private JsonNode field(JsonNode parent, String prefix, String name) throws LatencyFormatException {
        JsonNode node = parent.get(name);
        if (node == null) {
            throw new LatencyFormatException(file, "field '" + prefix + name + "'", null, "the field to be present");
        }
        return node;
    }

    private LatencyFormatException wrong(String prefix, String name, JsonNode node, String expected) {
        return new LatencyFormatException(file, "field '" + prefix + name + "'", node.toString(), expected);
    }
}
