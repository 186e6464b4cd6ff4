package io.perfharness.loadtests.launch;

import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.TargetSpec;
import io.perfharness.service.faults.Fault;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Turns a {@link TargetSpec} into a {@link RunningTarget}: starts the sample service or a user
 * command as a child process on a free loopback port, or adopts a running {@code url:} service.
 * Does not wait for readiness; {@link HealthWaiter} does.
 */
public final class TargetLauncher {
  /** The sample service's entry point; started from this JVM's own class path. */
  public static final String SAMPLE_MAIN = "io.perfharness.service.ShopServiceMain";
  /** Where a target JVM we start writes its heap dump when it runs out of memory, inside the run directory. */
  public static final String HEAP_DUMP_FILE = "heap/oom.hprof";

  private TargetLauncher() {}

  /** Decides port, URL and command without starting anything; checks the loopback rule. */
  public static TargetPlan plan(RunConfig config, Path runDir) throws TargetException {
    TargetSpec spec = config.target();
    if (spec instanceof TargetSpec.Url url) {
      LoopbackGuard.check(url.baseUrl(), config.allowRemote());
      if (config.pid().isPresent()) {
        long pid = config.pid().getAsLong();
        if (ProcessHandle.of(pid).map(ph -> !ph.isAlive()).orElse(true)) {
          throw new TargetException("`perf.pid` " + pid + " is not a running process on this machine;"
              + " give the pid of the JVM that serves " + url.baseUrl() + " (jps -l lists them)");
        }
      }
      return new TargetPlan("url", url.baseUrl(), List.of(), config.pid());
    }
    int port = freeLoopbackPort();
    URI baseUrl = URI.create("http://127.0.0.1:" + port);
    if (spec instanceof TargetSpec.Sample sample) {
      sample.faults().forEach(Fault::fromCliName); // unknown name: IllegalArgumentException listing the known ones
      return new TargetPlan("sample", baseUrl, sampleCommand(port, sample.faults(), runDir), OptionalLong.empty());
    }
    List<String> command = new ArrayList<>();
    for (String arg : ((TargetSpec.Command) spec).argv()) {
      command.add(arg.replace("{port}", Integer.toString(port)));
    }
    return new TargetPlan("cmd", baseUrl, withOutOfMemoryFlags(command, runDir), OptionalLong.empty());
  }

  /** Starts the planned child (output to {@code logFile}) or adopts the running service. */
  public static RunningTarget launch(TargetPlan plan, Path logFile) throws TargetException {
    if (!plan.startsChild()) {
      return new ExternalTarget(plan.baseUrl(), plan.pid());
    }
    return ChildProcessTarget.start(plan.command(), plan.baseUrl(), logFile);
  }

  static List<String> sampleCommand(int port, List<String> faults, Path runDir) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    // without it, async-profiler can only attribute samples to safepoint-biased frames
    command.add("-XX:+UnlockDiagnosticVMOptions");
    command.add("-XX:+DebugNonSafepoints");
    command.addAll(outOfMemoryFlags(runDir));
    command.add("-cp");
    command.add(sampleClasspath());
    command.add(SAMPLE_MAIN);
    command.add("--host=127.0.0.1");
    command.add("--port=" + port);
    if (!faults.isEmpty()) {
      command.add("--fault=" + String.join(",", faults));
    }
    return command;
  }

  /** The heap dump a target JVM we start writes on OutOfMemoryError: {@code <runDir>/heap/oom.hprof}. */
  public static Path heapDumpPath(Path runDir) {
    return runDir.resolve(HEAP_DUMP_FILE);
  }

  /**
   * Flags that prepare a target JVM for the worst: a heap dump into the run directory on the first
   * OutOfMemoryError, then exit (code 3) rather than limp on with threads dying one by one, so a soak
   * run ends cleanly and points at the dump. The JVM writes the dump before it exits.
   */
  static List<String> outOfMemoryFlags(Path runDir) {
    return List.of("-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + heapDumpPath(runDir),
        "-XX:+ExitOnOutOfMemoryError");
  }

  /**
   * A {@code cmd:} target that starts a JVM ({@code java} or {@code java.exe}, any path) gets the
   * out-of-memory flags right after the launcher; a user's own choice of any of them is left alone, and
   * a command that is not a java launcher (a script) is returned as is.
   */
  static List<String> withOutOfMemoryFlags(List<String> command, Path runDir) {
    if (command.isEmpty() || !isJavaLauncher(command.get(0))) {
      return command;
    }
    for (String arg : command) {
      if (arg.startsWith("-XX:+HeapDumpOnOutOfMemoryError") || arg.startsWith("-XX:-HeapDumpOnOutOfMemoryError")
          || arg.startsWith("-XX:HeapDumpPath=") || arg.contains("ExitOnOutOfMemoryError")
          || arg.contains("CrashOnOutOfMemoryError")) {
        return command;
      }
    }
    List<String> prepared = new ArrayList<>();
    prepared.add(command.get(0));
    prepared.addAll(outOfMemoryFlags(runDir));
    prepared.addAll(command.subList(1, command.size()));
    return prepared;
  }

  static boolean isJavaLauncher(String program) {
    String name = Path.of(program).getFileName().toString();
    return name.equals("java") || name.equals("java.exe");
  }

  /**
   * The sample service's own class path when the build wrote it ({@code
   * service/target/runtime-classpath.txt}, next to {@code service/target/classes}), so the target
   * carries none of the generator's jars; else this JVM's class path (a packaged CLI).
   */
  static String sampleClasspath() {
    String explicit = System.getProperty("perf.internal.sampleClasspath");
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    Path service = RunLauncherPaths.home().resolve("service").resolve("target");
    Path listFile = service.resolve("runtime-classpath.txt");
    Path classes = service.resolve("classes");
    try {
      if (Files.isRegularFile(listFile) && Files.isDirectory(classes)) {
        String deps = Files.readString(listFile).strip();
        return classes + (deps.isEmpty() ? "" : File.pathSeparator + deps);
      }
    } catch (IOException e) {
      // fall through to our own class path, which also holds the service
    }
    return System.getProperty("java.class.path");
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A port that was free a moment ago; the child binds it right after. */
  static int freeLoopbackPort() throws TargetException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new TargetException("cannot find a free loopback port: " + e.getMessage(), e);
    }
  }
}
