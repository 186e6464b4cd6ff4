package io.perfharness.reports.compare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.perfharness.profiling.diff.DiffTreeNode;
import java.util.List;

/**
 * The profile diff of one event (cpu, alloc, lock, wall), per completed request. Immutable.
 *
 * @param unit unit of every per-request value ({@code ms} of CPU, {@code bytes}, {@code ms} of wait;
 *     {@code ns} for benchmark forks)
 * @param per what costs are divided by: {@code request}, or {@code operation} for benchmark forks
 * @param appMovers frames ranked by |delta| of the cost charged to the deepest application frame:
 *     the headline list, where the culprit shows up
 * @param inclusiveMovers frames ranked by |inclusive delta per request|
 * @param selfMovers frames ranked by |self delta per request|
 * @param appeared stacks only the candidate has, by cost per request
 * @param vanished stacks only the baseline has, by cost per request
 * @param stableAncestors appeared or vanished code grouped under the nearest frame both sides
 *     share, with the net change there: a rename or a changed inlining nets out near 0
 * @param notes why a part is missing (e.g. the event was captured on one side only)
 * @param tree the merged call tree of both sides (for the HTML flame graph; not in comparison.json)
 */
public record EventComparison(String event, String unit, String per, int runsBaseline, int runsCandidate,
                              double baselineTotalPerRequest, double candidateTotalPerRequest,
                              List<FrameMover> appMovers, List<FrameMover> inclusiveMovers,
                              List<FrameMover> selfMovers, List<PathChange> appeared, List<PathChange> vanished,
                              List<AncestorMove> stableAncestors, List<String> notes,
                              @JsonIgnore DiffTreeNode tree) {

  /** A stack present on one side only. */
  public record PathChange(String stack, double perRequest, long samples) {}

  /** Appeared and vanished cost under one stable ancestor. */
  public record AncestorMove(String ancestor, double appearedPerRequest, double vanishedPerRequest,
                             double netPerRequest, double ancestorDeltaPerRequest) {}
}
