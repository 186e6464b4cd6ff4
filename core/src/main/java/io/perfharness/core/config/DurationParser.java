package io.perfharness.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations users type: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}; a bare
 * number means seconds. Formats them back the same way.
 */
public final class DurationParser {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  private DurationParser() {}

  /** @throws IllegalArgumentException naming the value and the accepted forms */
  public static Duration parse(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; use a number with ms, s, m or h, e.g. 500ms, 10s, 2m");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis =
        switch (unit) {
          case "ms" -> amount;
          case "s" -> amount * 1_000;
          case "m" -> amount * 60_000;
          default -> amount * 3_600_000;
        };
    return Duration.ofMillis(Math.round(millis));
  }

  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}
