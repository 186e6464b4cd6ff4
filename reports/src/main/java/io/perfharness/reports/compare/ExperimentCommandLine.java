package io.perfharness.reports.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfharness.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ./perf experiment} command that reproduces a whole experiment, rebuilt from its
 * {@code experiment.json} when both sides are the two halves of one experiment folder.
 */
final class ExperimentCommandLine {
  private ExperimentCommandLine() {}

  static Optional<String> of(Path baselineRoot, Path candidateRoot) {
    Path b = baselineRoot.toAbsolutePath().normalize();
    Path c = candidateRoot.toAbsolutePath().normalize();
    if (b.getParent() == null || !Objects.equals(b.getParent(), c.getParent())) {
      return Optional.empty();
    }
    Path file = b.getParent().resolve("experiment.json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode e = Json.readTree(file);
      String kind = e.path("kind").asText("experiment");
      StringBuilder sb = new StringBuilder("./perf ");
      if (kind.equals("calibration")) {
        sb.append("calibrate --target ").append(quote(e.path("baselineTarget").asText()));
      } else {
        sb.append("experiment --baseline ").append(quote(e.path("baselineTarget").asText()))
            .append(" --candidate ").append(quote(e.path("candidateTarget").asText()));
      }
      sb.append(" --runs ").append(e.path("runsPerSide").asInt());
      for (Iterator<Map.Entry<String, JsonNode>> it = e.path("options").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> o = it.next();
        String flag = "--" + o.getKey().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
        String value = o.getValue().asText();
        if (value.equals("true")) {
          sb.append(' ').append(flag);
        } else if (!value.equals("false")) {
          sb.append(' ').append(flag).append(' ').append(quote(value));
        }
      }
      return Optional.of(sb.toString());
    } catch (IOException | RuntimeException ex) {
      return Optional.empty();
    }
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_.,:=/@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
