package io.perfharness.loadtests.metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Appends timeline rows to {@code metrics/timeline.csv}, flushing each row so a crash loses none. */
public final class TimelineCsvWriter implements AutoCloseable {
  private final BufferedWriter out;

  public TimelineCsvWriter(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    out = Files.newBufferedWriter(file);
    out.write(String.join(",", TimelineRow.COLUMNS));
    out.newLine();
    out.flush();
  }

  public synchronized void write(TimelineRow row) throws IOException {
    List<String> cells = new ArrayList<>();
    cells.add(Long.toString(row.epochMs()));
    cells.add(String.format(Locale.ROOT, "%.3f", row.elapsedSec()));
    cells.add(row.phase());
    for (Double v : List.of(nullable(row.heapUsedBytes()), nullable(row.heapCommittedBytes()),
        nullable(row.heapAfterGcBytes()), nullable(row.gcPauseCount()), nullable(row.gcPauseMillisTotal()),
        nullable(row.threads()), nullable(row.processCpuUsage()), nullable(row.systemCpuUsage()),
        nullable(row.loadedClasses()), nullable(row.openFiles()), nullable(row.dbActive()),
        nullable(row.dbIdle()), nullable(row.dbPending()), nullable(row.requestsTotal()),
        nullable(row.jitCompileMillisTotal()))) {
      cells.add(format(v));
    }
    out.write(String.join(",", cells));
    out.newLine();
    out.flush();
  }

  private static Double nullable(Double v) {
    return v == null ? Double.NaN : v;
  }

  static String format(Double v) {
    if (v == null || v.isNaN()) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString(v.longValue());
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
