package io.perfharness.loadtests.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of an experiment's runs: baseline and candidate interleaved ABBA (B C C B B C ...),
 * so a drift of the machine over time (thermal, a neighbour's load) falls on both sides alike.
 * Immutable.
 */
public record ExperimentPlan(int runsPerSide, List<Slot> order) {

  /** One run of the plan: its side and its 1-based number within that side. */
  public record Slot(Side side, int number) {}

  public enum Side {
    BASELINE("baseline"), CANDIDATE("candidate");

    private final String label;

    Side(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public ExperimentPlan {
    order = List.copyOf(order);
  }

  public static ExperimentPlan abba(int runsPerSide) {
    if (runsPerSide < 1 || runsPerSide > 100) {
      throw new IllegalArgumentException("runs per side must be within 1..100 but was " + runsPerSide);
    }
    List<Slot> order = new ArrayList<>();
    int b = 0;
    int c = 0;
    for (int pair = 0; pair < runsPerSide; pair++) {
      boolean baselineFirst = pair % 2 == 0;
      Side first = baselineFirst ? Side.BASELINE : Side.CANDIDATE;
      Side second = baselineFirst ? Side.CANDIDATE : Side.BASELINE;
      order.add(new Slot(first, first == Side.BASELINE ? ++b : ++c));
      order.add(new Slot(second, second == Side.BASELINE ? ++b : ++c));
    }
    return new ExperimentPlan(runsPerSide, order);
  }

  /** The order as text, e.g. {@code B1 C1 C2 B2}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Slot s : order) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(s.side() == Side.BASELINE ? 'B' : 'C').append(s.number());
    }
    return sb.toString();
  }
}
