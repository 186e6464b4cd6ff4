package io.perfharness.loadtests.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Prometheus text exposition format (version 0.0.4) as Micrometer writes it.
 *
 * <p>Format: {@code # HELP} and {@code # TYPE} comment lines, then samples such as
 * <pre>jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.2582912E7</pre>
 * Label values are double-quoted with {@code \\}, {@code \"} and {@code \n} escapes; an optional
 * timestamp may follow the value. A line that does not fit is an error naming its line number.
 */
public final class PrometheusTextParser {
  private PrometheusTextParser() {}

  public static List<PrometheusSample> parse(String text) {
    List<PrometheusSample> samples = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      samples.add(parseLine(line, i + 1));
    }
    return samples;
  }

  /** @throws IllegalArgumentException naming the line number and the text */
  public static PrometheusSample parseLine(String line, int lineNumber) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    String name;
    Map<String, String> labels = new LinkedHashMap<>();
    int rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      rest = parseLabels(line, brace + 1, labels, lineNumber);
    } else {
      if (space < 0) {
        throw bad(line, lineNumber, "no value");
      }
      name = line.substring(0, space);
      rest = space;
    }
    String[] tail = line.substring(rest).strip().split("\\s+");
    if (tail.length == 0 || tail[0].isEmpty()) {
      throw bad(line, lineNumber, "no value");
    }
    return new PrometheusSample(name, labels, parseValue(tail[0], line, lineNumber));
  }

  private static int parseLabels(String line, int pos, Map<String, String> labels, int lineNumber) {
    while (pos < line.length()) {
      char c = line.charAt(pos);
      if (c == '}') {
        return pos + 1;
      }
      if (c == ',' || c == ' ') {
        pos++;
        continue;
      }
      int eq = line.indexOf('=', pos);
      if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
        throw bad(line, lineNumber, "label without =\"value\"");
      }
      String key = line.substring(pos, eq).strip();
      StringBuilder value = new StringBuilder();
      int i = eq + 2;
      for (; i < line.length(); i++) {
        char v = line.charAt(i);
        if (v == '\\' && i + 1 < line.length()) {
          char next = line.charAt(++i);
          value.append(next == 'n' ? '\n' : next);
        } else if (v == '"') {
          break;
        } else {
          value.append(v);
        }
      }
      if (i >= line.length()) {
        throw bad(line, lineNumber, "unterminated label value");
      }
      labels.put(key, value.toString());
      pos = i + 1;
    }
    throw bad(line, lineNumber, "unterminated label set");
  }

  private static double parseValue(String text, String line, int lineNumber) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw bad(line, lineNumber, "value '" + text + "' is not a number");
        }
      }
    };
  }

  private static IllegalArgumentException bad(String line, int lineNumber, String why) {
    String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
    return new IllegalArgumentException("metrics line " + lineNumber + ": " + why + ": " + shown);
  }
}
