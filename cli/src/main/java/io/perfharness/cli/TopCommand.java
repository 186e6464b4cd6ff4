package io.perfharness.cli;

import io.perfharness.profiling.query.ApplicationFrames;
import io.perfharness.profiling.query.CostOrder;
import io.perfharness.profiling.query.FrameCostTable;
import io.perfharness.profiling.query.QueryTextRenderer;
import io.perfharness.reports.profile.RunProfile;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code perf top RUN}: the frames that cost most per request, as compact text. */
@Command(name = "top", mixinStandardHelpOptions = true,
    description = "Top frames of a run's profile by self or inclusive cost, per completed request.")
final class TopCommand implements Callable<Integer> {
  @Mixin
  RunProfileArgs args;

  @Option(names = "--by", paramLabel = "self|total|app",
      description = "rank by self (leaf) cost, total (inclusive) cost, or app: cost charged to the deepest application frame of each stack (default: self)")
  String by = "self";

  @Option(names = "-n", paramLabel = "N", description = "how many frames (default: 20)")
  int limit = 20;

  @Override
  public Integer call() {
    CostOrder order;
    boolean application = false;
    switch (by.toLowerCase(Locale.ROOT)) {
      case "self" -> order = CostOrder.SELF;
      case "total", "inclusive" -> order = CostOrder.TOTAL;
      case "app", "application" -> {
        order = CostOrder.SELF;
        application = true;
      }
      default -> {
        System.err.println("perf top: --by was '" + by + "' but it must be self, total or app");
        return PerfMain.EXIT_BAD_INPUT;
      }
    }
    if (limit < 1) {
      System.err.println("perf top: -n was " + limit + " but it must be at least 1");
      return PerfMain.EXIT_BAD_INPUT;
    }
    try {
      RunProfile p = args.load();
      var profile = application ? ApplicationFrames.view(p.profile(), p.event(), p.applicationRule()) : p.profile();
      if (application) {
        System.out.println("application frames: " + p.applicationRule().describe());
      }
      System.out.print(QueryTextRenderer.renderTop(p.event(), FrameCostTable.of(profile).top(limit, order), p.cost()));
      return 0;
    } catch (IOException e) {
      System.err.println("perf top: " + e.getMessage());
      return PerfMain.EXIT_BAD_INPUT;
    }
  }
}
