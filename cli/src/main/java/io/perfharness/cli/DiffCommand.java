package io.perfharness.cli;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.collapsed.JfrParserVariantReader;
import io.perfharness.profiling.collapsed.StackLineReader;
import io.perfharness.profiling.diff.DiffInput;
import io.perfharness.profiling.diff.DiffPath;
import io.perfharness.profiling.diff.FrameDiff;
import io.perfharness.profiling.diff.ProfileDiff;
import io.perfharness.profiling.diff.ProfileDiffModel;
import io.perfharness.profiling.diff.RunProfileSample;
import io.perfharness.profiling.diff.StableAncestorMove;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code perf diff BASE NEW}: a quick diff of two collapsed-stack files from any tool (async-profiler,
 * FlameGraph's stackcollapse scripts, jfr converters). Without request counts, costs are shares of
 * each file's own total; one profile per side is for looking, never a significance claim.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Diff two collapsed-stack files (any tool's): movers by inclusive and self share of each side's total, "
        + "appeared and vanished stacks, stable ancestors. For verdicts use perf compare on run folders.")
final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE", description = "baseline collapsed file")
  Path base;

  @Parameters(index = "1", paramLabel = "NEW", description = "candidate collapsed file")
  Path candidate;

  @Option(names = "-n", paramLabel = "N", description = "rows per list (default: 12)")
  int rows = 12;

  @Option(names = "--format", paramLabel = "collapsed|jfr-parser",
      description = "collapsed: 'frame;frame count' (async-profiler, FlameGraph); jfr-parser: 'frame:LINE;... [value]' "
          + "(default: collapsed; .gz files are read compressed)")
  String format = "collapsed";

  @Override
  public Integer call() {
    PrintStream out = System.out;
    try {
      StackLineReader reader;
      switch (format) {
        case "collapsed" -> reader = CollapsedReader.strict();
        case "jfr-parser" -> reader = JfrParserVariantReader.strict();
        default -> {
          System.err.println("perf diff: --format was '" + format + "' but it must be collapsed or jfr-parser");
          return PerfMain.EXIT_BAD_INPUT;
        }
      }
      CollapsedProfile b = reader.read(base).profile();
      CollapsedProfile c = reader.read(candidate).profile();
      if (b.isEmpty() || c.isEmpty()) {
        System.err.println("perf diff: " + (b.isEmpty() ? base : candidate) + " holds no samples");
        return PerfMain.EXIT_BAD_INPUT;
      }
      ProfileDiffModel m = ProfileDiff.compute(DiffInput.of("baseline", RunProfileSample.of(b, b.totalCount(), 100.0)),
          DiffInput.of("candidate", RunProfileSample.of(c, c.totalCount(), 100.0)));
      out.printf(Locale.ROOT, "perf diff: %s (total %d) vs %s (total %d); values are %% of each side's own total; one profile per "
          + "side: descriptive only, no significance test%n", base, b.totalCount(), candidate, c.totalCount());
      frames(out, "by inclusive share", m.moversByInclusiveDelta(), false);
      frames(out, "by self share", m.moversBySelfDelta(), true);
      paths(out, "appeared (new only)", m.appearedPaths());
      paths(out, "vanished (base only)", m.vanishedPaths());
      List<StableAncestorMove> anc = m.stableAncestorMoves().stream().limit(rows / 2).toList();
      if (!anc.isEmpty()) {
        out.println("stable ancestors (appeared/vanished code under a frame both share; net near 0 = renamed or re-inlined):");
        for (StableAncestorMove a : anc) {
          out.printf(Locale.ROOT, "  %+8.2f%% net (+%.2f / -%.2f)  %s%n", a.netMovedPerRequest(), a.appearedPerRequest(),
              a.vanishedPerRequest(), a.ancestorFrame());
        }
      }
      return 0;
    } catch (ProfilingException e) {
      System.err.println("perf diff: " + e.getMessage());
      return PerfMain.EXIT_BAD_INPUT;
    }
  }

  private void frames(PrintStream out, String title, List<FrameDiff> movers, boolean self) {
    out.println(title + ":");
    out.printf(Locale.ROOT, "  %9s %9s %9s  %s%n", "base%", "new%", "delta", "frame");
    int shown = 0;
    for (FrameDiff f : movers.stream().limit(rows).toList()) {
      double bv = self ? f.baseline().selfPerRequest() : f.baseline().inclusivePerRequest();
      double cv = self ? f.candidate().selfPerRequest() : f.candidate().inclusivePerRequest();
      if (bv == cv) {
        break;
      }
      shown++;
      out.printf(Locale.ROOT, "  %9.2f %9.2f %+9.2f  %s%s%n", bv, cv, cv - bv, f.frame(),
          f.appeared() ? " [appeared]" : f.vanished() ? " [vanished]" : f.hasEnoughSamples() ? "" : " [low samples]");
    }
    if (shown == 0) {
      out.println("  (no frame moved)");
    }
  }

  private void paths(PrintStream out, String title, List<DiffPath> paths) {
    if (paths.isEmpty()) {
      return;
    }
    out.println(title + ", % of that side:");
    paths.stream().limit(rows / 2).forEach(p -> out.printf(Locale.ROOT, "  %s %.2f%n", p.elidedStackText(), p.costPerRequest()));
  }
}
