package io.perfharness.loadtests.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A target JVM we started as a child process; its stdout and stderr go to the run's
 * {@code target.log}. Closing it sends SIGTERM (graceful shutdown) and kills it after a grace
 * period. Mutable: tracks the process.
 */
public final class ChildProcessTarget implements RunningTarget {
  /** What the JVM prints when it runs out of memory (with or without ExitOnOutOfMemoryError). */
  static final String OUT_OF_MEMORY_MARKER = "java.lang.OutOfMemoryError";
  private static final String HEAP_DUMP_PATH_FLAG = "-XX:HeapDumpPath=";
  private static final long GRACE_MILLIS = 10_000;
  private final Process process;
  private final URI baseUrl;
  private final List<String> command;
  private final Path logFile;

  private ChildProcessTarget(Process process, URI baseUrl, List<String> command, Path logFile) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.command = List.copyOf(command);
    this.logFile = logFile;
  }

  /**
   * Starts the command with stdout and stderr appended to {@code logFile}. The caller must stop it;
   * a run does so from its own shutdown hook, after detaching the profiler (a hook of ours here
   * would race with that and could kill the target before its recording is complete).
   */
  public static ChildProcessTarget start(List<String> command, URI baseUrl, Path logFile)
      throws TargetException {
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Optional<Path> heapDump = heapDumpPathOf(command);
      if (heapDump.isPresent()) {
        // the JVM does not create the folder of its dump; without it the dump fails when it matters
        Files.createDirectories(heapDump.get().toAbsolutePath().getParent());
      }
      ProcessBuilder pb = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      pb.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      Process process = pb.start();
      return new ChildProcessTarget(process, baseUrl, command, logFile);
    } catch (IOException e) {
      throw new TargetException("cannot start the target command " + command + ": " + e.getMessage()
          + "; check that the program exists and is executable", e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  @Override
  public URI baseUrl() {
    return baseUrl;
  }

  @Override
  public OptionalLong pid() {
    return OptionalLong.of(process.pid());
  }

  @Override
  public List<String> command() {
    return command;
  }

  @Override
  public boolean startedByHarness() {
    return true;
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public Integer exitCode() {
    return process.isAlive() ? null : process.exitValue();
  }

  public Path logFile() {
    return logFile;
  }

  /**
   * How a target that ended died of OutOfMemoryError, for the run to say so and point at the dump.
   *
   * @param exitCode the process's exit code (3 with -XX:+ExitOnOutOfMemoryError)
   * @param errorLine the first line of its output naming {@code java.lang.OutOfMemoryError}
   * @param heapDumpPath where the JVM was told to write its dump, null when it was not told
   * @param heapDumpWritten whether that file exists
   */
  public record OutOfMemoryDeath(int exitCode, String errorLine, Path heapDumpPath, boolean heapDumpWritten) {}

  /** The heap dump path the command gives the JVM ({@code -XX:HeapDumpPath=}), if it gives one. */
  public Optional<Path> heapDumpPath() {
    return heapDumpPathOf(command);
  }

  static Optional<Path> heapDumpPathOf(List<String> command) {
    return command.stream().filter(arg -> arg.startsWith(HEAP_DUMP_PATH_FLAG))
        .map(arg -> Path.of(arg.substring(HEAP_DUMP_PATH_FLAG.length()))).reduce((first, last) -> last);
  }

  /**
   * Present when the process has ended with a non-zero exit code and its output names
   * {@code java.lang.OutOfMemoryError}; empty while it runs, after a clean exit, or for another death.
   */
  public Optional<OutOfMemoryDeath> outOfMemoryDeath() {
    if (process.isAlive() || process.exitValue() == 0) {
      return Optional.empty();
    }
    Optional<String> line = firstOutOfMemoryLine(logFile);
    if (line.isEmpty()) {
      return Optional.empty();
    }
    Path dump = heapDumpPath().orElse(null);
    return Optional.of(new OutOfMemoryDeath(process.exitValue(), line.get(), dump,
        dump != null && Files.isRegularFile(dump)));
  }

  static Optional<String> firstOutOfMemoryLine(Path logFile) {
    try (Stream<String> lines = Files.lines(logFile, StandardCharsets.ISO_8859_1)) {
      // ISO-8859-1 never fails to decode, whatever bytes the target wrote
      return lines.filter(l -> l.contains(OUT_OF_MEMORY_MARKER)).map(String::strip).findFirst();
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** Waits up to {@code timeout} for the process to end; true when it has. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The last lines of the target's output, for error messages. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile);
      List<String> tail = new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
      return String.join("\n", tail);
    } catch (IOException e) {
      return "(no output recorded: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy(); // SIGTERM: the service shuts down gracefully
    try {
      if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
