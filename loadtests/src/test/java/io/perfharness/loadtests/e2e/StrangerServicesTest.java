package io.perfharness.loadtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.experiment.ExperimentRunner;
import io.perfharness.loadtests.launch.RunLauncherPaths;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.shape.AccessLogReader;
import io.perfharness.loadtests.shape.AccessLogToShape;
import io.perfharness.loadtests.shape.PathTemplater;
import io.perfharness.loadtests.shape.SecretScrubber;
import io.perfharness.loadtests.shape.ShapeFile;
import io.perfharness.loadtests.shape.ShapeFileWriter;
import io.perfharness.reports.compare.CompareOptions;
import io.perfharness.reports.compare.ComparisonModel;
import io.perfharness.reports.compare.ComparisonReport;
import io.perfharness.reports.compare.EventComparison;
import io.perfharness.reports.compare.FrameMover;
import io.perfharness.reports.compare.MetricComparison;
import io.perfharness.reports.stats.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof on services that are not ours: a default-package JDK HttpServer service and a Spring Boot
 * application whose package is under {@code org.springframework.} (both in {@code fixtures/}, started as
 * {@code cmd:} targets from their jars, as a user starts a service the harness has never seen). Each
 * has four planted bottlenecks (cpu, alloc, wall, lock). Their traffic is their own access log turned
 * into a shape file, as a new user would do it. For each target, experiments with planted bottlenecks
 * slow on the baseline side and fixed on the candidate side must, per bottleneck, put the planted method
 * in the top 3 of the first movers list of its event and give IMPROVEMENT on the matching per-request
 * metric; an A/A experiment must claim nothing. Five runs per side. The cpu, alloc and lock bottlenecks
 * share one experiment; the blocking call has its own, because with the lock bottleneck slow too the
 * threads waiting for the lock are rightly the larger change of wall time in requests, and push the
 * blocking call (about 0.5 ms per request) behind them in the wall list.
 */
class StrangerServicesTest {
  private static final int RUNS = 5;
  private static final String JVM_FLAGS = "java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints";
  /** Arrivals per second: the logs' 40/s sped up; enough requests in a short window for the cpu samples. */
  private static final double SPEED = 2.5;

  @TempDir Path out;

  /** A planted bottleneck: the event that shows it, the per-request metric it moves, the planted method. */
  record Planted(String event, String metric, String method) {}

  private static Path home() {
    return RunLauncherPaths.home();
  }

  private static Path jar(String module, String name) {
    Path jar = home().resolve("fixtures").resolve(module).resolve("target").resolve(name);
    assertThat(jar).as("the fixture jar (built by mvn -B verify from the root, or mvn -pl fixtures/%s package)", module)
        .isRegularFile();
    return jar;
  }

  private Path shape(String log, String mapping) throws Exception {
    Path logFile = resource(log);
    ShapeFile shape = AccessLogToShape.convert(List.of(logFile), new AccessLogReader(AccessLogReader.Options.defaults()),
        new AccessLogToShape.Options(1000, 60_000, SPEED, 1, 10_000, 1000, null), new PathTemplater(),
        new SecretScrubber(false));
    Path file = out.resolve(log.replace(".log", ".shape.json"));
    ShapeFileWriter.write(shape, file);
    return file;
  }

  private static Path resource(String name) {
    return home().resolve("loadtests/src/test/resources/stranger").resolve(name);
  }

  /**
   * A mapping that sends every request of the shape to the inventory endpoint, whose slow path blocks for
   * 15 ms on 1 lookup in 10: a blocking call in 10% of requests, 1.5 ms of wall per request.
   */
  private Path inventoryOnly() throws Exception {
    Path file = out.resolve("inventory-only.mapping.json");
    Files.writeString(file, "{\"schemaVersion\":1,\"description\":\"every template to the inventory\","
        + "\"templates\":[],\"routes\":[{\"match\":\"GET **\",\"name\":\"GET /api/inventory/{id}\",\"method\":\"GET\","
        + "\"path\":\"/api/inventory/${int:1:10000}\"}]}");
    return file;
  }

  /**
   * The blocking call's own experiment, every request to the inventory endpoint: the planted method leads
   * the wall list at about 1.5 ms per request (15 ms in 10% of requests, the wall interval's sampling
   * error about 11% per run), wall per request is an IMPROVEMENT.
   */
  private void assertTheBlockingCallIsFound(String label, String slow, String fixed, Path shape, String method)
      throws Exception {
    ComparisonModel m = compare(experiment(label, slow, fixed, shape, inventoryOnly().toString(), "wall"));
    assertEveryPlantedBottleneckIsFound(m, List.of(new Planted("wall", "wall.perRequest", method)));
    FrameMover blocking = event(m, "wall").appMovers().stream().filter(x -> x.frame().equals(method)).findFirst()
        .orElseThrow();
    System.out.printf(java.util.Locale.ROOT, "%s: %.3f -> %.3f wall-ms/request%n", method, blocking.baselinePerRequest(),
        blocking.candidatePerRequest());
    assertThat(blocking.baselinePerRequest()).as("wall ms per request under %s", method).isBetween(1.5 * 0.7, 1.5 * 1.4);
  }

  private ExperimentRunner.Result experiment(String label, String baseline, String candidate, Path shape, String mapping,
      String events) throws Exception {
    Map<String, String> options = new HashMap<>();
    options.put("shape", shape.toString());
    options.put("map", mapping.endsWith(".json") && Path.of(mapping).isAbsolute() ? mapping : resource(mapping).toString());
    options.put("events", events);
    options.put("warmup", "5s");
    options.put("duration", "10s");
    ExperimentRunner runner = new ExperimentRunner(
        config -> RunLauncher.runInProcess(config, null, out.resolve("gatling-results")), Clock.systemUTC(), System.out);
    return runner.run(new ExperimentRunner.Request("experiment", label, baseline, candidate, RUNS, options, out, 2), out);
  }

  private static ComparisonModel compare(ExperimentRunner.Result r) throws Exception {
    ComparisonModel m = ComparisonReport.compareAndWrite(r.baselineDir(), r.candidateDir(), r.directory(),
        CompareOptions.defaults(), System.out);
    System.out.println(Files.readString(r.directory().resolve(ComparisonReport.MARKDOWN)));
    return m;
  }

  private static MetricComparison metric(ComparisonModel m, String id) {
    return m.metrics().stream().filter(x -> x.metric().id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + id));
  }

  private static EventComparison event(ComparisonModel m, String event) {
    return m.profiles().stream().filter(x -> x.event().equals(event)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + event + " profile diff"));
  }

  private static RunManifest.Application rule(Path side) throws Exception {
    try (var runs = Files.list(side)) {
      Path run = runs.filter(p -> Files.isRegularFile(p.resolve("run.json"))).findFirst().orElseThrow();
      return RunDirectory.open(run).readManifest().application();
    }
  }

  private static void assertEveryPlantedBottleneckIsFound(ComparisonModel fix, List<Planted> planted) {
    assertThat(fix.baseline().runs()).as("valid baseline runs").isGreaterThanOrEqualTo(RUNS);
    assertThat(fix.candidate().runs()).as("valid candidate runs").isGreaterThanOrEqualTo(RUNS);
    for (Planted p : planted) {
      List<String> top3 = event(fix, p.event()).appMovers().stream().map(FrameMover::frame).limit(3).toList();
      assertThat(top3).as("top 3 %s movers", p.event()).contains(p.method());
      assertThat(metric(fix, p.metric()).verdict()).as(p.metric()).isEqualTo(Verdict.IMPROVEMENT);
    }
  }

  private static void assertClaimsNothing(ComparisonModel aa) {
    assertThat(aa.baseline().runs() + aa.candidate().runs()).isGreaterThanOrEqualTo(2 * RUNS - 1);
    assertThat(aa.metrics()).as("A/A verdicts").noneMatch(m -> m.verdict() == Verdict.REGRESSION
        || m.verdict() == Verdict.IMPROVEMENT);
    for (EventComparison e : aa.profiles()) {
      for (List<FrameMover> movers : List.of(e.appMovers(), e.inclusiveMovers(), e.selfMovers())) {
        assertThat(movers).as("A/A %s movers", e.event()).noneMatch(x -> x.test().equals("significant"));
      }
    }
  }

  @Test
  void aDefaultPackageServicesPlantedBottlenecksAreNamedAndTheirFixesProven() throws Exception {
    String jar = jar("default-package-service", "perf-fixture-default-package.jar").toString();
    String fixed = "cmd:" + JVM_FLAGS + " -jar " + jar + " --port={port}";
    Path shape = shape("default-package-access.log", "default-package.mapping.json");

    String mapping = "default-package.mapping.json";
    ExperimentRunner.Result r = experiment("default-package", fixed + " --slow=cpu,alloc,lock", fixed, shape, mapping,
        "cpu,alloc,lock");
    assertThat(rule(r.baselineDir())).satisfies(a -> {
      assertThat(a.kind()).isEqualTo("inferred");
      assertThat(a.prefixes()).containsExactly("(default)");
    });
    assertEveryPlantedBottleneckIsFound(compare(r), List.of(
        new Planted("cpu", "cpu.app.perRequest", "ReportBuilder.buildQuadratic"),
        new Planted("alloc", "alloc.app.perRequest", "ExportFormatter.formatWithFreshBuffers"),
        new Planted("lock", "lock.perRequest", "PriceBook.repriceUnderGlobalLock")));
    assertTheBlockingCallIsFound("default-package-wall", fixed + " --slow=wall", fixed, shape,
        "InventoryClient.lookupBlocking");

    assertClaimsNothing(compare(experiment("default-package-aa", fixed, fixed, shape, mapping, "cpu,alloc,lock,wall")));
  }

  @Test
  void aSpringApplicationUnderOrgSpringframeworkIsDiagnosedAsTheApplication() throws Exception {
    String jar = jar("spring-boot-service", "perf-fixture-spring-boot.jar").toString();
    String fixed = "cmd:" + JVM_FLAGS + " -jar " + jar + " --server.port={port}";
    Path shape = shape("spring-boot-access.log", "spring-boot.mapping.json");
    String app = "org.springframework.samples.perfclinic.";

    String mapping = "spring-boot.mapping.json";
    ExperimentRunner.Result r = experiment("spring-boot", fixed + " --perf.slow=cpu,alloc,lock", fixed, shape, mapping,
        "cpu,alloc,lock");
    assertThat(rule(r.baselineDir())).satisfies(a -> {
      assertThat(a.kind()).isEqualTo("inferred");
      assertThat(a.prefixes()).containsExactly(app);
      assertThat(a.source()).contains("Start-Class " + app + "PerfClinicApplication");
    });
    ComparisonModel fix = compare(r);
    assertEveryPlantedBottleneckIsFound(fix, List.of(
        new Planted("cpu", "cpu.app.perRequest", app + "report.ReportService.buildQuadratic"),
        new Planted("alloc", "alloc.app.perRequest", app + "export.ExportFormatter.formatWithFreshBuffers"),
        new Planted("lock", "lock.perRequest", app + "pricing.PriceBook.repriceUnderGlobalLock")));
    // the framework's own dispatch never leads, though its package looks like the application's
    assertThat(event(fix, "cpu").appMovers().get(0).frame()).startsWith(app);
    assertTheBlockingCallIsFound("spring-boot-wall", fixed + " --perf.slow=wall", fixed, shape,
        app + "inventory.InventoryClient.lookupBlocking");

    assertClaimsNothing(compare(experiment("spring-boot-aa", fixed, fixed, shape, mapping, "cpu,alloc,lock,wall")));
  }
}
