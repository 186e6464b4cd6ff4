package io.perfharness.reports.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfharness.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads chosen columns of {@code metrics/timeline.csv} (elapsed seconds plus the columns; an empty
 * cell stays null: the target did not expose that fact) for the HTML timelines.
 */
final class TimelineColumns {
  private TimelineColumns() {}

  static ObjectNode read(Path csv, List<String> columns) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    ObjectNode out = Json.mapper().createObjectNode();
    if (lines.isEmpty()) {
      return out;
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    int elapsed = header.indexOf("elapsedSec");
    int phase = header.indexOf("phase");
    ArrayNode t = out.putArray("t");
    ArrayNode phases = out.putArray("phase");
    for (String column : columns) {
      out.putArray(column);
    }
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      if (cells.length != header.size()) {
        throw new IOException(csv + " line " + (i + 1) + " has " + cells.length + " cells but the header has "
            + header.size() + ": '" + lines.get(i) + "'");
      }
      t.add(elapsed >= 0 && !cells[elapsed].isEmpty() ? Double.parseDouble(cells[elapsed]) : i - 1);
      phases.add(phase >= 0 ? cells[phase] : "");
      for (String column : columns) {
        int at = header.indexOf(column);
        ArrayNode values = (ArrayNode) out.get(column);
        if (at < 0 || cells[at].isEmpty()) {
          values.addNull();
        } else {
          values.add(Double.parseDouble(cells[at]));
        }
      }
    }
    return out;
  }
}
