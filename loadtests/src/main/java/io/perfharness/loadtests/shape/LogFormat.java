package io.perfharness.loadtests.shape;

import java.util.Locale;

/** Access-log formats {@code perf shape} reads. */
public enum LogFormat {
    /** Apache/NGINX combined: common plus quoted referer and user agent, optionally a request time. */
    COMBINED,
    /** Common Log Format, optionally followed by a request time. */
    COMMON,
    /** One JSON object per line, field names configurable ({@link JsonFieldNames}). */
    JSON,
    /** Decide from the first lines of each file. */
    AUTO;

    /** @throws IllegalArgumentException naming the value and the known formats */
    public static LogFormat parse(String text) {
        for (LogFormat f : values()) {
            if (f.name().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("format was '" + text + "' but it must be one of combined, common, json, auto");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
