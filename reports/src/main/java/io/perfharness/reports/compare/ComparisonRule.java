package io.perfharness.reports.compare;

import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.reports.profile.RunProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one application rule a comparison judges every run's frames by: the runs' own rules when they
 * agree, else their union (a frame of either side's code counts on both sides), with a warning naming
 * the rules, since a different rule moves cost in and out of every application view. Immutable.
 *
 * @param rule the rule the comparison uses
 * @param warnings what differed, for the comparability warnings
 */
record ComparisonRule(ApplicationRule rule, List<String> warnings) {

  static ComparisonRule of(ComparisonSide baseline, ComparisonSide candidate) {
    Map<String, ApplicationRule> byRun = new LinkedHashMap<>();
    for (ComparisonSide side : List.of(baseline, candidate)) {
      for (LoadedRun run : side.runs()) {
        byRun.put(side.name() + " " + run.runId(), RunProfile.applicationRule(run.manifest()));
      }
    }
    if (byRun.isEmpty()) {
      return new ComparisonRule(ApplicationRule.libraryList("no run to read a rule from"), List.of());
    }
    ApplicationRule first = byRun.values().iterator().next();
    ApplicationRule union = first;
    List<String> differing = new ArrayList<>();
    for (Map.Entry<String, ApplicationRule> e : byRun.entrySet()) {
      if (!e.getValue().sameAs(first)) {
        differing.add(e.getKey() + ": " + e.getValue().describe());
      }
      union = union.union(e.getValue());
    }
    List<String> warnings = new ArrayList<>();
    if (!differing.isEmpty()) {
      warnings.add("the runs decided different application frames (first run: " + first.describe() + "; "
          + String.join("; ", differing.stream().limit(3).toList()) + (differing.size() > 3 ? "; ..." : "")
          + "): every application view here uses their union, " + union.describe()
          + "; give both sides the same --app PREFIX to compare like with like");
    }
    return new ComparisonRule(union, warnings);
  }
}
