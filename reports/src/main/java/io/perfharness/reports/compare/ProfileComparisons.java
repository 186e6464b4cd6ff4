package io.perfharness.reports.compare;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.diff.DiffInput;
import io.perfharness.profiling.diff.DiffPath;
import io.perfharness.profiling.diff.FrameDiff;
import io.perfharness.profiling.diff.ProfileDiff;
import io.perfharness.profiling.diff.ProfileDiffModel;
import io.perfharness.profiling.diff.RunProfileSample;
import io.perfharness.profiling.diff.StableAncestorMove;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.query.ApplicationFrames;
import io.perfharness.reports.profile.RunProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The profile side of a comparison: per event captured on both sides, the diff of the whole
 * profiles (inclusive, self, merged paths, stable ancestors) and of the application-frame view,
 * each frame with enough samples tested run against run ({@link FrameTests}).
 */
final class ProfileComparisons {
  static final int MOVERS = 10;
  static final int PATHS = 8;

  private ProfileComparisons() {}

  /** A loaded event profile of each run, kept for stacks and HTML rendering. */
  record SideProfiles(List<RunProfile> runs, List<String> problems, boolean perOperation) {}

  static List<EventComparison> compare(ComparisonSide baseline, ComparisonSide candidate) {
    List<EventComparison> out = new ArrayList<>();
    for (String event : events(baseline, candidate)) {
      out.add(compareEvent(event, load(baseline, event), load(candidate, event)));
    }
    return out;
  }

  /** Events in capture order of the first baseline run, then any others; only those both sides have. */
  static List<String> events(ComparisonSide baseline, ComparisonSide candidate) {
    Set<String> b = new LinkedHashSet<>();
    baseline.runs().forEach(r -> b.addAll(RunProfile.events(r.manifest())));
    Set<String> c = new LinkedHashSet<>();
    candidate.runs().forEach(r -> c.addAll(RunProfile.events(r.manifest())));
    b.retainAll(c);
    return List.copyOf(b);
  }

  static SideProfiles load(ComparisonSide side, String event) {
    List<RunProfile> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (LoadedRun run : side.runs()) {
      if (!RunProfile.events(run.manifest()).contains(event)) {
        problems.add(run.runId() + " did not capture " + event);
        continue;
      }
      try {
        RunProfile p = RunProfile.load(run.directory(), run.manifest(), event);
        if (p.cost() == null) {
          problems.add(run.runId() + " completed no request, so its " + event + " profile has no per-request cost");
        } else {
          runs.add(p);
        }
      } catch (IOException e) {
        problems.add(run.runId() + ": " + e.getMessage());
      }
    }
    boolean perOperation = !side.runs().isEmpty() && side.runs().stream().allMatch(LoadedRun::isBenchmark);
    return new SideProfiles(runs, problems, perOperation);
  }

  static EventComparison compareEvent(String eventId, SideProfiles b, SideProfiles c) {
    ProfilingEvent event = ProfilingEvent.byId(eventId).orElseThrow();
    boolean perOp = b.perOperation() && c.perOperation();
    String unit = event == ProfilingEvent.ALLOC ? "bytes" : perOp ? "ns" : "ms";
    List<String> notes = new ArrayList<>();
    b.problems().forEach(p -> notes.add("baseline: " + p));
    c.problems().forEach(p -> notes.add("candidate: " + p));
    if (b.runs().isEmpty() || c.runs().isEmpty()) {
      notes.add("no " + eventId + " profile on " + (b.runs().isEmpty() ? "the baseline" : "the candidate") + " side: not diffed");
      return new EventComparison(eventId, unit, perOp ? "operation" : "request", b.runs().size(), c.runs().size(), 0, 0, List.of(), List.of(), List.of(),
          List.of(), List.of(), List.of(), notes, null);
    }
    ProfileDiffModel full;
    ProfileDiffModel app;
    try {
      full = ProfileDiff.compute(input("baseline", b, false, perOp), input("candidate", c, false, perOp));
      app = ProfileDiff.compute(input("baseline", b, true, perOp), input("candidate", c, true, perOp));
    } catch (ProfilingException e) {
      notes.add("diff failed: " + e.getMessage());
      return new EventComparison(eventId, unit, perOp ? "operation" : "request", b.runs().size(), c.runs().size(), 0, 0, List.of(), List.of(), List.of(),
          List.of(), List.of(), List.of(), notes, null);
    }
    CollapsedProfile pooledB = pooled(b);
    CollapsedProfile pooledC = pooled(c);
    List<FrameMover> appMovers = FrameTests.movers("app", app, true, MOVERS, pooledB, pooledC);
    List<FrameMover> inclusive = FrameTests.movers("inclusive", full, false, MOVERS, pooledB, pooledC);
    List<FrameMover> self = FrameTests.movers("self", full, true, MOVERS, pooledB, pooledC);
    return new EventComparison(eventId, unit, perOp ? "operation" : "request", b.runs().size(), c.runs().size(), full.baseline().totalPerRequest(),
        full.candidate().totalPerRequest(), appMovers, inclusive, self, paths(full.appearedPaths()),
        paths(full.vanishedPaths()), ancestors(full), notes, full.tree());
  }

  /** Costs per request in ms (bytes), or for benchmark forks per operation in ns (bytes). */
  private static DiffInput input(String label, SideProfiles side, boolean applicationView, boolean perOperation) {
    List<RunProfileSample> runs = new ArrayList<>();
    for (RunProfile p : side.runs()) {
      CollapsedProfile profile = applicationView ? ApplicationFrames.view(p.profile(), p.event(), p.applicationRule()) : p.profile();
      double scale = perOperation && p.event() != ProfilingEvent.ALLOC ? 1e6 : 1.0;
      runs.add(RunProfileSample.of(profile, p.cost().completedRequests(), RunProfileSample.unitsPerCount(p.cost()) * scale));
    }
    return new DiffInput(label, runs);
  }

  static CollapsedProfile pooled(SideProfiles side) {
    List<CollapsedStack> all = new ArrayList<>();
    side.runs().forEach(p -> all.addAll(p.profile().stacks()));
    return CollapsedProfile.of(all);
  }

  private static List<EventComparison.PathChange> paths(List<DiffPath> paths) {
    return paths.stream().limit(PATHS)
        .map(p -> new EventComparison.PathChange(p.elidedStackText(), p.costPerRequest(), p.count())).toList();
  }

  private static List<EventComparison.AncestorMove> ancestors(ProfileDiffModel full) {
    List<EventComparison.AncestorMove> out = new ArrayList<>();
    for (StableAncestorMove m : full.stableAncestorMoves()) {
      if (out.size() == PATHS) {
        break;
      }
      out.add(new EventComparison.AncestorMove(m.ancestorFrame(), m.appearedPerRequest(), m.vanishedPerRequest(),
          m.netMovedPerRequest(), m.ancestorTotalDeltaPerRequest()));
    }
    return out;
  }

  static List<FrameDiff> ranked(ProfileDiffModel model, boolean self) {
    return self ? model.moversBySelfDelta() : model.moversByInclusiveDelta();
  }
}
