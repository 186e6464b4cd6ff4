package io.perfharness.reports.soak;

import java.util.Arrays;
import java.util.Locale;

/** Applies {@link LeakThresholds} to one series; the single place where a verdict and its reason are made. */
final class SeriesJudge {
    /** One-sided upper bound used to say whether noise could hide a leak. */
    private static final double UPPER_BOUND_TAIL = 0.05;

    private final LeakThresholds thresholds;

    SeriesJudge(LeakThresholds thresholds) {
        this.thresholds = thresholds;
    }

    SeriesVerdict judge(String series, String unit, long[] completedRequests, double[] values, double minGrowth) {
        int n = values.length;
        SeriesTrend noFit = new SeriesTrend(n, n == 0 ? Double.NaN : values[0], n == 0 ? Double.NaN : values[n - 1],
                null, Double.NaN, stepFraction(values, 1), stepFraction(values, -1), Double.NaN);
        if (n < thresholds.minSnapshots()) {
            return new SeriesVerdict(series, unit, LeakVerdict.INCONCLUSIVE,
                    "too few snapshots (" + n + ", need " + thresholds.minSnapshots() + ")", noFit);
        }
        double spanThousands = (completedRequests[n - 1] - completedRequests[0]) / 1000.0;
        if (spanThousands <= 0) {
            return new SeriesVerdict(series, unit, LeakVerdict.INCONCLUSIVE,
                    "completed requests did not grow between the first and last snapshot", noFit);
        }
        LinearTrend fit = LinearTrend.fit(completedRequests, values);
        int lateFrom = n / 2;
        LinearTrend late = LinearTrend.fit(Arrays.copyOfRange(completedRequests, lateFrom, n),
                Arrays.copyOfRange(values, lateFrom, n));
        double growth = fit.slopePerThousandRequests() * spanThousands;
        SeriesTrend trend = new SeriesTrend(n, values[0], values[n - 1], fit, growth, noFit.increasingStepFraction(),
                noFit.decreasingStepFraction(), late.slopePerThousandRequests());
        String slope = "slope " + amount(fit.slopePerThousandRequests(), unit) + " per 1,000 requests";
        String quality = String.format(Locale.ROOT, "R² %.2f, p %.3g", fit.rSquared(), fit.pValueSlopePositive());

        if (!(fit.slopePerThousandRequests() > 0) || fit.pValueSlopePositive() >= thresholds.maxPValue()) {
            double upperSlope = fit.slopePerThousandRequests() + tQuantile(n - 2) * fit.slopeStandardError();
            double upperGrowth = upperSlope * spanThousands;
            if (upperGrowth >= minGrowth) {
                return verdict(series, unit, LeakVerdict.INCONCLUSIVE, "no significant upward trend (" + slope + ", "
                        + quality + "), but the noise allows growth up to " + amount(upperGrowth, unit)
                        + " over the run (a leak needs " + amount(minGrowth, unit) + "); take more snapshots", trend);
            }
            return verdict(series, unit, LeakVerdict.NO_LEAK, "no upward trend (" + slope + ", " + quality
                    + "); growth over the run at most " + amount(Math.max(0, upperGrowth), unit), trend);
        }
        if (growth < minGrowth) {
            return verdict(series, unit, LeakVerdict.NO_LEAK, "grows only " + amount(growth, unit)
                    + " over the run, below the " + amount(minGrowth, unit) + " that counts as a leak (" + slope
                    + ", " + quality + ")", trend);
        }
        if (late.slopePerThousandRequests() < thresholds.minLateSlopeRatio() * fit.slopePerThousandRequests()) {
            return verdict(series, unit, LeakVerdict.NO_LEAK, "grew " + amount(growth, unit)
                    + ", then levelled off: last-half slope " + amount(late.slopePerThousandRequests(), unit)
                    + " per 1,000 requests against " + amount(fit.slopePerThousandRequests(), unit)
                    + " overall (a bounded cache or pool filling up)", trend);
        }
        if (trend.increasingStepFraction() < thresholds.minIncreasingStepFraction()
                || trend.decreasingStepFraction() > thresholds.maxDecreasingStepFraction()) {
            return verdict(series, unit, LeakVerdict.INCONCLUSIVE, "rising (" + slope + ", " + quality
                    + ") but not steadily: " + percent(trend.increasingStepFraction()) + " of steps up, "
                    + percent(trend.decreasingStepFraction()) + " down (a leak needs at least "
                    + percent(thresholds.minIncreasingStepFraction()) + " up and at most "
                    + percent(thresholds.maxDecreasingStepFraction()) + " down)", trend);
        }
        return verdict(series, unit, LeakVerdict.LEAK_SUSPECTED, "grows " + amount(growth, unit) + " over the run, "
                + slope + " (" + quality + "), " + percent(trend.increasingStepFraction()) + " of steps up", trend);
    }

    private static SeriesVerdict verdict(String series, String unit, LeakVerdict verdict, String reason,
            SeriesTrend trend) {
        return new SeriesVerdict(series, unit, verdict, reason, trend);
    }

    /** Share of consecutive pairs that moved in {@code direction} (1 up, -1 down). */
    static double stepFraction(double[] values, int direction) {
        if (values.length < 2) {
            return Double.NaN;
        }
        int count = 0;
        for (int i = 1; i < values.length; i++) {
            if (Double.compare(Math.signum(values[i] - values[i - 1]), direction) == 0) {
                count++;
            }
        }
        return (double) count / (values.length - 1);
    }

    /** The t value with {@link #UPPER_BOUND_TAIL} above it, by bisection. */
    static double tQuantile(int degreesOfFreedom) {
        double low = 0;
        double high = 1000;
        for (int i = 0; i < 100; i++) {
            double mid = (low + high) / 2;
            if (StudentT.upperTail(mid, degreesOfFreedom) > UPPER_BOUND_TAIL) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    static String amount(double value, String unit) {
        if ("bytes".equals(unit)) {
            double abs = Math.abs(value);
            if (abs >= 1024 * 1024) {
                return String.format(Locale.ROOT, "%.2f MiB", value / (1024 * 1024));
            }
            if (abs >= 1024) {
                return String.format(Locale.ROOT, "%.1f KiB", value / 1024);
            }
            return String.format(Locale.ROOT, "%.0f bytes", value);
        }
        return String.format(Locale.ROOT, "%.2f %s", value, unit);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}
