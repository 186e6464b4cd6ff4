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
import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.profiling.diff.CallEdges;
import io.perfharness.profiling.query.ApplicationFrames;
import io.perfharness.profiling.query.CalleeBreakdown;
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
 *
 * <p>Culprit first: the application movers lead, each application frame charged with the JDK and
 * library cost below it and shown with the callee and leaf that carry its change; the pseudo-frame of
 * stacks without an application frame never leads; inclusive movers that only pass a change through
 * to one callee ({@link CallEdges}: thread roots, executors, dispatchers) rank after the frames that
 * carry it. Wall and lock count request time only: the stacks through an application frame.
 */
final class ProfileComparisons {
  static final int MOVERS = 10;
  static final int PATHS = 8;

  private ProfileComparisons() {}

  /** A loaded event profile of each run, kept for stacks and HTML rendering. */
  record SideProfiles(List<RunProfile> runs, List<String> problems, boolean perOperation) {}

  static List<EventComparison> compare(ComparisonSide baseline, ComparisonSide candidate, ApplicationRule rule) {
    List<Object> diffed = new ArrayList<>();
    List<FrameTests.EventDiffs> tested = new ArrayList<>();
    for (String event : events(baseline, candidate)) {
      Object d = diff(event, load(baseline, event, rule), load(candidate, event, rule), rule, samplesUnit(baseline, event));
      diffed.add(d);
      if (d instanceof Diffed ok) {
        tested.add(new FrameTests.EventDiffs(event, ok.app(), ok.full(), ok.countsPerSample()));
      }
    }
    FrameTests.Results results = FrameTests.testAll(tested);
    List<EventComparison> out = new ArrayList<>();
    for (Object d : diffed) {
      out.add(d instanceof Diffed ok ? movers(ok, results) : (EventComparison) d);
    }
    return out;
  }

  /** How many count units are one profiler sample for an event: the sample filter and pseudo-count are in samples. */
  static double samplesUnit(ComparisonSide side, String event) {
    for (LoadedRun run : side.runs()) {
      if (run.manifest().profiler() == null) {
        continue;
      }
      for (io.perfharness.core.run.RunManifest.ProfiledEvent e : run.manifest().profiler().events()) {
        if (e.name().equals(event)) {
          return SampleUnits.countsPerSample(event, e.interval());
        }
      }
    }
    return SampleUnits.countsPerSample(event, null);
  }

  /** An event both sides could diff: its models and what the movers lists are built from. */
  private record Diffed(String eventId, ProfilingEvent event, SideProfiles b, SideProfiles c, ProfileDiffModel full,
                        ProfileDiffModel app, ApplicationRule rule, boolean perOp, String unit, List<String> notes,
                        double countsPerSample) {}

  /** Events in capture order of the first baseline run, then any others; only those both sides have. */
  static List<String> events(ComparisonSide baseline, ComparisonSide candidate) {
    Set<String> b = new LinkedHashSet<>();
    baseline.runs().forEach(r -> b.addAll(RunProfile.events(r.manifest())));
    Set<String> c = new LinkedHashSet<>();
    candidate.runs().forEach(r -> c.addAll(RunProfile.events(r.manifest())));
    b.retainAll(c);
    return List.copyOf(b);
  }

  /**
   * Each run's profile of the event under the comparison's rule; for wall and lock only the stacks
   * through an application frame (request time).
   */
  static SideProfiles load(ComparisonSide side, String event, ApplicationRule rule) {
    List<RunProfile> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (LoadedRun run : side.runs()) {
      if (!RunProfile.events(run.manifest()).contains(event)) {
        problems.add(run.runId() + " did not capture " + event);
        continue;
      }
      try {
        RunProfile loaded = RunProfile.load(run.directory(), run.manifest(), event);
        RunProfile p = new RunProfile(loaded.event(), ApplicationFrames.countsRequestTimeOnly(loaded.event())
            ? ApplicationFrames.inRequests(loaded.profile(), loaded.event(), rule) : loaded.profile(), loaded.cost(), rule);
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

  /** The event's diffs, or an EventComparison that says why it could not be diffed. */
  static Object diff(String eventId, SideProfiles b, SideProfiles c, ApplicationRule rule, double countsPerSample) {
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
    return new Diffed(eventId, event, b, c, full, app, rule, perOp, unit, notes, countsPerSample);
  }

  /** The movers lists of a diffed event, with the joint test's results. */
  private static EventComparison movers(Diffed d, FrameTests.Results results) {
    String eventId = d.eventId();
    ProfilingEvent event = d.event();
    SideProfiles b = d.b();
    SideProfiles c = d.c();
    ProfileDiffModel full = d.full();
    ProfileDiffModel app = d.app();
    ApplicationRule rule = d.rule();
    boolean perOp = d.perOp();
    String unit = d.unit();
    List<String> notes = new ArrayList<>(d.notes());
    CollapsedProfile pooledB = pooled(b);
    CollapsedProfile pooledC = pooled(c);
    if (ApplicationFrames.countsRequestTimeOnly(event)) {
      notes.add(eventId + " counts request time only: the stacks through an application frame (idle pool threads,"
          + " selectors, GC, JIT and other non-request threads are left out)");
    }
    app.frame(ApplicationFrames.OUTSIDE).ifPresent(o -> notes.add(String.format(java.util.Locale.ROOT,
        "outside application frames (no frame of %s on the stack): %s -> %s %s/%s", rule.describe(),
        Reconciliation.num(o.baseline().selfPerRequest()), Reconciliation.num(o.candidate().selfPerRequest()), unit,
        perOp ? "operation" : "request")));
    CalleeBreakdown viaB = breakdown(b, rule, perOp);
    CalleeBreakdown viaC = breakdown(c, rule, perOp);
    FrameTests.Annotator appNotes = new FrameTests.Annotator() {
      @Override
      public String via(String frame, double delta) {
        return ProfileComparisons.via(viaB, viaC, frame, delta, event);
      }
    };
    CallEdges edges = CallEdges.of(full.tree());
    FrameTests.Annotator passThrough = new FrameTests.Annotator() {
      @Override
      public String passesThroughTo(String frame, double delta) {
        return edges.passesThroughTo(frame, delta);
      }
    };
    List<FrameDiff> appRanked = app.moversBySelfDelta().stream()
        .filter(f -> !f.frame().equals(ApplicationFrames.OUTSIDE)).toList();
    List<FrameMover> appMovers = FrameTests.movers("app", appRanked, true, MOVERS, results.of(eventId, "app"), pooledB,
        pooledC, appNotes);
    List<FrameMover> inclusive = carriersFirst(FrameTests.movers("inclusive", full.moversByInclusiveDelta(), false,
        MOVERS * 3, null, pooledB, pooledC, passThrough)).stream().limit(MOVERS).toList();
    List<FrameMover> self = FrameTests.movers("self", full.moversBySelfDelta(), true, MOVERS, results.of(eventId, "self"),
        pooledB, pooledC, FrameTests.Annotator.NONE);
    return new EventComparison(eventId, unit, perOp ? "operation" : "request", b.runs().size(), c.runs().size(), full.baseline().totalPerRequest(),
        full.candidate().totalPerRequest(), appMovers, inclusive, self, paths(full.appearedPaths()),
        paths(full.vanishedPaths()), ancestors(full), notes, full.tree());
  }

  /** Costs per request in ms (bytes), or for benchmark forks per operation in ns (bytes). */
  private static DiffInput input(String label, SideProfiles side, boolean applicationView, boolean perOperation) {
    List<RunProfileSample> runs = new ArrayList<>();
    for (RunProfile p : side.runs()) {
      CollapsedProfile profile = applicationView ? ApplicationFrames.view(p.profile(), p.event(), p.applicationRule())
          : p.profile();
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

  /** Frames that carry a change first, then those that only pass it through, each by |delta| as given. */
  static List<FrameMover> carriersFirst(List<FrameMover> movers) {
    List<FrameMover> out = new ArrayList<>(movers.stream().filter(m -> m.passesThroughTo() == null).toList());
    out.addAll(movers.stream().filter(m -> m.passesThroughTo() != null).toList());
    return out;
  }

  /** Cost per request below each application frame, by callee and by leaf, pooled over a side's runs. */
  private static CalleeBreakdown breakdown(SideProfiles side, ApplicationRule rule, boolean perOperation) {
    CalleeBreakdown out = new CalleeBreakdown();
    long requests = side.runs().stream().mapToLong(p -> p.cost().completedRequests()).sum();
    for (RunProfile p : side.runs()) {
      double scale = perOperation && p.event() != ProfilingEvent.ALLOC ? 1e6 : 1.0;
      out.add(p.profile(), p.event(), rule, RunProfileSample.unitsPerCount(p.cost()) * scale / requests);
    }
    return out;
  }

  /**
   * What an application frame's change is made of: the callee (JDK or library entry, or its own code)
   * and the leaf (where samples landed, the allocated type, the contended lock) that carry most of it.
   */
  static String via(CalleeBreakdown b, CalleeBreakdown c, String frame, double delta, ProfilingEvent event) {
    CalleeBreakdown.Share callee = CalleeBreakdown.largestShare(b.callees(frame), c.callees(frame), delta);
    if (callee == null) {
      return null;
    }
    CalleeBreakdown.Share leaf = CalleeBreakdown.largestShare(b.leaves(frame), c.leaves(frame), delta);
    String text = (callee.key().equals(CalleeBreakdown.SELF) ? "its own code" : callee.key()) + " " + percent(callee.share());
    if (leaf != null && !leaf.key().equals(callee.key()) && !(callee.key().equals(CalleeBreakdown.SELF)
        && leaf.key().equals(frame))) {
      String what = event == ProfilingEvent.ALLOC ? "allocates " : event == ProfilingEvent.LOCK ? "waits on " : "leaf ";
      text += "; " + what + leaf.key() + " " + percent(leaf.share());
    }
    return text;
  }

  private static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.0f%%", 100 * Math.min(share, 9.99));
  }
}
