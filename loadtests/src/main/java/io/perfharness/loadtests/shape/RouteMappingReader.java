package io.perfharness.loadtests.shape;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.perfharness.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a mapping file (schemaVersion 1, see {@code docs/shape-file.md}):
 *
 * <pre>
 * {"schemaVersion": 1,
 *  "description": "what is mapped onto what, and why",
 *  "templates": [{"pattern": "^/presentations/[^/]+/", "template": "/presentations/{deck}/"}],
 *  "routes": [{"match": "GET /orders/{id}", "name": "GET /api/orders/{orderId}/receipt",
 *              "method": "GET", "path": "/api/orders/${int:1:20000}/receipt"},
 *             {"match": "** /**", "name": "GET /api/products", "method": "GET", "path": "/api/products?page=${int:0:49}&amp;size=20"}]}
 * </pre>
 *
 * Every problem is reported at once with the file and the line of the entry.
 */
public final class RouteMappingReader {
    private RouteMappingReader() {
    }

    public static RouteMapping read(Path file) throws ShapeInputException {
        if (!Files.isRegularFile(file)) {
            throw new ShapeInputException("mapping file " + file + ": no such file");
        }
        List<String> problems = new ArrayList<>();
        List<PathTemplater.TemplateRule> rules = new ArrayList<>();
        List<RouteMapping.Route> routes = new ArrayList<>();
        String description = null;
        int schemaVersion = -1;
        try (JsonParser parser = Json.mapper().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ShapeInputException("mapping file " + file + " line 1: not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "schemaVersion" -> schemaVersion = parser.getIntValue();
                    case "description" -> description = parser.getValueAsString();
                    case "templates", "routes" -> {
                        if (value != JsonToken.START_ARRAY) {
                            problems.add(file + " line " + line(parser) + ": " + field + " must be an array");
                            parser.skipChildren();
                            continue;
                        }
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            int line = line(parser);
                            JsonNode node = Json.mapper().readTree(parser);
                            if (field.equals("templates")) {
                                rule(file, line, node, rules, problems);
                            } else {
                                route(file, line, node, routes, problems);
                            }
                        }
                    }
                    default -> parser.skipChildren(); // comments and unknown fields are ignored
                }
            }
        } catch (JsonProcessingException e) {
            throw new ShapeInputException("mapping file " + file + " line " + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ShapeInputException("mapping file " + file + ": " + e.getMessage(), e);
        }
        if (schemaVersion != 1) {
            problems.add(0, file + ": schemaVersion was " + schemaVersion + " but it must be 1");
        }
        if (!problems.isEmpty()) {
            throw new ShapeInputException("mapping file " + file + ":\n  " + String.join("\n  ", problems));
        }
        return new RouteMapping(file.toString(), description, rules, routes);
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static void rule(Path file, int line, JsonNode node, List<PathTemplater.TemplateRule> rules, List<String> problems) {
        String pattern = node.path("pattern").asText(null);
        String template = node.path("template").asText(null);
        if (pattern == null || template == null) {
            problems.add(file + " line " + line + ": a template rule needs \"pattern\" (a regex) and \"template\", got " + node);
            return;
        }
        try {
            rules.add(new PathTemplater.TemplateRule(Pattern.compile(pattern), template));
        } catch (PatternSyntaxException e) {
            problems.add(file + " line " + line + ": pattern '" + pattern + "' is not a regex: " + e.getDescription());
        }
    }

    private static void route(Path file, int line, JsonNode node, List<RouteMapping.Route> routes, List<String> problems) {
        String match = node.path("match").asText(null);
        String method = node.path("method").asText(null);
        String path = node.path("path").asText(null);
        String body = node.hasNonNull("body") ? node.get("body").asText() : null;
        if (match == null || method == null || path == null) {
            problems.add(file + " line " + line + ": a route needs \"match\", \"method\" and \"path\", got " + node);
            return;
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            problems.add(file + " line " + line + ": method was '" + method + "' but the simulation sends GET or POST");
        }
        if (!path.startsWith("/")) {
            problems.add(file + " line " + line + ": path was '" + path + "' but it must start with /");
        }
        for (String text : new String[] {path, body}) {
            String problem = RouteMapping.checkPlaceholders(text);
            if (problem != null) {
                problems.add(file + " line " + line + ": " + problem);
            }
        }
        String name = node.hasNonNull("name") ? node.get("name").asText()
                : method + " " + path.replaceAll("\\$\\{[^}]*}", "{}").replaceAll("\\?.*", "");
        routes.add(new RouteMapping.Route(match, RouteMapping.glob(match), name, method, path, body, line));
    }
}
