package io.perfharness.reports.compare;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.diff.FrameDiff;
import io.perfharness.profiling.diff.ProfileDiffModel;
import io.perfharness.profiling.query.ApplicationFrames;
import io.perfharness.profiling.query.MatchedStack;
import io.perfharness.profiling.query.StackMatches;
import io.perfharness.profiling.query.StackQuery;
import io.perfharness.reports.stats.FrameCounts;
import io.perfharness.reports.stats.FrameFamilyResult;
import io.perfharness.reports.stats.FrameTestResult;
import io.perfharness.reports.stats.ModeratedFrameTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Per-frame tests of a comparison's profile diffs and the movers lists they annotate. Every frame of
 * the application view and of the self view of every event with at least 100 samples over both sides
 * is tested run against run with {@link ModeratedFrameTest}, all of them as one family: a moderated t
 * on per-run log cost per request, made family-wise over the whole comparison by Westfall and Young's
 * permutation of whole runs, so an A/A comparison claims any frame with a chance of at most 12/252 at
 * 5+5 runs. The inclusive view is not tested: a frame's inclusive change is the sum of the changes
 * below it, which the two tested views already test (docs/comparison.md).
 */
final class FrameTests {
  /** Frames of a stack shown above the mover; the rest of the common prefix is elided. */
  static final int STACK_CONTEXT_FRAMES = 4;
  /** The test column of the inclusive list. */
  static final String DESCRIPTIVE = "descriptive (sum of the tested changes below)";

  private FrameTests() {}

  /** One event's diffs as the joint test takes them. */
  record EventDiffs(String event, ProfileDiffModel app, ProfileDiffModel full, double countsPerSample) {}

  /** Per event, per tested view ({@code app}, {@code self}), frame to result. */
  record Results(Map<String, Map<String, FrameTestResult>> byEventAndView) {
    Map<String, FrameTestResult> of(String event, String view) {
      return byEventAndView.getOrDefault(event + "/" + view, Map.of());
    }
  }

  /**
   * Tests the application and self views of every event jointly. Events whose runs differ from the first
   * event's in number (a run that lacks the event's profile) are tested as a family of their own.
   */
  static Results testAll(List<EventDiffs> events) {
    Map<String, Map<String, FrameTestResult>> out = new HashMap<>();
    Map<String, List<EventDiffs>> byRuns = new java.util.LinkedHashMap<>();
    for (EventDiffs e : events) {
      byRuns.computeIfAbsent(e.full().baseline().runCount() + "+" + e.full().candidate().runCount(), k -> new ArrayList<>())
          .add(e);
    }
    for (List<EventDiffs> group : byRuns.values()) {
      List<ModeratedFrameTest.Family> families = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<List<FrameDiff>> frames = new ArrayList<>();
      for (EventDiffs e : group) {
        for (String view : List.of("app", "self")) {
          ProfileDiffModel model = view.equals("app") ? e.app() : e.full();
          List<FrameDiff> tested = model.frames().stream().filter(f -> !f.frame().equals(ApplicationFrames.OUTSIDE)).toList();
          List<FrameCounts> counts = new ArrayList<>(tested.size());
          for (FrameDiff f : tested) {
            counts.add(new FrameCounts(f.baseline().selfCountPerRun(), f.candidate().selfCountPerRun()));
          }
          families.add(new ModeratedFrameTest.Family(counts, model.baseline().costPerCountPerRequest(),
              model.candidate().costPerCountPerRequest(), e.countsPerSample()));
          keys.add(e.event() + "/" + view);
          frames.add(tested);
        }
      }
      List<FrameFamilyResult> results = ModeratedFrameTest.DEFAULT.testJointly(families);
      for (int i = 0; i < keys.size(); i++) {
        Map<String, FrameTestResult> byFrame = new HashMap<>();
        for (int f = 0; f < frames.get(i).size(); f++) {
          byFrame.put(frames.get(i).get(f).frame(), results.get(i).frames().get(f));
        }
        out.put(keys.get(i), byFrame);
      }
    }
    return new Results(out);
  }

  /**
   * The movers of one view, in the order of {@code ranked} (the caller decides what leads), at most
   * {@code limit}; {@code tests} are the view's results, null for a view that is not tested;
   * {@code annotate} adds the view's explanations (via, passes through).
   */
  static List<FrameMover> movers(String view, List<FrameDiff> ranked, boolean self, int limit,
                                 Map<String, FrameTestResult> tests, CollapsedProfile baseline,
                                 CollapsedProfile candidate, Annotator annotate) {
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
      FrameTestResult r = tests == null ? null : tests.get(f.frame());
      String test = tests == null ? DESCRIPTIVE : r == null ? "not tested" : r.reason();
      boolean tested = r != null && r.tested();
      out.add(new FrameMover(view, f.frame(), bv, cv, cv - bv, bv > 0 ? cv / bv : null,
          self ? f.baseline().selfCount() + f.candidate().selfCount() : f.inclusiveCountBothSides(), test,
          tested ? r.change().ratioLower() : null, tested ? r.change().ratioUpper() : null,
          tested ? r.change().pValue() : null, tested ? r.change().adjustedP() : null, f.appeared(), f.vanished(),
          stack(f.frame(), cv >= bv ? candidate : baseline), annotate.via(f.frame(), cv - bv),
          annotate.passesThroughTo(f.frame(), cv - bv)));
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
