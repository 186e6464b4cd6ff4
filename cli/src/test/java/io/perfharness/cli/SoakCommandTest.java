package io.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code perf soak} checks its options before anything starts, naming flags as the user typed them. */
class SoakCommandTest {
  @TempDir Path tmp;

  @Test
  void badOptionsAreReportedAllAtOnceAsFlagsWithExitTwo() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = new CommandLine(new SoakCommand()).execute("--target", "sample", "--histo-interval", "500ms",
          "--duration", "forever", "--out", tmp.toString());
    } finally {
      System.setErr(saved);
    }
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("perf soak: bad options, nothing was started:")
        .contains("`--histo-interval` was '500ms' but it must be at least 1s")
        .contains("`--duration` was 'forever'");
    try (var files = Files.list(tmp)) {
      assertThat(files).isEmpty();
    }
  }
}
