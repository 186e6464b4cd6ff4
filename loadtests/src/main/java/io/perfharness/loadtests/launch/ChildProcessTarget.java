package io.perfharness.loadtests.launch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A target JVM we started as a child process; its stdout and stderr go to the run's
 * {@code target.log}. Closing it sends SIGTERM (graceful shutdown) and kills it after a grace
 * period. Mutable: tracks the process.
 */
public final class ChildProcessTarget implements RunningTarget {
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
