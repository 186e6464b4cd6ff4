package io.perfharness.reports.run;

import io.perfharness.core.json.Json;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.reports.soak.SoakReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The soak part of SUMMARY.md, from the run's {@code soak.json}: verdicts per series with their reasons,
 * the top suspect classes with their growth per 1,000 requests, who allocates them, and heap after GC per
 * snapshot as one compact table. It fits the lines it is given: allocation stacks go first, then suspects
 * beyond the third, then the heap table. Pure: the same file gives the same text.
 */
public final class SoakSummarySection {
  static final int SUSPECTS_SHOWN = 5;
  static final int HEAP_COLUMNS = 12;
  static final int FRAMES_SHOWN = 6;
  private static final String[] SERIES = {"heapAfterGc", "threads", "dbPoolActiveConnections", "openFileDescriptors"};
  private static final String[] SERIES_NAMES = {"heap after GC", "threads", "pool active connections", "open files"};

  private SoakSummarySection() {}

  /** The section, or nothing when the run has no {@code soak.json}; at most {@code maxLines} lines. */
  public static List<String> render(RunDirectory dir, int maxLines) {
    Path file = dir.root().resolve(SoakReport.FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    SoakReport r;
    try {
      r = Json.readFile(file, SoakReport.class);
    } catch (IOException e) {
      return List.of("", "## Soak: leak analysis", "", "`soak.json` unreadable: " + e.getMessage());
    }
    List<String> head = header(r);
    List<String> suspects = suspects(r, SUSPECTS_SHOWN);
    List<String> stacks = stacks(r);
    List<String> heap = heapTable(r);
    int budget = maxLines - head.size();
    // what goes first when lines are short: suspects beyond the third, then the stacks, then the heap table
    if (suspects.size() + stacks.size() + heap.size() > budget) {
      suspects = suspects(r, 3);
    }
    if (suspects.size() + stacks.size() + heap.size() > budget) {
      stacks = List.of();
    }
    if (suspects.size() + heap.size() > budget) {
      heap = List.of();
    }
    if (suspects.size() > budget) {
      suspects = List.of();
    }
    List<String> out = new ArrayList<>(head);
    out.addAll(suspects);
    out.addAll(stacks);
    out.addAll(heap);
    return out.size() <= maxLines ? out : out.subList(0, Math.max(0, maxLines));
  }

  private static List<String> header(SoakReport r) {
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("## Soak: leak analysis (`soak.json`, `heap/snapshots.csv`, `heap/histo-*.txt`)");
    out.add("");
    long[] pauses = r.timeline().stream().mapToLong(SoakReport.Point::captureMillis).sorted().toArray();
    out.add(String.format(Locale.ROOT, "%d snapshots every %s over the %s (requests %,d to %,d); each class histogram"
        + " forced a full GC of the target (capture %s).", r.snapshots(), seconds(r.histogramIntervalMillis()),
        r.covers(), r.completedRequestsFirst(), r.completedRequestsLast(), pauses.length == 0 ? "none"
            : "median " + pauses[pauses.length / 2] + " ms, max " + pauses[pauses.length - 1] + " ms"));
    out.add("");
    out.add("| series | verdict | first → last | per 1,000 requests | reason |");
    out.add("|---|---|---|---:|---|");
    for (int i = 0; i < SERIES.length; i++) {
      SoakReport.Series s = r.series(SERIES[i]);
      if (s == null) {
        out.add("| " + SERIES_NAMES[i] + " | not measured | | | the target did not expose it |");
        continue;
      }
      out.add("| " + SERIES_NAMES[i] + " | **" + s.verdict() + "** | " + amount(s.firstValue(), s.unit()) + " → "
          + amount(s.lastValue(), s.unit()) + " | " + (s.slopePerThousandRequests() == null ? "" :
              amount(s.slopePerThousandRequests(), s.unit())) + " | " + s.reason().replace("|", "\\|") + " |");
    }
    return out;
  }

  private static List<String> suspects(SoakReport r, int limit) {
    List<SoakReport.SuspectClass> shown = r.classes().stream()
        .filter(c -> c.verdict().equals("LEAK SUSPECTED")).limit(limit).toList();
    List<String> out = new ArrayList<>();
    out.add("");
    if (shown.isEmpty()) {
      out.add("No class is LEAK SUSPECTED (" + r.classesAnalyzed() + " classes analysed).");
      return out;
    }
    out.add(String.format(Locale.ROOT, "Suspect classes: %d of %d LEAK SUSPECTED, top %d (bytes are shallow; owned adds"
        + " the JDK classes growing in lockstep):", r.classesSuspected(), r.classesAnalyzed(), shown.size()));
    out.add("");
    out.add("| # | class | instances /1k req | bytes /1k req | owned /1k req | share of heap growth (own, owned) | lockstep |");
    out.add("|---:|---|---:|---:|---:|---:|---|");
    for (SoakReport.SuspectClass c : shown) {
      out.add(String.format(Locale.ROOT, "| %d | `%s` | %s | %s | %s | %s | %s |", c.rank(), c.className(),
          c.instancesPerThousandRequests() == null ? "" : String.format(Locale.ROOT, "%.1f", c.instancesPerThousandRequests()),
          c.bytesPerThousandRequests() == null ? "" : amount(c.bytesPerThousandRequests(), "bytes"),
          amount(c.ownedBytesPerThousandRequests(), "bytes"),
          c.shareOfHeapGrowth() == null ? "" : percent(c.shareOfHeapGrowth())
              + (c.ownedShareOfHeapGrowth() == null ? "" : ", " + percent(c.ownedShareOfHeapGrowth())),
          c.lockstepClasses().isEmpty() ? "" : "`" + String.join("`, `", c.lockstepClasses()) + "`"));
    }
    return out;
  }

  private static List<String> stacks(SoakReport r) {
    List<SoakReport.SuspectClass> withStacks = r.classes().stream()
        .filter(c -> c.allocationStacks() != null && !c.allocationStacks().isEmpty()).limit(3).toList();
    if (r.allocationProfile() == null || withStacks.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("Who allocates them (`" + r.allocationProfile() + "`, bytes sampled, the largest stack per class; frames"
        + " before the last " + FRAMES_SHOWN + " elided, all in `soak.json`):");
    out.add("```");
    for (SoakReport.SuspectClass c : withStacks) {
      out.add(tail(c.allocationStacks().get(0)));
    }
    out.add("```");
    return out;
  }

  /** The last frames of a collapsed line, with its count. */
  static String tail(String collapsedLine) {
    int space = collapsedLine.lastIndexOf(' ');
    String[] frames = collapsedLine.substring(0, space).split(";");
    String shown = String.join(";", Arrays.copyOfRange(frames, Math.max(0, frames.length - FRAMES_SHOWN), frames.length));
    return (frames.length > FRAMES_SHOWN ? "...;" : "") + shown + collapsedLine.substring(space);
  }

  private static List<String> heapTable(SoakReport r) {
    List<SoakReport.Point> points = r.timeline().stream().filter(p -> p.heapAfterGcBytes() != null).toList();
    if (points.isEmpty()) {
      return List.of();
    }
    List<SoakReport.Point> shown = new ArrayList<>();
    int n = points.size();
    int columns = Math.min(HEAP_COLUMNS, n);
    for (int i = 0; i < columns; i++) {
      shown.add(points.get(columns == 1 ? 0 : (int) Math.round(i * (n - 1) / (double) (columns - 1))));
    }
    long start = points.get(0).epochMs();
    StringBuilder head = new StringBuilder("| s |");
    StringBuilder rule = new StringBuilder("|---|");
    StringBuilder mib = new StringBuilder("| MiB |");
    for (SoakReport.Point p : shown) {
      head.append(' ').append((p.epochMs() - start + 500) / 1000).append(" |");
      rule.append("---:|");
      mib.append(String.format(Locale.ROOT, " %.1f |", p.heapAfterGcBytes() / 1048576.0));
    }
    List<String> out = new ArrayList<>();
    out.add("");
    out.add("Heap after GC per snapshot" + (columns < n ? " (" + columns + " of " + n + ", evenly spaced)" : "")
        + ", seconds since the first:");
    out.add("");
    out.add(head.toString());
    out.add(rule.toString());
    out.add(mib.toString());
    return out;
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, Math.abs(fraction) < 0.1 ? "%.1f%%" : "%.0f%%", 100 * fraction);
  }

  static String amount(double value, String unit) {
    if ("bytes".equals(unit)) {
      double abs = Math.abs(value);
      return abs >= 1048576 ? String.format(Locale.ROOT, "%.2f MiB", value / 1048576.0)
          : abs >= 1024 ? String.format(Locale.ROOT, "%.1f KiB", value / 1024.0)
          : String.format(Locale.ROOT, "%.0f B", value);
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
