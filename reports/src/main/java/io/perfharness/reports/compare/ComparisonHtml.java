package io.perfharness.reports.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfharness.core.json.Json;
import io.perfharness.core.latency.HlogInterval;
import io.perfharness.core.latency.HlogReader;
import io.perfharness.core.latency.HlogTotals;
import io.perfharness.core.latency.LatencyFormatException;
import io.perfharness.core.latency.LatencyRecorder;
import io.perfharness.profiling.diff.DiffTreeNode;
import io.perfharness.reports.profile.RunProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Renders {@code index.html}: self-contained (no network), with a differential flame graph per
 * event (width = the larger side, colour = growth or shrinkage, appeared and vanished frames
 * marked), the percentile plot of every run of both sides on a log "nines" axis, per-second
 * timelines, and links to each run's flame graphs and Gatling report. The page is a template
 * (resource {@code comparison.html}) filled with one JSON blob.
 */
public final class ComparisonHtml {
  /** Tree nodes below this share of the larger side's total are left out of the page. */
  static final double MIN_NODE_SHARE = 0.001;
  /** Percentiles of the plot, as in HdrHistogram's percentile distribution output. */
  static final double[] PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.75, 99.9, 99.95, 99.99, 99.999};
  static final List<String> TIMELINE_COLUMNS = List.of("processCpuUsage", "heapUsedBytes", "threads", "dbActive");

  private ComparisonHtml() {}

  public static String render(ComparisonModel model, ComparisonSide baseline, ComparisonSide candidate, Path outDir)
      throws IOException {
    ObjectNode data = Json.mapper().createObjectNode();
    data.set("model", Json.mapper().valueToTree(model));
    ArrayNode trees = data.putArray("trees");
    for (EventComparison e : model.profiles()) {
      if (e.tree() != null) {
        ObjectNode t = trees.addObject();
        t.put("event", e.event());
        t.put("unit", e.unit());
        t.put("per", e.per());
        double total = Math.max(e.tree().baselineTotalPerRequest(), e.tree().candidateTotalPerRequest());
        t.set("root", node(e.tree(), total * MIN_NODE_SHARE));
      }
    }
    ArrayNode runs = data.putArray("runs");
    for (ComparisonSide side : List.of(baseline, candidate)) {
      for (LoadedRun run : side.runs()) {
        runs.add(run(side.name(), run, outDir));
      }
    }
    String json = Json.mapper().writeValueAsString(data).replace("</", "<\\/");
    return template().replace("/*DATA*/null", json);
  }

  private static ObjectNode node(DiffTreeNode n, double minPerRequest) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("f", n.frame());
    o.put("b", n.baselineTotalPerRequest());
    o.put("c", n.candidateTotalPerRequest());
    ArrayNode children = null;
    for (DiffTreeNode child : n.children()) {
      if (Math.max(child.baselineTotalPerRequest(), child.candidateTotalPerRequest()) < minPerRequest) {
        continue;
      }
      if (children == null) {
        children = o.putArray("k");
      }
      children.add(node(child, minPerRequest));
    }
    return o;
  }

  private static ObjectNode run(String side, LoadedRun run, Path outDir) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("side", side);
    o.put("id", run.runId());
    Path root = run.directory().root().toAbsolutePath();
    Path base = outDir.toAbsolutePath();
    o.put("dir", base.relativize(root).toString());
    ArrayNode links = o.putArray("links");
    for (String event : RunProfile.events(run.manifest())) {
      if (Files.exists(run.directory().flameGraphFile(event))) {
        links.addObject().put("name", event + " flame graph").put("href", base.relativize(run.directory().flameGraphFile(event).toAbsolutePath()).toString());
      }
    }
    Path gatling = run.directory().gatlingDir().resolve("index.html");
    if (Files.exists(gatling)) {
      links.addObject().put("name", "Gatling report").put("href", base.relativize(gatling.toAbsolutePath()).toString());
    }
    links.addObject().put("name", "SUMMARY.md").put("href", base.relativize(run.directory().summaryFile().toAbsolutePath()).toString());
    Path hlog = run.directory().latencyDir().resolve(LatencyRecorder.OVERALL_HLOG);
    try {
      HlogTotals totals = HlogReader.readTotals(hlog, HlogReader.Mode.STRICT);
      Histogram h = totals.histogram(HlogInterval.UNTAGGED);
      if (h != null && h.getTotalCount() > 0) {
        ArrayNode pts = o.putArray("percentiles");
        for (double p : PERCENTILES) {
          pts.addArray().add(p).add(h.getValueAtPercentile(p) / 1000.0);
        }
        pts.addArray().add(100.0).add(h.getMaxValue() / 1000.0);
      }
    } catch (IOException | LatencyFormatException | RuntimeException e) {
      o.put("percentilesProblem", String.valueOf(e.getMessage()));
    }
    Path timeline = run.directory().timelineFile();
    if (Files.isRegularFile(timeline)) {
      try {
        o.set("timeline", TimelineColumns.read(timeline, TIMELINE_COLUMNS));
      } catch (IOException | RuntimeException e) {
        o.put("timelineProblem", String.valueOf(e.getMessage()));
      }
    }
    return o;
  }

  private static String template() throws IOException {
    try (InputStream in = ComparisonHtml.class.getResourceAsStream("comparison.html")) {
      if (in == null) {
        throw new IOException("resource comparison.html missing from the reports jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
