package io.perfharness.loadtests.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code metrics/warmup.csv}: the settle rule of an automatic warm-up, one row per second
 * (empty cells: not known yet, or no JIT facts), flushed per row so a crashed run keeps it:
 * <pre>elapsedSec,jitCompileMillisTotal,requests,jitMillisPerSec,p50LastMicros,p50PreviousMicros,jitQuiet,latencySteady,settled
 * 12.004,10234,51,14.2,3104,3251,true,true,true</pre>
 * Mutable, not thread-safe.
 */
final class WarmupCsvWriter implements AutoCloseable {
  static final String HEADER = "elapsedSec,jitCompileMillisTotal,requests,jitMillisPerSec,p50LastMicros,"
      + "p50PreviousMicros,jitQuiet,latencySteady,settled";
  private final BufferedWriter out;

  WarmupCsvWriter(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write(HEADER);
    out.newLine();
    out.flush();
  }

  /** One second; {@code evaluation} is null until the rule has two spans of samples. */
  void write(WarmupSettleDetector.Sample sample, WarmupSettleDetector.Evaluation evaluation) throws IOException {
    String rule = evaluation == null ? ",,,,,"
        : String.format(Locale.ROOT, "%s,%d,%d,%b,%b,%b",
            evaluation.jitMillisPerSec() == null ? "" : String.format(Locale.ROOT, "%.1f", evaluation.jitMillisPerSec()),
            evaluation.p50LastMicros(), evaluation.p50PreviousMicros(), evaluation.jitQuiet(),
            evaluation.latencySteady(), evaluation.settled());
    out.write(String.format(Locale.ROOT, "%.3f,%s,%d,%s", sample.elapsedNanos() / 1e9,
        sample.jitCompileMillisTotal() == null ? "" : String.format(Locale.ROOT, "%.0f", sample.jitCompileMillisTotal()),
        sample.latencyMicros() == null ? 0 : sample.latencyMicros().getTotalCount(), rule));
    out.newLine();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
