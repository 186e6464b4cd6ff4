package io.perfharness.reports.run;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.query.ApplicationFrames;
import io.perfharness.profiling.query.CostOrder;
import io.perfharness.profiling.query.FrameCostTable;
import io.perfharness.profiling.query.QueryTextRenderer;
import io.perfharness.profiling.query.StackQuery;
import io.perfharness.reports.profile.RunProfile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The "where the time went" part of SUMMARY.md: per captured event, the application frames that
 * carry the cost (see {@link ApplicationFrames}), the top frames by self and by inclusive cost per
 * request with their share of the total, and the hottest stacks as collapsed lines with the common
 * prefix elided. Fewer rows per event when several events were captured,
 * so the brief stays under 150 lines.
 */
final class ProfileSummarySection {
  private static final Pattern ANY_FRAME = Pattern.compile(".*");

  private ProfileSummarySection() {}

  static List<String> render(RunDirectory dir, RunManifest m) {
    List<String> out = new ArrayList<>();
    List<String> events = RunProfile.events(m);
    if (events.isEmpty()) {
      return out;
    }
    int rows = events.size() == 1 ? 15 : events.size() == 2 ? 8 : 4;
    int stacks = events.size() == 1 ? 5 : events.size() == 2 ? 3 : 2;
    out.add("");
    out.add("## Where the time went (per completed request of the window)");
    for (String event : events) {
      out.add("");
      out.add("### " + event + " (`profile/" + event + ".collapsed`, `profile/" + event + ".html`)");
      out.add("");
      try {
        RunProfile p = RunProfile.load(dir, m, event);
        if (p.profile().isEmpty()) {
          out.add("No samples.");
          continue;
        }
        FrameCostTable table = FrameCostTable.of(p.profile());
        FrameCostTable app = FrameCostTable.of(ApplicationFrames.view(p.profile(), p.event(), p.applicationRule()));
        out.add("```");
        out.add("by application frame (JDK, library and native cost charged to the application method that called it):");
        out.add(QueryTextRenderer.renderTop(p.event(), app.top(rows, CostOrder.SELF), p.cost()).stripTrailing());
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
}
