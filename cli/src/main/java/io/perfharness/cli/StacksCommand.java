package io.perfharness.cli;

import io.perfharness.profiling.query.QueryTextRenderer;
import io.perfharness.profiling.query.StackQuery;
import io.perfharness.reports.profile.RunProfile;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perf stacks RUN --frame REGEX}: the stacks through matching frames, merged, with cost per request. */
@Command(name = "stacks", mixinStandardHelpOptions = true,
    description = "Stacks of a run's profile that pass through frames matching a regex, merged, with cost per request.")
final class StacksCommand implements Callable<Integer> {
  @Mixin
  RunProfileArgs args;

  @Option(names = "--frame", required = true, paramLabel = "REGEX", description = "a Java regex found anywhere in a frame name (anchor with ^ and $)")
  String frame;

  @Option(names = "-n", paramLabel = "N", description = "how many stacks (default: 20)")
  int limit = 20;

  @Override
  public Integer call() {
    Pattern pattern;
    try {
      pattern = Pattern.compile(frame);
    } catch (PatternSyntaxException e) {
      System.err.println("perf stacks: --frame '" + frame + "' is not a regex: " + e.getDescription());
      return PerfMain.EXIT_BAD_INPUT;
    }
    try {
      RunProfile p = args.load();
      System.out.print(QueryTextRenderer.renderStacks(p.event(), StackQuery.through(p.profile(), pattern, limit), p.cost()));
      return 0;
    } catch (IOException e) {
      System.err.println("perf stacks: " + e.getMessage());
      return PerfMain.EXIT_BAD_INPUT;
    }
  }
}
