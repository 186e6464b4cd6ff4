package io.perfharness.loadtests.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.config.RunConfigParser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target JVM the harness starts is prepared for the worst: on OutOfMemoryError it writes its heap dump
 * into the run directory and exits, and the harness tells that death from others.
 */
class OutOfMemoryTargetTest {
  @TempDir Path runDir;

  @Test
  void aJavaCommandThatRunsOutOfMemoryLeavesItsDumpAndIsDetected() throws Exception {
    Path classes = Path.of(OomChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = TargetLauncher.withOutOfMemoryFlags(List.of(TargetLauncher.javaExecutable(),
        "-Xmx16m", "-XX:+UseSerialGC", "-cp", classes.toString(), OomChild.class.getName()), runDir);
    try (ChildProcessTarget target = ChildProcessTarget.start(command, URI.create("http://127.0.0.1:1"),
        runDir.resolve("target.log"))) {
      assertThat(target.heapDumpPath()).contains(runDir.resolve("heap/oom.hprof"));
      assertThat(target.awaitExit(Duration.ofSeconds(60))).as(target.logTail(20)).isTrue();

      ChildProcessTarget.OutOfMemoryDeath death = target.outOfMemoryDeath().orElseThrow(
          () -> new AssertionError("not detected as OOM: exit " + target.exitCode() + "\n" + target.logTail(20)));
      assertThat(death.exitCode()).isEqualTo(3); // -XX:+ExitOnOutOfMemoryError
      assertThat(death.errorLine()).contains("java.lang.OutOfMemoryError").contains("Java heap space");
      assertThat(death.heapDumpPath()).isEqualTo(TargetLauncher.heapDumpPath(runDir));
      assertThat(death.heapDumpWritten()).isTrue();
      assertThat(Files.size(death.heapDumpPath())).isGreaterThan(1_000_000);
      assertThat(target.logTail(20)).contains("Heap dump file created");
    }
  }

  @Test
  void anotherDeathOrARunningTargetIsNotAnOutOfMemoryDeath() throws Exception {
    List<String> fails = TargetLauncher.withOutOfMemoryFlags(List.of(TargetLauncher.javaExecutable(),
        "-cp", "/nonexistent", "NoSuchMain"), runDir);
    try (ChildProcessTarget target = ChildProcessTarget.start(fails, URI.create("http://127.0.0.1:1"),
        runDir.resolve("fails.log"))) {
      assertThat(target.awaitExit(Duration.ofSeconds(60))).isTrue();
      assertThat(target.exitCode()).isNotZero();
      assertThat(target.outOfMemoryDeath()).isEmpty();
    }
  }

  @Test
  void cmdTargetsThatStartJavaGetTheFlagsAfterTheLauncherAndScriptsDoNot() throws Exception {
    TargetPlan plan = TargetLauncher.plan(RunConfigParser.parse(Map.of("target",
        "cmd:/usr/lib/jvm/bin/java -Xmx64m -jar app.jar --port={port}"), runDir), runDir);
    List<String> command = plan.command();
    assertThat(command.subList(0, 4)).containsExactly("/usr/lib/jvm/bin/java", "-XX:+HeapDumpOnOutOfMemoryError",
        "-XX:HeapDumpPath=" + runDir.resolve("heap/oom.hprof"), "-XX:+ExitOnOutOfMemoryError");
    assertThat(command.subList(4, command.size())).containsExactly("-Xmx64m", "-jar", "app.jar",
        "--port=" + plan.baseUrl().getPort());

    TargetPlan script = TargetLauncher.plan(RunConfigParser.parse(Map.of("target", "cmd:./start.sh {port}"), runDir),
        runDir);
    assertThat(script.command()).containsExactly("./start.sh", Integer.toString(script.baseUrl().getPort()));
  }

  @Test
  void aUsersOwnOutOfMemoryChoiceIsLeftAlone() {
    List<String> own = List.of("java", "-XX:HeapDumpPath=/var/dumps", "-jar", "app.jar");
    assertThat(TargetLauncher.withOutOfMemoryFlags(own, runDir)).isEqualTo(own);
    List<String> sample = TargetLauncher.sampleCommand(8080, List.of(), runDir);
    assertThat(sample).contains("-XX:+HeapDumpOnOutOfMemoryError", "-XX:+ExitOnOutOfMemoryError",
        "-XX:HeapDumpPath=" + TargetLauncher.heapDumpPath(runDir));
    assertThat(ChildProcessTarget.heapDumpPathOf(new ArrayList<>(sample))).contains(runDir.resolve("heap/oom.hprof"));
  }
}
