package io.perfharness.service.orders;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Timestamps are stored as UTC {@code TIMESTAMP} and shown as ISO-8601 with a {@code Z}. Stateless. */
final class Timestamps {
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

    private Timestamps() {}

    static String iso(LocalDateTime utc) {
        return ISO_SECONDS.format(utc);
    }
}
