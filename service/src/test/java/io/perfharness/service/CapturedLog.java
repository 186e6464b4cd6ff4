package io.perfharness.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The JSON lines a service under test wrote, captured in memory. Thread-safe (writes are synchronized). */
final class CapturedLog extends ByteArrayOutputStream {
    List<String> lines() {
        String text = toString(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    List<JsonNode> json() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines()) {
            try {
                nodes.add(ShopClient.JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("log line is not JSON: " + line, e);
            }
        }
        return nodes;
    }

    /** The first line with this {@code event}. */
    JsonNode event(String event) {
        return json().stream().filter(node -> event.equals(node.path("event").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + event + "' line in " + lines()));
    }
}
