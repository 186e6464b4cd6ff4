package io.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {
  /** JMH's options and ours reach the benchmarks JVM unchanged and in order: picocli must not eat any. */
  @Test
  void passesEveryArgumentThroughInOrder(@TempDir Path home) throws Exception {
    List<String> args = List.of("RegexValidationBenchmark.searchQuery", "-p", "fault=faulty,fixed", "-f", "5", "-wi", "1",
        "-w", "200ms", "-i", "2", "-r", "250ms", "--label", "faulty", "--events", "cpu,alloc", "--out", "/tmp/x",
        "-jvmArgsAppend", "-Xmx1g", "-prof", "gc");
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs(args.toArray(String[]::new));
    assertThat(command.args).containsExactlyElementsOf(args);

    Files.createDirectories(home.resolve("benchmarks/target/classes"));
    Files.writeString(home.resolve("benchmarks/target/runtime-classpath.txt"), "/a.jar:/b.jar\n");
    List<String> child = BenchCommand.childCommand(home, command.args);
    assertThat(child.subList(1, 4)).containsExactly("-cp", home.resolve("benchmarks/target/classes") + ":/a.jar:/b.jar",
        BenchCommand.MAIN_CLASS);
    assertThat(child.subList(4, child.size())).containsExactlyElementsOf(args);
  }
}
