package io.perfharness.cli;

import io.perfharness.core.config.ConfigException;
import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.RunConfigParser;
import io.perfharness.loadtests.launch.RunLauncherPaths;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.schedule.SampleShopMix;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code perf soak}: a normal run plus the heap sampler (class histogram, heap after GC, threads, pool,
 * open files every {@code --histo-interval}), then the leak analysis in {@code soak.json} and SUMMARY.md.
 * The same as {@code mvn gatling:test -Dperf.shape=soak} (or any shape with {@code -Dperf.histoInterval=15s}).
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = "A long run with leak tracking: class histograms, heap after GC, threads, DB pool and open files"
        + " every --histo-interval; writes soak.json and a soak section in SUMMARY.md (docs/soak.md).")
final class SoakCommand implements Callable<Integer> {
  static final String DEFAULT_HISTO_INTERVAL = "15s";
  static final String DEFAULT_EVENTS = "alloc";

  @Option(names = "--target", description = "sample, sample:fault=NAME[,NAME], cmd:<command with {port}>, url:<base url> (default: sample)")
  String target;

  @Option(names = "--histo-interval", description = "cadence of the class histograms; each forces a full GC of the target"
      + " (default: " + DEFAULT_HISTO_INTERVAL + ")")
  String histoInterval;

  @Option(names = "--label", description = "run label, part of the run id (default: soak)")
  String label;

  @Option(names = "--out", description = "folder for run directories (default: runs)")
  String out;

  @Option(names = "--pid", description = "pid of the JVM behind a url: target, to sample its heap")
  String pid;

  @Mixin
  LoadFlags load;

  @Override
  public Integer call() {
    Map<String, String> keys = load.keys();
    keys.putIfAbsent("shape", "soak");
    keys.putIfAbsent("events", DEFAULT_EVENTS); // who allocates the suspects: the allocation profile
    keys.put("histoInterval", histoInterval != null ? histoInterval : DEFAULT_HISTO_INTERVAL);
    keys.put("label", label != null ? label : "soak");
    if (target != null) {
      keys.put("target", target);
    }
    if (out != null) {
      keys.put("out", out);
    }
    if (pid != null) {
      keys.put("pid", pid);
    }
    Path home = RunLauncherPaths.home();
    RunConfig config;
    try {
      config = RunConfigParser.parse(keys, home);
    } catch (ConfigException e) {
      System.err.println("perf soak: bad options, nothing was started:");
      e.problems().forEach(p -> System.err.println("  " + RunCommand.asFlags(p.replace("perf.histoInterval", "perf.histo-interval"))));
      return RunOutcome.EXIT_BAD_INPUT;
    }
    try {
      return RunLauncher.runInProcess(config, new SampleShopMix(), RunCommand.gatlingResults(home)).exitCode();
    } catch (RunLauncher.RunFailedException e) {
      return e.exitCode();
    }
  }
}
