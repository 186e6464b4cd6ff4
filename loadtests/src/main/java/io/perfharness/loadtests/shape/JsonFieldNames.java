package io.perfharness.loadtests.shape;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which JSON fields hold what, for JSON-lines access logs. The defaults read the sample service's
 * own request log ({@code {"ts":"2026-...Z","method":"GET","path":"/api/x","status":200,
 * "durationMicros":1234}}). Immutable.
 *
 * @param time ISO-8601 instant, CLF timestamp, or epoch seconds/milliseconds (by magnitude)
 * @param method HTTP method (or absent when {@code request} holds "METHOD TARGET PROTOCOL")
 * @param path request target (path and query)
 * @param request a whole request line, used when {@code method} or {@code path} is missing
 * @param status HTTP status
 * @param bytes response size in bytes
 * @param duration server time; unit from {@code durationUnit}
 * @param durationUnit us, ms or s; by default taken from the duration field's name suffix
 *     (Micros/Us, Millis/Ms, else seconds)
 */
public record JsonFieldNames(String time, String method, String path, String request, String status, String bytes,
        String duration, String durationUnit) {

    public static final JsonFieldNames DEFAULTS =
            new JsonFieldNames("ts", "method", "path", "request", "status", "bytes", "durationMicros", "");

    /**
     * Parses {@code time=ts,path=uri,duration=request_time,durationUnit=s}; unnamed keys keep their
     * defaults.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static JsonFieldNames parse(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("time", DEFAULTS.time);
        m.put("method", DEFAULTS.method);
        m.put("path", DEFAULTS.path);
        m.put("request", DEFAULTS.request);
        m.put("status", DEFAULTS.status);
        m.put("bytes", DEFAULTS.bytes);
        m.put("duration", DEFAULTS.duration);
        m.put("durationUnit", DEFAULTS.durationUnit);
        if (spec != null && !spec.isBlank()) {
            for (String entry : spec.split(",")) {
                int eq = entry.indexOf('=');
                String key = eq < 0 ? entry.trim() : entry.substring(0, eq).trim();
                if (eq < 0 || !m.containsKey(key) || entry.substring(eq + 1).isBlank()) {
                    throw new IllegalArgumentException("--json-fields entry '" + entry + "' must be KEY=FIELD with KEY one of "
                            + String.join(", ", m.keySet()));
                }
                m.put(key, entry.substring(eq + 1).trim());
            }
        }
        return new JsonFieldNames(m.get("time"), m.get("method"), m.get("path"), m.get("request"), m.get("status"),
                m.get("bytes"), m.get("duration"), m.get("durationUnit"));
    }

    /** Microseconds per unit of the duration field. */
    double microsPerDurationUnit() {
        String unit = durationUnit.isBlank() ? suffixUnit(duration) : durationUnit.toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "us", "micros" -> 1;
            case "ms", "millis" -> 1_000;
            case "s", "seconds" -> 1_000_000;
            default -> throw new IllegalArgumentException("durationUnit was '" + durationUnit + "' but it must be us, ms or s");
        };
    }

    private static String suffixUnit(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        if (f.endsWith("micros") || f.endsWith("us")) {
            return "us";
        }
        if (f.endsWith("millis") || f.endsWith("ms")) {
            return "ms";
        }
        return "s";
    }
}
