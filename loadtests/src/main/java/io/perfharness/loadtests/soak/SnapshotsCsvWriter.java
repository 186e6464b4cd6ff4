package io.perfharness.loadtests.soak;

import io.perfharness.reports.soak.SoakReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code heap/snapshots.csv}, one row per soak snapshot, flushed per row so a crashed run keeps
 * what it had. Columns (an empty cell: the target did not expose it):
 * <pre>epochMs,elapsedSec,completedRequests,heapAfterGcBytes,liveThreads,dbPoolActiveConnections,openFileDescriptors,captureMillis,histogramFile
 * 1764142200123,0.000,612,61234567,38,0,112,184,heap/histo-1764142200123.txt</pre>
 * Mutable, not thread-safe.
 */
final class SnapshotsCsvWriter implements AutoCloseable {
  static final String HEADER = "epochMs,elapsedSec,completedRequests,heapAfterGcBytes,liveThreads,"
      + "dbPoolActiveConnections,openFileDescriptors,captureMillis,histogramFile";
  private final BufferedWriter out;
  private Long firstEpochMs;

  SnapshotsCsvWriter(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write(HEADER);
    out.newLine();
    out.flush();
  }

  void write(SoakReport.Point p) throws IOException {
    if (firstEpochMs == null) {
      firstEpochMs = p.epochMs();
    }
    out.write(String.format(Locale.ROOT, "%d,%.3f,%d,%s,%s,%s,%s,%d,%s", p.epochMs(), (p.epochMs() - firstEpochMs) / 1000.0,
        p.completedRequests(), cell(p.heapAfterGcBytes()), cell(p.liveThreads()), cell(p.dbPoolActiveConnections()),
        cell(p.openFileDescriptors()), p.captureMillis(), p.histogramFile()));
    out.newLine();
    out.flush();
  }

  private static String cell(Long value) {
    return value == null ? "" : value.toString();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
