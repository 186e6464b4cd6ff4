package io.perfharness.reports.soak;

/** Live instances of one class and their shallow bytes in one snapshot. Immutable. */
public record ClassCount(long instances, long bytes) {
    public static final ClassCount NONE = new ClassCount(0, 0);
}
