package io.perfharness.reports.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number formatting for verdict reasons, with {@link Locale#ROOT}: as few digits as read well, but
 * never so few that a rounded number seems to contradict the verdict (an interval end of 1.0496
 * printed as 1.05 against a 5% band, a p of 0.0496 printed as 0.05 against alpha 0.05). Stateless.
 */
final class ReasonFormat {

    private static final int MAX_EXTRA_DIGITS = 6;

    private ReasonFormat() {
    }

    /** "[lower, upper]" with at least minDecimals decimals, more while rounding would cross an edge. */
    static String interval(double lower, double upper, int minDecimals, double... edges) {
        int decimals = minDecimals;
        while (decimals < minDecimals + MAX_EXTRA_DIGITS
                && (crossesAnEdge(lower, decimals, edges) || crossesAnEdge(upper, decimals, edges))) {
            decimals++;
        }
        return "[" + fixed(lower, decimals) + ", " + fixed(upper, decimals) + "]";
    }

    /** A p-value with two significant digits, more while rounding would move it across alpha. */
    static String pValue(double p, double alpha) {
        int digits = 2;
        while (digits < 2 + MAX_EXTRA_DIGITS
                && Integer.signum(Double.compare(significant(p, digits), alpha)) != Integer.signum(Double.compare(p, alpha))) {
            digits++;
        }
        if (p != 0 && p < 1e-4) {
            return String.format(Locale.ROOT, "%." + (digits - 1) + "e", p);
        }
        return new BigDecimal(p).round(new MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage without trailing zeros: 0.05 is "5%", 0.025 is "2.5%". */
    static String percent(double fraction) {
        return plain(fraction * 100) + "%";
    }

    /** A number without exponent or trailing zeros, to six significant digits. */
    static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }

    private static boolean crossesAnEdge(double value, int decimals, double[] edges) {
        double rounded = Double.parseDouble(fixed(value, decimals));
        for (double edge : edges) {
            if (Integer.signum(Double.compare(rounded, edge)) != Integer.signum(Double.compare(value, edge))) {
                return true;
            }
        }
        return false;
    }

    private static double significant(double value, int digits) {
        return new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP)).doubleValue();
    }

    private static String fixed(double value, int decimals) {
        String formatted = String.format(Locale.ROOT, "%." + decimals + "f", value);
        // A tiny negative value rounds to "-0.00"; the sign carries no information there.
        return formatted.matches("-0\\.0*") ? formatted.substring(1) : formatted;
    }
}
