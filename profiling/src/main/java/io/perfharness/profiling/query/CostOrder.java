package io.perfharness.profiling.query;

/** Which cost ranks frames in a top list. */
public enum CostOrder {
    /** Leaf cost: where the event happened. */
    SELF("self"),
    /** Inclusive cost: the frame and everything it called ("total"). */
    TOTAL("total");

    private final String label;

    CostOrder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
