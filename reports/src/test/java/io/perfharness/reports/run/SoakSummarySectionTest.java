package io.perfharness.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.json.Json;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.reports.soak.SoakReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak section of SUMMARY.md: what it shows, and what it gives up first when lines are short. */
class SoakSummarySectionTest {
  @TempDir Path out;

  private RunDirectory runWithSoak() throws Exception {
    RunDirectory dir = RunDirectory.create(out, Instant.parse("2026-11-26T07:00:00Z"), "soak");
    List<SoakReport.Point> timeline = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      timeline.add(new SoakReport.Point(1_000_000L + 15_000L * i, 750L * i, 60L * 1048576 + 1_300_000L * i, 40L + 30 * i,
          (long) i / 2, 200L, 300 + i, "heap/histo-" + (1_000_000L + 15_000L * i) + ".txt"));
    }
    List<SoakReport.SuspectClass> classes = new ArrayList<>();
    for (int rank = 1; rank <= 6; rank++) {
      classes.add(new SoakReport.SuspectClass(rank, "com.example.Leaky" + rank, "LEAK SUSPECTED", "grows", false, 10, 2000,
          250.0 / rank, 10_000.0 / rank, 1_000_000.0 / rank, rank == 1 ? List.of("[J") : List.of(), 0.0075, 0.75, 0.99,
          1e-6, 1000L, List.of("a;b;c;d;e;f;g;com.example.Tracker.register;com.example.Leaky" + rank + " 524288")));
    }
    SoakReport.Series leak = new SoakReport.Series("LEAK SUSPECTED", "grows 10 MiB over the run", "bytes", 60.0 * 1048576,
        70.0 * 1048576, 1.3e6, 0.99, 1e-6, 1.04e7, 1.0, 0.0, 1.3e6);
    Json.writeFile(dir.root().resolve(SoakReport.FILE), new SoakReport(1, dir.runId(), 15_000, "measurement window", true,
        9, 0, 6000, Map.of("heapAfterGc", leak), 3000, 6, classes, timeline, "profile/alloc.collapsed", List.of()));
    return dir;
  }

  @Test
  void showsVerdictsSuspectsStacksAndTheHeapTable() throws Exception {
    String text = String.join("\n", SoakSummarySection.render(runWithSoak(), 100));
    assertThat(text).contains("9 snapshots every 15 s over the measurement window (requests 0 to 6,000)")
        .contains("| heap after GC | **LEAK SUSPECTED** | 60.00 MiB → 70.00 MiB | 1.24 MiB | grows 10 MiB over the run |")
        .contains("| threads | not measured |")
        .contains("| 1 | `com.example.Leaky1` | 250.0 | 9.8 KiB | 976.6 KiB | 0.8%, 75% | `[J` |")
        .contains("| 5 | `com.example.Leaky5` |").doesNotContain("Leaky6`")
        .contains("\n...;d;e;f;g;com.example.Tracker.register;com.example.Leaky1 524288\n")
        .contains("| s | 0 | 15 | 30 | 45 | 60 | 75 | 90 | 105 | 120 |")
        .contains("| MiB | 60.0 | 61.2 |");
  }

  @Test
  void keepsToItsLinesGivingUpSuspectsThenStacksThenTheHeapTable() throws Exception {
    RunDirectory dir = runWithSoak();
    int full = SoakSummarySection.render(dir, 1000).size();
    List<String> fewerSuspects = SoakSummarySection.render(dir, full - 1);
    assertThat(String.join("\n", fewerSuspects)).contains("Leaky3`").doesNotContain("Leaky4`").contains("Who allocates");
    List<String> noStacks = SoakSummarySection.render(dir, full - 3);
    assertThat(String.join("\n", noStacks)).doesNotContain("Who allocates").contains("| MiB |");
    List<String> tight = SoakSummarySection.render(dir, 16);
    assertThat(tight.size()).isLessThanOrEqualTo(16);
    assertThat(String.join("\n", tight)).doesNotContain("| MiB |").contains("heap after GC");
  }

  @Test
  void aRunWithoutSoakJsonHasNoSection() throws Exception {
    assertThat(SoakSummarySection.render(RunDirectory.create(out, Instant.EPOCH, "plain"), 100)).isEmpty();
  }
}
