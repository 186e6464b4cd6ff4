package io.perfharness.core.latency;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * Renders a {@link LatencySummary} as latency/summary.json (fields in docs/latency.md): keys sorted at
 * every level, two-space indent, LF line ends, so the same summary always gives the same bytes.
 * Stateless.
 */
public final class LatencySummaryJsonWriter {
    public static final int SCHEMA_VERSION = 1;
    public static final String UNIT = "microseconds";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LatencySummaryJsonWriter() {
    }

    public static void write(LatencySummary summary, Path file) throws IOException {
        Files.writeString(file, toJson(summary), StandardCharsets.UTF_8);
    }

    public static String toJson(LatencySummary summary) {
        ObjectNode root = sortedObject();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("unit", UNIT);
        root.put("significantDigits", summary.significantDigits());
        root.put("windowStartEpochMillis", summary.windowStartEpochMillis());
        root.put("windowEndEpochMillis", summary.windowEndEpochMillis());
        root.put("warmupExcludedCount", summary.warmupExcludedCount());
        root.put("clampedCount", summary.clampedCount());
        root.set("overall", stats(summary.overall()));
        ObjectNode requests = sortedObject();
        for (RequestLatency request : summary.requests()) {
            ObjectNode entry = stats(request.stats());
            entry.put("hlogTag", request.hlogTag());
            requests.set(request.requestName(), entry);
        }
        root.set("requests", requests);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a tree of numbers and strings always serializes", e);
        }
    }

    private static ObjectNode stats(LatencyStats stats) {
        ObjectNode node = sortedObject();
        node.put("count", stats.count());
        node.put("errorCount", stats.errorCount());
        node.put("minMicros", stats.minMicros());
        node.put("meanMicros", stats.meanMicros());
        node.put("p50Micros", stats.p50Micros());
        node.put("p90Micros", stats.p90Micros());
        node.put("p99Micros", stats.p99Micros());
        node.put("p999Micros", stats.p999Micros());
        node.put("maxMicros", stats.maxMicros());
        return node;
    }

    /** An object node whose keys iterate sorted, whatever order they were put in. */
    private static ObjectNode sortedObject() {
        return new ObjectNode(NODES, new TreeMap<>());
    }
}
