package io.perfharness.cli;

import io.perfharness.core.config.ConfigException;
import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.RunConfigParser;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.SampleShopMix;
import io.perfharness.loadtests.launch.RunLauncherPaths;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perf run}: the same single run as {@code mvn gatling:test}, options as flags. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "One profiled, latency-recorded load run; writes runs/<run-id>/ (same as mvn gatling:test).")
final class RunCommand implements Callable<Integer> {
  @Option(names = "--target", description = "sample, sample:fault=NAME[,NAME], cmd:<command with {port}>, url:<base url> (default: sample)")
  String target;

  @Option(names = "--label", description = "run label, part of the run id (default: run)")
  String label;

  @Option(names = "--out", description = "folder for run directories (default: runs)")
  String out;

  @Option(names = "--pid", description = "pid of the JVM behind a url: target, to profile it")
  String pid;

  @Mixin
  LoadFlags load;

  @Override
  public Integer call() {
    Map<String, String> keys = new LinkedHashMap<>(load.keys());
    put(keys, "target", target);
    put(keys, "label", label);
    put(keys, "out", out);
    put(keys, "pid", pid);
    Path home = RunLauncherPaths.home();
    RunConfig config;
    try {
      config = RunConfigParser.parse(keys, home);
    } catch (ConfigException e) {
      System.err.println("perf run: bad options, nothing was started:");
      e.problems().forEach(p -> System.err.println("  " + asFlags(p)));
      return RunOutcome.EXIT_BAD_INPUT;
    }
    try {
      RunOutcome outcome = RunLauncher.runInProcess(config, new SampleShopMix(), gatlingResults(home));
      return outcome.exitCode();
    } catch (RunLauncher.RunFailedException e) {
      return e.exitCode();
    }
  }

  /** Problems name {@code perf.*} keys; on the command line the user typed flags. */
  static String asFlags(String problem) {
    return problem.replace("perf.maxRequests", "perf.max-requests")
        .replace("perf.allowRemote", "perf.allow-remote")
        .replace("perf.startTimeout", "perf.start-timeout")
        .replace("perf.healthPath", "perf.health-path")
        .replace("`perf.", "`--")
        .replace("perf.", "--");
  }

  static Path gatlingResults(Path home) {
    String configured = System.getProperty(RunLauncher.GATLING_RESULTS_PROPERTY);
    return configured != null ? Path.of(configured) : home.resolve("cli").resolve("target").resolve("gatling");
  }

  private static void put(Map<String, String> keys, String key, String value) {
    if (value != null) {
      keys.put(key, value);
    }
  }
}
