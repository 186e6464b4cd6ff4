package io.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerfMainTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void badRunOptionsExitTwoNamingEveryProblemAndStartNothing() {
    int exit = PerfMain.execute("run", "--rate", "fast", "--duration", "ten", "--max-requests", "-1", "--out", tmp.toString());
    assertThat(exit).isEqualTo(2);
    String err = stderr.toString(StandardCharsets.UTF_8);
    assertThat(err).contains("`--rate` was 'fast'").contains("`--duration` was 'ten'").contains("`--max-requests` was '-1'");
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void topAndStacksReadARunsProfilePerRequest() throws Exception {
    RunDirectory dir = runWithCpuProfile("""
        java.lang.Thread.run;com.acme.Api.search;com.acme.Validator.check;java.util.regex.Pattern.compile 70
        java.lang.Thread.run;com.acme.Api.search;org.h2.Query.run 20
        java.lang.Thread.run;java.util.concurrent.Semaphore.acquire 10
        """);
    assertThat(PerfMain.execute("top", dir.root().toString(), "--by", "app", "-n", "2")).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .contains("cpu: top 2 frames by self of 100 samples")
        // 70 samples of 10 ms over 50 requests: 14 ms of CPU per request
        .containsPattern("70\\.00%\\s+70\\.00%\\s+70\\s+70\\s+14\\s+14\\s+com.acme.Validator.check");
    stdout.reset();
    assertThat(PerfMain.execute("stacks", dir.root().toString(), "--frame", "Validator")).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("70 of 100 samples").contains("java.util.regex.Pattern.compile 70");
  }

  @Test
  void queriesOnSomethingThatIsNotARunExitTwo() {
    assertThat(PerfMain.execute("top", tmp.resolve("nope").toString())).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("is not a run directory");
  }

  private RunDirectory runWithCpuProfile(String collapsed) throws Exception {
    RunDirectory dir = RunDirectory.create(tmp, Instant.parse("2026-11-26T00:00:00Z"), "fixture");
    Files.createDirectories(dir.profileDir());
    Files.writeString(dir.collapsedFile("cpu"), collapsed);
    RunManifest.Load load = new RunManifest.Load("open", "steady", 1, "x", "x", 50, 50.0, 50, 50, 50L, 50L, 0L, 0.0, 1000, null);
    RunManifest.Profiler profiler = new RunManifest.Profiler("async-profiler", "4.5", "perf_events",
        List.of(new RunManifest.ProfiledEvent("cpu", "10ms", 10_000_000, "samples", "profile/cpu.collapsed",
            "profile/cpu.html", 100)), 0L, 1L, null, List.of());
    dir.writeManifest(new RunManifest(1, dir.runId(), "fixture", RunManifest.Status.COMPLETE, true, List.of(), null, load,
        null, null, profiler, null, "0.1.0", List.of(), "mvn gatling:test", Map.of()));
    return dir;
  }
}
