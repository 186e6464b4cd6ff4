package io.perfharness.reports.compare;

import io.perfharness.core.json.Json;
import io.perfharness.reports.stats.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads two sides, builds the comparison, writes COMPARISON.md, comparison.json and index.html, prints the verdicts. */
public final class ComparisonReport {
  public static final String MARKDOWN = "COMPARISON.md";
  public static final String JSON = "comparison.json";
  public static final String HTML = "index.html";

  private ComparisonReport() {}

  public static ComparisonModel compareAndWrite(Path baselinePath, Path candidatePath, Path outDir, CompareOptions options,
                                                PrintStream console) throws ComparisonInputException, IOException {
    long startNanos = System.nanoTime();
    ComparisonSide baseline = ComparisonSideReader.read(baselinePath, "baseline");
    ComparisonSide candidate = ComparisonSideReader.read(candidatePath, "candidate");
    ComparisonModel model = ComparisonBuilder.build(baseline, candidate, options);
    write(model, baseline, candidate, outDir);
    console.println();
    for (MetricComparison m : model.metrics()) {
      if (m.metric().family() != MetricDefinition.Family.PER_REQUEST) {
        console.println(String.format(Locale.ROOT, "perf: %-20s %10s -> %-10s %-12s %s", m.metric().id(),
            Reconciliation.num(m.baselineMedian()), Reconciliation.num(m.candidateMedian()), m.verdict().label(),
            m.verdict() == Verdict.INCONCLUSIVE && m.reason() != null ? "(" + m.reason() + ")" : ""));
      }
    }
    model.reconciliation().forEach(l -> console.println("perf: " + l));
    console.println(String.format(Locale.ROOT, "perf: compared %d+%d runs in %.1f s (reading, statistics, profile diff, "
        + "rendering)", baseline.n(), candidate.n(), (System.nanoTime() - startNanos) / 1e9));
    console.println("perf: comparison: " + outDir.resolve(MARKDOWN));
    console.println("perf: flame graph diff, percentiles, timelines: " + outDir.resolve(HTML));
    console.flush();
    return model;
  }

  public static void write(ComparisonModel model, ComparisonSide baseline, ComparisonSide candidate, Path outDir)
      throws IOException {
    Files.createDirectories(outDir);
    Files.writeString(outDir.resolve(MARKDOWN), ComparisonMarkdown.render(model), StandardCharsets.UTF_8);
    Json.writeFile(outDir.resolve(JSON), model);
    Files.writeString(outDir.resolve(HTML), ComparisonHtml.render(model, baseline, candidate, outDir), StandardCharsets.UTF_8);
  }
}
