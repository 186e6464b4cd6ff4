package io.perfharness.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code perf bench [JMH options] --label L [--events cpu,alloc] [--out DIR] [--cpu-interval 1ms]}: JMH
 * with async-profiler in every fork, one run directory per fork (docs/benchmarks.md). The benchmarks
 * live in their own module with JMH's generated code and the sample service on their class path, so
 * this command starts {@code io.perfharness.benchmarks.run.PerfBenchMain} in a child JVM on that class
 * path (building the module first when it is missing or older than its sources) and passes every
 * argument through unchanged; the child's exit code is ours.
 */
@Command(name = "bench",
    description = "JMH microbenchmarks with async-profiler in every fork (measured iterations only): "
        + "<out>/<label>/jmh-result.json and one run directory per fork, for perf compare. "
        + "Arguments: [JMH options] --label L [--events cpu,alloc,lock,wall] [--out DIR] [--cpu-interval 1ms].")
final class BenchCommand implements Callable<Integer> {
  static final String MAIN_CLASS = "io.perfharness.benchmarks.run.PerfBenchMain";
  /** Sources the benchmarks class path is built from: a newer file means a rebuild. */
  private static final List<String> SOURCE_DIRS =
      List.of("benchmarks/src/main", "benchmarks/pom.xml", "service/src/main", "core/src/main", "profiling/src/main",
          "loadtests/src/main/java/io/perfharness/loadtests/shape");

  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    Path home = Path.of(System.getProperty("perf.internal.home", ".")).toAbsolutePath().normalize();
    try {
      if (needsBuild(home)) {
        System.err.println("perf bench: building the benchmarks (mvn -q -B -Dmaven.test.skip=true install -pl benchmarks -am) ...");
        int built = new ProcessBuilder("mvn", "-q", "-B", "-Dmaven.test.skip=true", "install", "-pl", "benchmarks", "-am")
            .directory(home.toFile()).inheritIO().start().waitFor();
        if (built != 0) {
          System.err.println("perf bench: the benchmarks module did not build (mvn exit " + built + "); fix the build"
              + " and run again");
          return 3;
        }
        Files.writeString(stamp(home), "", StandardCharsets.UTF_8);
      }
      Process child = new ProcessBuilder(childCommand(home, args)).inheritIO().start();
      try {
        return child.waitFor();
      } catch (InterruptedException e) {
        child.destroy(); // the child stops its profilers in its own shutdown hooks
        Thread.currentThread().interrupt();
        return 3;
      }
    } catch (IOException | InterruptedException e) {
      System.err.println("perf bench: could not start the benchmarks JVM: " + e);
      return 3;
    }
  }

  /** {@code java -cp <benchmarks classes and dependencies> PerfBenchMain ARGS}. */
  static List<String> childCommand(Path home, List<String> args) throws IOException {
    String dependencies = Files.readString(classpathFile(home), StandardCharsets.UTF_8).strip();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", home.resolve("benchmarks/target/classes") + File.pathSeparator + dependencies, MAIN_CLASS));
    cmd.addAll(args);
    return cmd;
  }

  private static Path classpathFile(Path home) {
    return home.resolve("benchmarks/target/runtime-classpath.txt");
  }

  private static Path stamp(Path home) {
    return home.resolve("benchmarks/target/.perf-bench-built");
  }

  static boolean needsBuild(Path home) throws IOException {
    if (!Files.isRegularFile(classpathFile(home)) || !Files.isDirectory(home.resolve("benchmarks/target/classes"))) {
      return true;
    }
    if (!Files.isRegularFile(stamp(home))) {
      return true; // built by mvn or bench/jmh.sh, not by us: its age is unknown, so build once
    }
    FileTime built = Files.getLastModifiedTime(stamp(home));
    for (String dir : SOURCE_DIRS) {
      Path root = home.resolve(dir);
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        boolean newer = files.filter(Files::isRegularFile).anyMatch(f -> {
          try {
            return Files.getLastModifiedTime(f).compareTo(built) > 0;
          } catch (IOException e) {
            return true;
          }
        });
        if (newer) {
          return true;
        }
      }
    }
    return false;
  }
}
