package io.perfharness.reports.stats;

/** Argument checks shared by the tests and estimators of this package; stateless. */
final class Samples {

    private Samples() {
    }

    static void requireNonEmpty(String name, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " must have at least 1 value but had 0");
        }
    }

    static void requireFinite(String name, double[] values) {
        requireNonEmpty(name, values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite but was " + values[i]);
            }
        }
    }

    static void requirePositive(String name, double[] values) {
        requireFinite(name, values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] <= 0) {
                throw new IllegalArgumentException(name + "[" + i + "] must be > 0 for a ratio but was " + values[i]);
            }
        }
    }

    static void requireConfidenceLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidenceLevel must be in (0, 1) but was " + confidenceLevel);
        }
    }
}
