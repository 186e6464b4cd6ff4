package io.perfharness.profiling.heap;

/**
 * One class of a histogram: live instances and their shallow bytes. Immutable.
 *
 * @param className as the JVM prints it: {@code java.lang.String}, {@code [B}, {@code [Ljava.lang.Object;}
 */
public record ClassHistogramEntry(String className, long instances, long bytes) {
    public ClassHistogramEntry {
        if (className == null || className.isEmpty()) {
            throw new IllegalArgumentException("className must not be empty but was '" + className + "'");
        }
        if (instances < 0 || bytes < 0) {
            throw new IllegalArgumentException("instances and bytes must be >= 0 but were " + instances
                    + " and " + bytes + " for " + className);
        }
    }
}
