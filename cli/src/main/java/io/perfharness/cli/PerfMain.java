package io.perfharness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code perf}: the one front door. Exit codes: 0 ok, 1 regression (gating), 2 bad input, 3 target or environment failed. */
@Command(name = "perf", mixinStandardHelpOptions = true, versionProvider = PerfMain.Version.class,
    description = "perf-harness: load, profile and measure a JVM service with evidence.",
    subcommands = {RunCommand.class, ExperimentCommand.class, CompareCommand.class, CalibrateCommand.class, DiffCommand.class,
        ShapeCommand.class, SoakCommand.class, BenchCommand.class,
        TopCommand.class, StacksCommand.class})
public final class PerfMain implements Runnable {
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code (tests call this). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new PerfMain());
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("perf: " + ex.getMessage());
      ex.getCommandLine().usage(ex.getCommandLine().getErr());
      return EXIT_BAD_INPUT;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = PerfMain.class.getPackage().getImplementationVersion();
      return new String[] {"perf-harness " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
