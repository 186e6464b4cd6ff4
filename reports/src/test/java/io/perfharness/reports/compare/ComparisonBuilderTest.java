package io.perfharness.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfharness.reports.stats.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonBuilderTest {
  @TempDir
  Path tmp;

  private ComparisonModel compare(Path b, Path c) throws Exception {
    return ComparisonBuilder.build(ComparisonSideReader.read(b, "baseline"), ComparisonSideReader.read(c, "candidate"),
        CompareOptions.defaults());
  }

  private static MetricComparison metric(ComparisonModel m, String id) {
    return m.metrics().stream().filter(x -> x.metric().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aFixedCulpritIsAnImprovementAndItsFrameLeadsTheMovers() throws Exception {
    Path b = SyntheticRuns.side(tmp, "baseline", "sample:fault=cpu-regex", 5, 10.0, 2.0);
    Path c = SyntheticRuns.side(tmp, "candidate", "sample", 5, 8.0, 0.0);
    ComparisonModel m = compare(b, c);

    MetricComparison cpu = metric(m, "cpu.perRequest");
    assertThat(cpu.baselineMedian()).isEqualTo(3.5);
    assertThat(cpu.candidateMedian()).isEqualTo(1.5);
    assertThat(cpu.verdict()).isEqualTo(Verdict.IMPROVEMENT);
    assertThat(cpu.pValue()).isEqualTo(2.0 / 252);
    assertThat(metric(m, "latency.p50").verdict()).isEqualTo(Verdict.IMPROVEMENT);
    assertThat(metric(m, "errors.rate").verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(m.gatedRegression()).isFalse();

    EventComparison e = m.profiles().get(0);
    assertThat(e.appMovers().get(0).frame()).isEqualTo("app.Validator.check");
    assertThat(e.appMovers().get(0).deltaPerRequest()).isCloseTo(-2.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(e.appMovers().get(0).vanished()).isTrue();
    assertThat(e.vanished()).extracting(EventComparison.PathChange::stack)
        .anyMatch(s -> s.endsWith("app.Validator.check;java.util.regex.Pattern.compile"));
    assertThat(m.reconciliation().get(0)).startsWith("p50 fell 2.00 ms/request (IMPROVEMENT); CPU per request fell 2.00 ms");
  }

  @Test
  void anExperimentFolderGetsTheCommandThatReproducesTheWholeExperiment() throws Exception {
    Path b = SyntheticRuns.side(tmp, "baseline", "sample:fault=cpu-regex", 4, 10.0, 2.0);
    Path c = SyntheticRuns.side(tmp, "candidate", "sample", 4, 8.0, 0.0);
    Files.writeString(tmp.resolve("experiment.json"), """
        {"schemaVersion":1,"kind":"experiment","baselineTarget":"sample:fault=cpu-regex","candidateTarget":"sample",
         "runsPerSide":4,"options":{"duration":"6s","maxRequests":"900","jfr":"true","events":"cpu,alloc"}}
        """);
    ComparisonModel m = compare(b, c);
    assertThat(m.reproduce().get("experiment")).isEqualTo(
        "./perf experiment --baseline sample:fault=cpu-regex --candidate sample --runs 4 --duration 6s --max-requests 900"
            + " --jfr --events cpu,alloc");
  }

  @Test
  void theReverseIsARegressionAndGates() throws Exception {
    Path b = SyntheticRuns.side(tmp, "baseline", "sample", 5, 8.0, 0.0);
    Path c = SyntheticRuns.side(tmp, "candidate", "sample:fault=cpu-regex", 5, 10.0, 2.0);
    ComparisonModel m = compare(b, c);
    assertThat(metric(m, "cpu.perRequest").verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(m.gatedRegression()).isTrue();
    assertThat(m.profiles().get(0).appeared()).isNotEmpty();
  }

  @Test
  void identicalSidesGiveNoChange() throws Exception {
    Path b = SyntheticRuns.side(tmp, "baseline", "sample", 5, 8.0, 0.0);
    Path c = SyntheticRuns.side(tmp, "candidate", "sample", 5, 8.0, 0.0);
    ComparisonModel m = compare(b, c);
    assertThat(m.metrics()).extracting(MetricComparison::verdict).containsOnly(Verdict.NO_CHANGE);
    assertThat(m.profiles().get(0).appMovers()).allSatisfy(x -> assertThat(x.test()).isNotEqualTo("significant"));
  }

  @Test
  void fewerThanFourRunsPerSideIsInconclusiveButShowsTheDeltas() throws Exception {
    Path b = SyntheticRuns.side(tmp, "baseline", "sample:fault=cpu-regex", 3, 10.0, 2.0);
    Path c = SyntheticRuns.side(tmp, "candidate", "sample", 3, 8.0, 0.0);
    ComparisonModel m = compare(b, c);
    assertThat(m.metrics()).extracting(MetricComparison::verdict).containsOnly(Verdict.INCONCLUSIVE);
    assertThat(metric(m, "cpu.perRequest").reason()).isEqualTo("need at least 4 runs per side (have 3 and 3)");
    assertThat(metric(m, "cpu.perRequest").medianDelta()).isEqualTo(-2.0);
    assertThat(m.profiles().get(0).appMovers().get(0).test())
        .isEqualTo("not significant: with 3 and 3 runs the smallest adjusted p is 0.1");
    assertThat(ComparisonMarkdown.render(m)).contains("need at least 4 runs per side (have 3 and 3)");
  }

  @Test
  void invalidRunsAreLeftOutAndListed() throws Exception {
    Path b = SyntheticRuns.side(tmp, "baseline", "sample", 4, 8.0, 0.0);
    SyntheticRuns.write(b, new SyntheticRuns.Spec("20261126T090000Z-behind", "sample", 50, 60, 70, 1000, 0,
        Map.of("a;b", 10L), false));
    Path c = SyntheticRuns.side(tmp, "candidate", "sample", 4, 8.0, 0.0);
    ComparisonModel m = compare(b, c);
    assertThat(m.baseline().runs()).isEqualTo(4);
    assertThat(m.baseline().excluded()).singleElement()
        .satisfies(x -> assertThat(x.reasons()).containsExactly("the generator fell behind (synthetic)"));
    assertThat(m.warnings()).anyMatch(w -> w.contains("20261126T090000Z-behind (the generator fell behind (synthetic))"));
    assertThat(metric(m, "latency.p50").baselineMedian()).isEqualTo(8.0, org.assertj.core.data.Offset.offset(0.2));
  }

  @Test
  void aMissingSideIsBadInput() {
    assertThatThrownBy(() -> ComparisonSideReader.read(tmp.resolve("nope"), "baseline"))
        .isInstanceOf(ComparisonInputException.class).hasMessageContaining("nope is not a directory");
    assertThatThrownBy(() -> ComparisonSideReader.read(tmp, "candidate"))
        .isInstanceOf(ComparisonInputException.class).hasMessageContaining("holds no run");
  }

  @Test
  void benchmarkForksAreReplicatesWithTheScoreGatedAndCostsPerOperation() throws Exception {
    Path b = SyntheticRuns.benchSide(tmp, "faulty", 5, 2000, 0.75);
    Path c = SyntheticRuns.benchSide(tmp, "fixed", 5, 500, 0.0);
    ComparisonModel m = compare(b, c);
    MetricComparison score = metric(m, "jmh.score");
    assertThat(score.metric().unit()).isEqualTo("ns/op");
    assertThat(score.metric().family()).isEqualTo(MetricDefinition.Family.GATED);
    assertThat(score.verdict()).isEqualTo(Verdict.IMPROVEMENT);
    MetricComparison cpu = metric(m, "cpu.perOp");
    assertThat(cpu.metric().unit()).isEqualTo("ns");
    assertThat(cpu.baselineMedian()).isCloseTo(2000, org.assertj.core.data.Offset.offset(50.0));
    EventComparison e = m.profiles().get(0);
    assertThat(e.unit()).isEqualTo("ns");
    assertThat(e.selfMovers().get(0).frame()).isEqualTo("java.util.regex.Pattern.compile");
    assertThat(e.selfMovers().get(0).vanished()).isTrue();
    assertThat(m.metrics()).noneMatch(x -> x.metric().id().startsWith("latency"));
  }

  private static void soak(Path side, double heapSlope, String suspect, double ownedBytes) throws IOException {
    for (Path run : SyntheticRuns.list(side)) {
      Files.writeString(run.resolve("soak.json"), String.format(java.util.Locale.ROOT, """
          {"schemaVersion":1,"series":{"heapAfterGc":{"verdict":"%s","slopePerThousandRequests":%.1f},
           "threads":{"verdict":"NO_LEAK","slopePerThousandRequests":0.0}},
           "classes":[{"rank":1,"className":"%s","verdict":"%s","ownedBytesPerThousandRequests":%.1f}]}
          """, heapSlope > 100_000 ? "LEAK_SUSPECTED" : "NO_LEAK", heapSlope + run.getFileName().toString().length(),
          suspect, heapSlope > 100_000 ? "LEAK_SUSPECTED" : "NO_LEAK", ownedBytes));
    }
  }

  @Test
  void soakRunsCompareTheirSlopesAndListSuspectsSideBySide() throws Exception {
    Path b = SyntheticRuns.side(tmp, "baseline", "sample:fault=leak", 5, 8.0, 0.0);
    Path c = SyntheticRuns.side(tmp, "candidate", "sample", 5, 8.0, 0.0);
    soak(b, 1_030_000, "io.perfharness.service.catalog.ProductViewListener", 1_030_000);
    soak(c, 2_000, "org.h2.value.ValueInteger", 900);
    ComparisonModel m = compare(b, c);
    MetricComparison heap = metric(m, "soak.heapAfterGc.slope");
    assertThat(heap.verdict()).isEqualTo(Verdict.IMPROVEMENT);
    assertThat(heap.noiseBand()).isEqualTo(65_536.0);
    assertThat(metric(m, "soak.threads.slope").verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(m.soak().suspects()).first().satisfies(r -> {
      assertThat(r.className()).isEqualTo("io.perfharness.service.catalog.ProductViewListener");
      assertThat(r.baselineRunsSuspected()).isEqualTo(5);
      assertThat(r.candidateRunsSuspected()).isZero();
    });
    assertThat(ComparisonMarkdown.render(m)).contains("## Soak: leaks side by side")
        .contains("| `io.perfharness.service.catalog.ProductViewListener` | 5 of 5 |");
  }

  @Test
  void reportsAreWrittenAndTheMarkdownStaysShort() throws Exception {
    Path b = SyntheticRuns.side(tmp, "baseline", "sample:fault=cpu-regex", 5, 10.0, 2.0);
    Path c = SyntheticRuns.side(tmp, "candidate", "sample", 5, 8.0, 0.0);
    Path out = tmp.resolve("cmp");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ComparisonReport.compareAndWrite(b, c, out, CompareOptions.defaults(), new PrintStream(console, true, StandardCharsets.UTF_8));
    List<String> md = Files.readAllLines(out.resolve("COMPARISON.md"));
    assertThat(md.size()).isLessThan(200);
    String html = Files.readString(out.resolve("index.html"));
    assertThat(html).doesNotContain("/*DATA*/null").doesNotContain("src=\"http", "href=\"http", "<link", "@import")
        .contains("app.Validator.check");
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("cpu.perRequest").contains("IMPROVEMENT");
  }

  @Test
  void goldenFilesPinTheMarkdownAndTheJson() throws Exception {
    Path b = SyntheticRuns.side(tmp, "baseline", "sample:fault=cpu-regex", 5, 10.0, 2.0);
    Path c = SyntheticRuns.side(tmp, "candidate", "sample", 5, 8.0, 0.0);
    Path out = tmp.resolve("cmp");
    ComparisonReport.compareAndWrite(b, c, out, CompareOptions.defaults(), new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    Golden.assertMatches("golden/COMPARISON.md", Files.readString(out.resolve("COMPARISON.md")).replace(tmp.toString(), "<tmp>"));
    Golden.assertMatches("golden/comparison.json", Files.readString(out.resolve("comparison.json")).replace(tmp.toString(), "<tmp>"));
  }
}
