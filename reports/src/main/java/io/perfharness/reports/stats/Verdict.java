package io.perfharness.reports.stats;

/** The decision about one metric of a comparison, with the label reports print. */
public enum Verdict {
    REGRESSION("REGRESSION"),
    IMPROVEMENT("IMPROVEMENT"),
    NO_CHANGE("NO CHANGE"),
    INCONCLUSIVE("INCONCLUSIVE");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The words reports print: "NO CHANGE" rather than the constant's name. */
    public String label() {
        return label;
    }
}
