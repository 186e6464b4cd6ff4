package io.perfharness.reports.compare;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.diff.FrameDiff;
import io.perfharness.profiling.diff.ProfileDiffModel;
import io.perfharness.profiling.query.MatchedStack;
import io.perfharness.profiling.query.StackMatches;
import io.perfharness.profiling.query.StackQuery;
import io.perfharness.reports.stats.HodgesLehmann;
import io.perfharness.reports.stats.MannWhitney;
import io.perfharness.reports.stats.MultipleComparisons;
import io.perfharness.reports.stats.ShiftEstimate;
import io.perfharness.reports.stats.VerdictRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Per-frame tests of a profile diff: every frame with enough samples is tested run against run
 * (Hodges-Lehmann shift of its per-run cost per request, Mann-Whitney p), with Benjamini-Hochberg
 * across all tested frames of the view; the movers are then the top of the ranking by |delta|.
 */
final class FrameTests {
  /** Frames of a stack shown above the mover; the rest of the common prefix is elided. */
  static final int STACK_CONTEXT_FRAMES = 4;

  private FrameTests() {}

  /**
   * The movers of one view, in the order of {@code ranked} (the caller decides what leads), at most
   * {@code limit}, each with its test; {@code annotate} adds the view's explanations (via, passes through).
   */
  static List<FrameMover> movers(String view, ProfileDiffModel model, List<FrameDiff> ranked, boolean self, int limit,
                                 CollapsedProfile baseline, CollapsedProfile candidate, Annotator annotate) {
    int nB = model.baseline().runCount();
    int nC = model.candidate().runCount();
    boolean enoughRuns = nB >= VerdictRule.DEFAULT_MIN_RUNS_PER_SIDE && nC >= VerdictRule.DEFAULT_MIN_RUNS_PER_SIDE;
    List<FrameDiff> tested = new ArrayList<>();
    List<Double> ps = new ArrayList<>();
    Map<String, ShiftEstimate> estimates = new HashMap<>();
    if (enoughRuns) {
      for (FrameDiff f : model.frames()) {
        if (!f.hasEnoughSamples()) {
          continue;
        }
        double[] b = self ? f.baseline().selfPerRunPerRequest() : f.baseline().inclusivePerRunPerRequest();
        double[] c = self ? f.candidate().selfPerRunPerRequest() : f.candidate().inclusivePerRunPerRequest();
        tested.add(f);
        ps.add(MannWhitney.test(b, c).pTwoSided());
        estimates.put(f.frame(), HodgesLehmann.shift(b, c, MetricTests.CONFIDENCE_PERCENT / 100.0));
      }
    }
    double[] q = MultipleComparisons.benjaminiHochberg(ps.stream().mapToDouble(Double::doubleValue).toArray());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < tested.size(); i++) {
      index.put(tested.get(i).frame(), i);
    }
    List<FrameMover> out = new ArrayList<>();
    for (FrameDiff f : ranked) {
      if (out.size() == limit) {
        break;
      }
      double bv = self ? f.baseline().selfPerRequest() : f.baseline().inclusivePerRequest();
      double cv = self ? f.candidate().selfPerRequest() : f.candidate().inclusivePerRequest();
      if (bv == cv) {
        continue;
      }
      Integer i = index.get(f.frame());
      String test;
      Double p = null;
      Double qv = null;
      Double lower = null;
      Double upper = null;
      if (!enoughRuns) {
        test = "need at least " + VerdictRule.DEFAULT_MIN_RUNS_PER_SIDE + " runs per side";
      } else if (i == null) {
        test = "low samples, not tested";
      } else {
        p = ps.get(i);
        qv = q[i];
        ShiftEstimate e = estimates.get(f.frame());
        lower = e.lower();
        upper = e.upper();
        boolean excludesZero = e.lower() > 0 || e.upper() < 0;
        test = qv < CompareOptions.ALPHA && excludesZero ? "significant" : "not significant";
      }
      out.add(new FrameMover(view, f.frame(), bv, cv, cv - bv, bv > 0 ? cv / bv : null,
          self ? f.baseline().selfCount() + f.candidate().selfCount() : f.inclusiveCountBothSides(), test, lower, upper,
          p, qv, f.appeared(), f.vanished(), stack(f.frame(), cv >= bv ? candidate : baseline),
          annotate.via(f.frame(), cv - bv), annotate.passesThroughTo(f.frame(), cv - bv)));
    }
    return out;
  }

  /** The explanations a view adds to a mover. */
  interface Annotator {
    Annotator NONE = new Annotator() {};

    default String via(String frame, double delta) {
      return null;
    }

    default String passesThroughTo(String frame, double delta) {
      return null;
    }
  }

  /** The hottest stack through the frame, from a few callers above it down to the leaf. */
  static String stack(String frame, CollapsedProfile profile) {
    StackMatches m = StackQuery.through(profile, Pattern.compile(Pattern.quote(frame)), 1);
    if (m.rows().isEmpty()) {
      return null;
    }
    MatchedStack s = m.rows().get(0);
    List<String> frames = s.frames();
    int at = frames.indexOf(frame);
    if (at < 0) {
      at = s.firstMatchIndex();
    }
    int from = Math.max(0, at - STACK_CONTEXT_FRAMES);
    String text = String.join(";", frames.subList(from, frames.size()));
    return from > 0 ? "…;" + text : text;
  }
}
