package io.perfharness.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.json.Json;
import io.perfharness.core.run.RunManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first movers list names the frame that carries a change, on services that are not ours: a
 * default-package service whose per-request sort is fixed (the sort happens in the JDK, under the
 * service's own method, behind an executor and the JDK's HTTP server), and a Spring application whose
 * own package sits under {@code org.springframework.}. Wall per request counts request time, not idle
 * pool threads. The runs are written with chosen numbers; the real services are profiled end to end in
 * loadtests' StrangerServicesTest.
 */
class CulpritFirstTest {
  private static final String POOL = "java.lang.Thread.run;java.util.concurrent.ThreadPoolExecutor$Worker.run;"
      + "java.util.concurrent.ThreadPoolExecutor.runWorker;sun.net.httpserver.ServerImpl$Exchange.run;"
      + "com.sun.net.httpserver.Filter$Chain.doFilter;sun.net.httpserver.AuthFilter.doFilter;";
  private static final String JIT = "thread_native_entry;JavaThread::run;CompileBroker::compiler_thread_loop;"
      + "CompileBroker::invoke_compiler_on_method;C2Compiler::compile_method";
  private static final RunManifest.Application DEFAULT_PACKAGE = new RunManifest.Application("inferred",
      List.of("(default)"), "Main-Class Main of shop.jar");
  private static final double[] SPREAD = {0.0, 0.013, -0.011, 0.019, -0.017};

  @TempDir Path tmp;

  private static ComparisonModel compare(Path b, Path c) throws Exception {
    return ComparisonBuilder.build(ComparisonSideReader.read(b, "baseline"), ComparisonSideReader.read(c, "candidate"),
        CompareOptions.defaults());
  }

  /** Writes n runs of 1,000 requests each (1 ms cpu samples): the stacks' counts with a small deterministic spread. */
  private Path side(String name, int n, Map<String, Long> cpu, Map<String, Long> wall, RunManifest.Application app)
      throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (int i = 0; i < n; i++) {
      double f = 1 + SPREAD[i % SPREAD.length];
      Map<String, Long> stacks = new LinkedHashMap<>();
      cpu.forEach((k, v) -> stacks.put(k, Math.round(v * f)));
      Path run = SyntheticRuns.write(dir, new SyntheticRuns.Spec(String.format("20261208T0%d0000Z-%s-%d", i, name, i + 1),
          name, 10 * f, 20 * f, 40 * f, 1000, 0, stacks, true));
      RunManifest m = Json.readFile(run.resolve("run.json"), RunManifest.class);
      List<RunManifest.ProfiledEvent> events = new ArrayList<>(m.profiler().events());
      if (wall != null) {
        StringBuilder text = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : wall.entrySet()) {
          long count = Math.round(e.getValue() * f);
          text.append(e.getKey()).append(' ').append(count).append('\n');
          total += count;
        }
        Files.writeString(run.resolve("profile/wall.collapsed"), text.toString());
        events.add(new RunManifest.ProfiledEvent("wall", "1ms", 1_000_000L, "samples", "profile/wall.collapsed",
            "profile/wall.html", total));
      }
      RunManifest.Profiler p = m.profiler();
      m = new RunManifest(m.schemaVersion(), m.runId(), m.label(), m.status(), m.validForComparison(), m.invalidReasons(),
          m.target(), m.load(), m.windows(), m.latency(), new RunManifest.Profiler(p.tool(), p.version(), p.cpuEngine(),
          events, p.startEpochMs(), p.stopEpochMs(), p.jfrFile(), p.notes()), m.host(), m.harnessVersion(), m.warnings(),
          m.reproduceCommand(), m.options(), null, null, null, app);
      Json.writeFile(run.resolve("run.json"), m);
    }
    return dir;
  }

  private static Map<String, Long> shop(long sortSamples, long jitSamples) {
    Map<String, Long> s = new LinkedHashMap<>();
    if (sortSamples > 0) {
      s.put(POOL + "Main$Handler.handle;Ranking.topProducts;java.util.Arrays.sort;java.util.DualPivotQuicksort.sort",
          sortSamples * 2 / 3);
      s.put(POOL + "Main$Handler.handle;Ranking.topProducts;java.util.Arrays.sort;java.util.DualPivotQuicksort.insertionSort",
          sortSamples / 3);
    }
    s.put(POOL + "Main$Handler.handle;Ranking.topProducts", 50L);
    s.put(POOL + "Main$Handler.handle;Json.write;java.lang.StringBuilder.append", 500L);
    s.put(POOL + "Main$Handler.handle;Inventory.lookup;java.util.HashMap.get", 400L);
    s.put(JIT, jitSamples);
    return s;
  }

  @Test
  void theSortIsChargedToTheServicesOwnMethodWithTheJdkLeafBesideIt() throws Exception {
    ComparisonModel m = compare(side("baseline", 5, shop(900, 2000), null, DEFAULT_PACKAGE),
        side("candidate", 5, shop(0, 2000), null, DEFAULT_PACKAGE));
    EventComparison cpu = m.profiles().get(0);
    FrameMover first = cpu.appMovers().get(0);
    assertThat(first.frame()).isEqualTo("Ranking.topProducts");
    assertThat(first.deltaPerRequest()).isCloseTo(-0.9, org.assertj.core.data.Offset.offset(0.03));
    assertThat(first.via()).startsWith("java.util.Arrays.sort 100%").contains("leaf java.util.DualPivotQuicksort.sort");
    assertThat(cpu.appMovers()).extracting(FrameMover::frame).doesNotContain("(no application frame)");
    // thread roots, the executor and the HTTP server only pass the change through: the JDK's sort leads
    FrameMover inclusive = cpu.inclusiveMovers().get(0);
    assertThat(inclusive.frame()).isEqualTo("java.util.Arrays.sort");
    assertThat(inclusive.passesThroughTo()).isNull();
    assertThat(cpu.inclusiveMovers()).filteredOn(x -> x.frame().equals("java.lang.Thread.run"))
        .singleElement().extracting(FrameMover::passesThroughTo)
        .isEqualTo("java.util.concurrent.ThreadPoolExecutor$Worker.run");
    assertThat(m.decision().applicationFrames()).startsWith("inferred: (default)");
    assertThat(metric(m, "cpu.app.perRequest").baselineMedian()).isCloseTo(1.85, org.assertj.core.data.Offset.offset(0.01));
    assertThat(ComparisonMarkdown.render(m)).contains("Ranking.topProducts [java.util.Arrays.sort 100%");
  }

  @Test
  void aSpringApplicationsOwnFramesLeadThoughItsPackageLooksLikeALibrary() throws Exception {
    String mvc = "java.lang.Thread.run;org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run;"
        + "org.apache.catalina.connector.CoyoteAdapter.service;org.springframework.web.servlet.DispatcherServlet.doDispatch;"
        + "org.springframework.samples.perfclinic.report.ReportController.report;";
    RunManifest.Application app = new RunManifest.Application("inferred", List.of("org.springframework.samples.perfclinic."),
        "Start-Class org.springframework.samples.perfclinic.PerfClinicApplication of app.jar");
    Map<String, Long> slow = Map.of(
        mvc + "org.springframework.samples.perfclinic.report.ReportService.buildQuadratic;java.lang.StringConcatHelper.simpleConcat",
        1200L, mvc + "org.springframework.web.servlet.view.json.MappingJacksonView.render", 300L);
    Map<String, Long> fixed = Map.of(
        mvc + "org.springframework.samples.perfclinic.report.ReportService.buildWithBuilder;java.lang.StringBuilder.append",
        100L, mvc + "org.springframework.web.servlet.view.json.MappingJacksonView.render", 300L);
    ComparisonModel m = compare(side("baseline", 5, slow, null, app), side("candidate", 5, fixed, null, app));
    List<String> top = m.profiles().get(0).appMovers().stream().map(FrameMover::frame).limit(3).toList();
    assertThat(top.get(0)).isEqualTo("org.springframework.samples.perfclinic.report.ReportService.buildQuadratic");
    assertThat(top).noneMatch(f -> f.startsWith("org.springframework.web."));
    assertThat(metric(m, "cpu.app.perRequest").verdict()).isEqualTo(io.perfharness.reports.stats.Verdict.IMPROVEMENT);
  }

  @Test
  void wallPerRequestCountsRequestTimeNotIdlePoolThreads() throws Exception {
    Map<String, Long> cpu = shop(0, 100);
    String idle = "java.lang.Thread.run;java.util.concurrent.ThreadPoolExecutor$Worker.run;"
        + "java.util.concurrent.ThreadPoolExecutor.runWorker;java.util.concurrent.ThreadPoolExecutor.getTask;"
        + "java.util.concurrent.LinkedBlockingQueue.take;jdk.internal.misc.Unsafe.park;__futex_abstimed_wait_common";
    Map<String, Long> blocking = new LinkedHashMap<>();
    blocking.put(idle, 78_500L); // 78.5 ms of parked pool threads per request: not request time
    blocking.put(POOL + "Main$Handler.handle;InventoryClient.lookupBlocking;java.lang.Thread.sleep;"
        + "__futex_abstimed_wait_common", 1_500L); // 15 ms in 10% of requests
    blocking.put(POOL + "Main$Handler.handle;Json.write", 500L);
    Map<String, Long> cached = new LinkedHashMap<>(blocking);
    cached.remove(POOL + "Main$Handler.handle;InventoryClient.lookupBlocking;java.lang.Thread.sleep;"
        + "__futex_abstimed_wait_common");
    cached.put(idle, 80_000L);
    ComparisonModel m = compare(side("baseline", 5, cpu, blocking, DEFAULT_PACKAGE),
        side("candidate", 5, cpu, cached, DEFAULT_PACKAGE));
    MetricComparison wall = metric(m, "wall.perRequest");
    assertThat(wall.baselineMedian()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.02));
    assertThat(wall.candidateMedian()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    assertThat(wall.verdict()).isEqualTo(io.perfharness.reports.stats.Verdict.IMPROVEMENT);
    EventComparison w = m.profiles().stream().filter(e -> e.event().equals("wall")).findFirst().orElseThrow();
    assertThat(w.appMovers().get(0).frame()).isEqualTo("InventoryClient.lookupBlocking");
    assertThat(w.appMovers().get(0).deltaPerRequest()).isCloseTo(-1.5, org.assertj.core.data.Offset.offset(0.03));
    assertThat(w.baselineTotalPerRequest()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.02));
    assertThat(w.notes()).anyMatch(n -> n.startsWith("wall counts request time only"));
  }

  @Test
  void sidesThatDecidedDifferentRulesAreComparedUnderTheirUnionWithAWarning() throws Exception {
    RunManifest.Application other = new RunManifest.Application("given", List.of("Ranking"), "given with --app (perf.app)");
    ComparisonModel m = compare(side("baseline", 5, shop(900, 2000), null, DEFAULT_PACKAGE),
        side("candidate", 5, shop(0, 2000), null, other));
    assertThat(m.warnings()).anyMatch(w -> w.startsWith("the runs decided different application frames"));
    assertThat(m.profiles().get(0).appMovers().get(0).frame()).isEqualTo("Ranking.topProducts");
  }

  private static MetricComparison metric(ComparisonModel m, String id) {
    return m.metrics().stream().filter(x -> x.metric().id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + id));
  }
}
