package io.perfharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perf diff} on files written by other tools, and on malformed ones. */
class DiffCommandTest {
  @TempDir Path tmp;

  /** {@code testdata/realdata/stacks} of the checkout, or {@code shared/realdata/stacks} beside a folder above it. */
  private static Path realdata(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path copy = dir.resolve("testdata/realdata/stacks"); // the repository's own copy (testdata/README.md)
      if (Files.isDirectory(copy)) {
        return copy.resolve(name);
      }
      Path stacks = dir.resolveSibling("shared").resolve("realdata").resolve("stacks");
      if (Files.isDirectory(stacks)) {
        return stacks.resolve(name);
      }
    }
    throw new IllegalStateException("shared/realdata not found beside any folder above " + Path.of("").toAbsolutePath());
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = PerfMain.execute(args);
      return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void theKafkaBackToBackPairIsDiffedAfterNormalizationAndClaimsNothing() {
    String dir = "jfr-parser-variant/";
    Result r = run("diff", "--format", "jfr-parser",
        realdata(dir + "cortex-dev-01__kafka-0__cpu__0_0_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz").toString(),
        realdata(dir + "cortex-dev-01__kafka-0__cpu__1_0_process_cpu_cpu__nanoseconds_expected_collapsed.txt.gz").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("descriptive only, no significance test")
        .contains("./tmp/snappy-1.1.8-*-libsnappyjava.so") // the per-JVM UUID is normalized away
        .doesNotContainPattern("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}")
        .doesNotContain("significant");
  }

  @Test
  void flameGraphOutputsAreRead() {
    Result r = run("diff", realdata("FlameGraph_perf-java-stacks-01-collapsed-all.txt").toString(),
        realdata("FlameGraph_perf-vertx-stacks-01-collapsed-all.txt").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("by inclusive share:").contains("[vanished]").contains("[appeared]");
  }

  @Test
  void aMalformedLineIsNamedWithFileAndLine() throws Exception {
    Path bad = tmp.resolve("bad.collapsed");
    Files.writeString(bad, "a;b 3\nno count here\n");
    Result r = run("diff", bad.toString(), bad.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(bad + ":2:").contains("no count here");
  }
}
