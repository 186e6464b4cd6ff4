package io.perfharness.reports.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfharness.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Soak runs side by side: when both sides' runs hold {@code soak.json} (a soak run's leak
 * analysis), the slope of heap after GC, threads and DB connections per 1,000 requests become
 * compared metrics ({@link #slopes}), and the suspect classes of both sides are listed together
 * with the runs that suspected them and their median owned bytes per 1,000 requests. Immutable.
 *
 * @param suspects one row per class suspected on either side, most owned bytes first
 */
public record SoakComparison(List<SuspectRow> suspects) {
  static final String FILE = "soak.json";
  static final int ROWS = 10;
  /** soak.json series name to compared metric id. */
  static final Map<String, String> SERIES = Map.of(
      "heapAfterGc", "soak.heapAfterGc.slope",
      "threads", "soak.threads.slope",
      "dbPoolActiveConnections", "soak.connections.slope");

  /**
   * A class suspected on at least one side.
   *
   * @param baselineRunsSuspected in how many baseline runs it was LEAK SUSPECTED (of {@code baselineRuns})
   * @param baselineOwnedBytesPerThousandRequests median over the baseline runs that ranked it (null if none)
   */
  public record SuspectRow(String className, int baselineRunsSuspected, int baselineRuns, int candidateRunsSuspected,
                           int candidateRuns, Double baselineOwnedBytesPerThousandRequests,
                           Double candidateOwnedBytesPerThousandRequests) {}

  /** The slopes of a soak run's judged series, by compared metric id; empty for other runs. */
  static Map<String, Double> slopes(LoadedRun run) {
    Map<String, Double> out = new LinkedHashMap<>();
    JsonNode soak = read(run);
    if (soak == null || !soak.has("series")) {
      return out;
    }
    for (Map.Entry<String, String> e : new TreeMap<>(SERIES).entrySet()) {
      JsonNode s = soak.get("series").get(e.getKey());
      if (s != null && s.hasNonNull("slopePerThousandRequests")) {
        out.put(e.getValue(), s.get("slopePerThousandRequests").asDouble());
      }
    }
    return out;
  }

  /** Null unless every run of both sides is a soak run. */
  static SoakComparison of(ComparisonSide baseline, ComparisonSide candidate) {
    if (baseline.runs().isEmpty() || candidate.runs().isEmpty()
        || !baseline.runs().stream().allMatch(SoakComparison::isSoak) || !candidate.runs().stream().allMatch(SoakComparison::isSoak)) {
      return null;
    }
    Map<String, List<Double>> ownedB = new TreeMap<>();
    Map<String, List<Double>> ownedC = new TreeMap<>();
    Map<String, Integer> suspectedB = new TreeMap<>();
    Map<String, Integer> suspectedC = new TreeMap<>();
    collect(baseline, ownedB, suspectedB);
    collect(candidate, ownedC, suspectedC);
    List<String> classes = new ArrayList<>(suspectedB.keySet());
    suspectedC.keySet().stream().filter(c -> !classes.contains(c)).forEach(classes::add);
    List<SuspectRow> rows = new ArrayList<>();
    for (String c : classes) {
      rows.add(new SuspectRow(c, suspectedB.getOrDefault(c, 0), baseline.n(), suspectedC.getOrDefault(c, 0), candidate.n(),
          median(ownedB.get(c)), median(ownedC.get(c))));
    }
    rows.sort((x, y) -> Double.compare(max(y), max(x)));
    return new SoakComparison(rows.stream().limit(ROWS).toList());
  }

  private static double max(SuspectRow r) {
    return Math.max(r.baselineOwnedBytesPerThousandRequests() == null ? 0 : r.baselineOwnedBytesPerThousandRequests(),
        r.candidateOwnedBytesPerThousandRequests() == null ? 0 : r.candidateOwnedBytesPerThousandRequests());
  }

  private static void collect(ComparisonSide side, Map<String, List<Double>> owned, Map<String, Integer> suspected) {
    for (LoadedRun run : side.runs()) {
      JsonNode soak = read(run);
      if (soak == null || !soak.has("classes")) {
        continue;
      }
      for (JsonNode c : soak.get("classes")) {
        String name = c.path("className").asText();
        if (c.hasNonNull("ownedBytesPerThousandRequests")) {
          owned.computeIfAbsent(name, k -> new ArrayList<>()).add(c.get("ownedBytesPerThousandRequests").asDouble());
        }
        if ("LEAK_SUSPECTED".equals(c.path("verdict").asText()) || "LEAK SUSPECTED".equals(c.path("verdict").asText())) {
          suspected.merge(name, 1, Integer::sum);
        }
      }
    }
  }

  private static boolean isSoak(LoadedRun run) {
    return Files.isRegularFile(run.directory().root().resolve(FILE));
  }

  private static JsonNode read(LoadedRun run) {
    Path file = run.directory().root().resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Json.readTree(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Double median(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
