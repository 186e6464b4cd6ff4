package io.perfharness.loadtests.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.config.RunConfigParser;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.SampleShopMix;
import io.perfharness.profiling.heap.ClassHistogram;
import io.perfharness.profiling.query.ApplicationFrames;
import io.perfharness.profiling.query.CostOrder;
import io.perfharness.profiling.query.FrameCost;
import io.perfharness.profiling.query.FrameCostTable;
import io.perfharness.profiling.query.QueryTextRenderer;
import io.perfharness.profiling.query.TopFrames;
import io.perfharness.profiling.remote.AsyncProfilerAgentJar;
import io.perfharness.profiling.remote.JmxConnection;
import io.perfharness.profiling.remote.RemoteAsyncProfiler;
import io.perfharness.profiling.remote.RemoteJvmFacts;
import io.perfharness.reports.profile.RunProfile;
import io.perfharness.service.ShopServiceMain;
import io.perfharness.service.faults.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM the harness did not start and cannot attach to by pid, reached only over JMX
 * ({@code jmx:HOST:PORT,url:...}), as a container would be: the sample service with the cpu-regex
 * fault, started by the image's own {@code docker/entrypoint.sh} (async-profiler's Java agent, idle,
 * and JMX; here with local paths and bound to loopback). The
 * harness profiles it remotely during a real run and must name the same culprit as the attach path
 * ({@code FaultsAreFoundTest}); heap, GC, threads and a class histogram are read over JMX too.
 */
class RemoteJmxTargetTest {
  private static final Path ENTRYPOINT = Path.of("..", "docker", "entrypoint.sh");
  private static final Pattern LISTENING = Pattern.compile("\"event\":\"listening\",\"port\":(\\d+)");

  @TempDir Path out;

  @Test
  void cpuRegexIsFoundThroughJmxAndTheTargetIsLeftRunningIdle() throws Exception {
    Fault fault = Fault.CPU_REGEX;
    AsyncProfilerAgentJar.AgentFiles agent = AsyncProfilerAgentJar.write(out.resolve("agent"));
    int jmxPort = freePort();
    // the container's own start script, with local paths and loopback instead of the image's
    ProcessBuilder builder = new ProcessBuilder("sh", ENTRYPOINT.toString());
    Map<String, String> env = builder.environment();
    env.put("AP_DIR", agent.agentJar().getParent().toAbsolutePath().toString());
    env.put("SHOP_CLASSPATH", System.getProperty("java.class.path"));
    env.put("SHOP_HOST", "127.0.0.1");
    env.put("SHOP_PORT", "0");
    env.put("SHOP_FAULTS", fault.cliName());
    env.put("JMX_PORT", Integer.toString(jmxPort));
    env.put("JMX_HOSTNAME", "127.0.0.1");
    env.put("DUMP_DIR", out.toString());
    env.put("JAVA_BIN", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    env.put("JAVA_OPTS", "-Dcom.sun.management.jmxremote.host=127.0.0.1 -Xmx512m");
    Path log = out.resolve("service.log");
    Process service = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      int httpPort = awaitListening(service, log);
      String target = "jmx:127.0.0.1:" + jmxPort + ",url:http://127.0.0.1:" + httpPort;
      RunOutcome outcome = RunLauncher.runInProcess(RunConfigParser.parse(Map.of("target", target,
              "events", "cpu", "warmup", "10s", "duration", "15s", "label", "remote-jmx",
              "out", out.toString()), out),
          new SampleShopMix(), out.resolve("gatling-results"));

      assertThat(outcome.status()).isEqualTo(RunManifest.Status.COMPLETE);
      RunDirectory dir = outcome.directory();
      RunManifest manifest = dir.readManifest();
      assertThat(manifest.target().startedByHarness()).isFalse();
      assertThat(manifest.target().pid()).isNull();
      assertThat(manifest.profiler().version()).isEqualTo("4.5");
      assertThat(manifest.profiler().cpuEngine()).isIn("perf_events", "ctimer");
      assertThat(manifest.profiler().notes()).anyMatch(n -> n.startsWith("profiled over JMX at 127.0.0.1:" + jmxPort));
      assertThat(manifest.profiler().events()).singleElement().satisfies(e -> {
        assertThat(e.name()).isEqualTo("cpu");
        assertThat(e.totalCount()).isPositive();
      });
      assertThat(dir.profileDir().resolve("cpu.html")).content().contains("<html");
      // the timeline's JVM columns come over the same JMX port (no pid, no attach)
      assertThat(manifest.warnings()).noneMatch(w -> w.contains("JMX"));
      assertThat(dir.timelineFile()).content().containsPattern("\\n\\d+,[\\d.]+,measure,\\d+,\\d+,");

      RunProfile profile = RunProfile.load(dir, manifest, "cpu");
      TopFrames app = FrameCostTable.of(ApplicationFrames.view(profile.profile(), profile.event(), profile.applicationRule())).top(4, CostOrder.SELF);
      System.out.println(QueryTextRenderer.renderTop(profile.event(), app, profile.cost()));
      List<String> top3 = app.rows().stream().map(FrameCost::frame)
          .filter(f -> !f.equals(ApplicationFrames.OUTSIDE)).limit(3).toList();
      assertThat(top3).as("top application frames of cpu over JMX in %s", dir.root()).contains(fault.culpritMethod());

      assertThat(service.isAlive()).as("a target we did not start is never stopped").isTrue();
      try (JmxConnection jmx = JmxConnection.connect("127.0.0.1", jmxPort)) {
        assertThat(new RemoteAsyncProfiler(jmx).isActive()).as("the profiler is stopped after the run").isFalse();
        RemoteJvmFacts facts = new RemoteJvmFacts(jmx);
        RemoteJvmFacts.Snapshot snapshot = facts.snapshot();
        assertThat(snapshot.heapUsedBytes()).isPositive();
        assertThat(snapshot.liveThreads()).isGreaterThan(10);
        ClassHistogram histogram = facts.classHistogram(Instant.now());
        assertThat(histogram.entries()).anyMatch(e -> e.className().startsWith("io.perfharness.service."));
      }
    } finally {
      service.destroy();
      service.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private static int awaitListening(Process service, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new IllegalStateException("the service exited with " + service.exitValue() + ":\n" + Files.readString(log));
      }
      Matcher listening = LISTENING.matcher(Files.readString(log));
      if (listening.find()) {
        return Integer.parseInt(listening.group(1));
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the service did not listen within 120 s:\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
