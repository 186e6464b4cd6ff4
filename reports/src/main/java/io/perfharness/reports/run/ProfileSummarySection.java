package io.perfharness.reports.run;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.query.ApplicationFrames;
import io.perfharness.profiling.query.CalleeBreakdown;
import io.perfharness.profiling.query.FrameCost;
import io.perfharness.profiling.query.TopFrames;
import io.perfharness.profiling.query.CostOrder;
import io.perfharness.profiling.query.FrameCostTable;
import io.perfharness.profiling.query.QueryTextRenderer;
import io.perfharness.profiling.query.StackQuery;
import io.perfharness.reports.profile.RunProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The "where the time went" part of SUMMARY.md: the run's application rule, then per captured event
 * the application frames that carry the cost first (see {@link ApplicationFrames}) with what each is
 * made of below it (the JDK or library callee and leaf), the top frames by self and by inclusive cost
 * per request with their share of the total, and the hottest stacks as collapsed lines with the common
 * prefix elided. Wall and lock count request time only (stacks through an application frame). Fewer rows per event when several events were captured,
 * so the brief stays under 150 lines.
 */
final class ProfileSummarySection {
  private static final Pattern ANY_FRAME = Pattern.compile(".*");
  /** Application frames whose composition is shown under the table. */
  private static final int COMPOSED_FRAMES = 3;

  private ProfileSummarySection() {}

  static List<String> render(RunDirectory dir, RunManifest m) {
    List<String> out = new ArrayList<>();
    List<String> events = RunProfile.events(m);
    if (events.isEmpty()) {
      return out;
    }
    // a soak run's leak section needs its share of the 150 lines: profile it like two events
    int weight = events.size() + (m.heap() != null && m.heap().soakFile() != null ? 1 : 0);
    int rows = weight == 1 ? 15 : weight == 2 ? 8 : 4;
    int stacks = weight == 1 ? 5 : weight == 2 ? 3 : 2;
    out.add("");
    out.add("## Where the time went (per completed request of the window)");
    out.add("");
    out.add("Application frames: " + RunProfile.applicationRule(m).describe() + ".");
    for (String event : events) {
      out.add("");
      out.add("### " + event + " (`profile/" + event + ".collapsed`, `profile/" + event + ".html`)");
      out.add("");
      try {
        RunProfile whole = RunProfile.load(dir, m, event);
        if (whole.profile().isEmpty()) {
          out.add("No samples.");
          continue;
        }
        RunProfile p = whole;
        if (ApplicationFrames.countsRequestTimeOnly(whole.event())) {
          p = new RunProfile(whole.event(), ApplicationFrames.inRequests(whole.profile(), whole.event(),
              whole.applicationRule()), whole.cost(), whole.applicationRule());
          out.add(requestTimeLine(whole, p));
          out.add("");
          if (p.profile().isEmpty()) {
            continue;
          }
        }
        FrameCostTable table = FrameCostTable.of(p.profile());
        FrameCostTable app = FrameCostTable.of(ApplicationFrames.view(p.profile(), p.event(), p.applicationRule()));
        TopFrames appTop = app.top(rows, CostOrder.SELF);
        out.add("```");
        out.add("by application frame (JDK, library and native cost charged to the application method that called it):");
        out.add(QueryTextRenderer.renderTop(p.event(), appTop, p.cost()).stripTrailing());
        composition(out, p, appTop);
        out.add("");
        out.add(QueryTextRenderer.renderTop(p.event(), table.top(rows, CostOrder.SELF), p.cost()).stripTrailing());
        out.add("");
        out.add(QueryTextRenderer.renderTop(p.event(), table.top(rows, CostOrder.TOTAL), p.cost()).stripTrailing());
        out.add("");
        out.add(QueryTextRenderer.renderStacks(p.event(), StackQuery.through(p.profile(), ANY_FRAME, stacks), p.cost())
            .stripTrailing());
        out.add("```");
      } catch (IOException | RuntimeException e) {
        out.add("Profile unreadable: " + e.getMessage());
      }
    }
    return out;
  }

  /** Wall and lock: how much was request time (stacks through an application frame) and what was left out. */
  private static String requestTimeLine(RunProfile whole, RunProfile inRequests) {
    double all = whole.cost() == null ? 0 : whole.cost().perRequest(whole.profile().totalCount());
    double kept = inRequests.cost() == null ? 0 : inRequests.cost().perRequest(inRequests.profile().totalCount());
    String unit = whole.cost() == null ? "" : " " + whole.cost().unit().label();
    return String.format(Locale.ROOT, "Request time only: %s%s in stacks through an application frame;"
        + " %s%s of idle pool threads, selectors, GC, JIT and other non-request threads left out.",
        QueryTextRenderer.number(kept), unit, QueryTextRenderer.number(all - kept), unit);
  }

  /** Under the top application frames: the callee and the leaf that make up most of each one's cost. */
  private static void composition(List<String> out, RunProfile p, TopFrames appTop) {
    if (p.cost() == null) {
      return;
    }
    CalleeBreakdown below = new CalleeBreakdown();
    below.add(p.profile(), p.event(), p.applicationRule(), 1.0);
    List<String> lines = new ArrayList<>();
    for (FrameCost f : appTop.rows()) {
      if (lines.size() == COMPOSED_FRAMES || f.frame().equals(ApplicationFrames.OUTSIDE) || f.selfCount() == 0) {
        continue;
      }
      Map<String, Double> callees = below.callees(f.frame());
      Map.Entry<String, Double> callee = largest(callees);
      Map.Entry<String, Double> leaf = largest(below.leaves(f.frame()));
      if (callee == null) {
        continue;
      }
      String text = "  " + f.frame() + ": " + (callee.getKey().equals(CalleeBreakdown.SELF) ? "its own code"
          : callee.getKey()) + " " + percent(callee.getValue() / f.selfCount());
      if (leaf != null && !leaf.getKey().equals(callee.getKey()) && !leaf.getKey().equals(f.frame())) {
        text += "; " + (p.event() == ProfilingEvent.ALLOC ? "allocates " : p.event() == ProfilingEvent.LOCK ? "waits on "
            : "leaf ") + leaf.getKey() + " " + percent(leaf.getValue() / f.selfCount());
      }
      lines.add(text);
    }
    if (!lines.isEmpty()) {
      out.add("below them (the callee and the leaf carrying most of each one's cost):");
      out.addAll(lines);
    }
  }

  private static Map.Entry<String, Double> largest(Map<String, Double> costs) {
    return costs.entrySet().stream().max(Map.Entry.<String, Double>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElse(null);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }
}
