package io.perfharness.reports.soak;

/** The answer for one series of a soak run. */
public enum LeakVerdict {
    LEAK_SUSPECTED("LEAK SUSPECTED"),
    NO_LEAK("NO LEAK"),
    INCONCLUSIVE("INCONCLUSIVE");

    private final String label;

    LeakVerdict(String label) {
        this.label = label;
    }

    /** As printed in reports: {@code LEAK SUSPECTED}, {@code NO LEAK}, {@code INCONCLUSIVE}. */
    public String label() {
        return label;
    }
}
