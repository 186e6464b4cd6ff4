package io.perfharness.profiling.query;

import io.perfharness.profiling.event.ProfilingEvent;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link TopFrames} and {@link StackMatches} as compact, aligned text for
 * {@code perf top RUN} and {@code perf stacks RUN --frame REGEX}: for people and for agents that
 * read terminals. Deterministic (same model, same text), {@link Locale#ROOT} numbers, {@code \n}
 * line ends. Stateless.
 */
public final class QueryTextRenderer {
    /** Printed in place of the frames all rows share. */
    public static final String ELISION = "...";

    private QueryTextRenderer() {
    }

    /** A top list with counts and shares only. */
    public static String renderTop(ProfilingEvent event, TopFrames top) {
        return renderTop(event, top, null);
    }

    /**
     * A top list; with {@code cost} (may be null) also self and total cost per request.
     *
     * <pre>
     * cpu: top 2 frames by self of 185 samples (34 frames)
     *  self%  total%  self  total  frame
     * 77.30%  77.30%   143    143  read
     * </pre>
     */
    public static String renderTop(ProfilingEvent event, TopFrames top, RequestCost cost) {
        checkEvent(event, cost);
        StringBuilder out = new StringBuilder();
        out.append(event.id()).append(": top ").append(top.rows().size()).append(" frames by ")
                .append(top.order().label()).append(" of ").append(top.profileTotalCount()).append(' ')
                .append(event.countUnit().label()).append(" (").append(top.distinctFrames()).append(" frames)");
        if (cost != null) {
            out.append("; per request over ").append(cost.completedRequests()).append(" requests");
        }
        out.append('\n');
        List<String[]> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("self%", "total%", "self", "total"));
        if (cost != null) {
            header.add("self " + cost.unit().label());
            header.add("total " + cost.unit().label());
        }
        header.add("frame");
        table.add(header.toArray(String[]::new));
        for (FrameCost row : top.rows()) {
            List<String> cells = new ArrayList<>(List.of(percent(row.selfShare()), percent(row.inclusiveShare()),
                    Long.toString(row.selfCount()), Long.toString(row.inclusiveCount())));
            if (cost != null) {
                cells.add(number(cost.perRequest(row.selfCount())));
                cells.add(number(cost.perRequest(row.inclusiveCount())));
            }
            cells.add(row.frame());
            table.add(cells.toArray(String[]::new));
        }
        appendAligned(out, table);
        return out.toString();
    }

    /** Stacks through matching frames with counts and shares only. */
    public static String renderStacks(ProfilingEvent event, StackMatches matches) {
        return renderStacks(event, matches, null);
    }

    /**
     * Stacks through matching frames, each as a folded line ({@code frames count}) whose common
     * prefix is printed once and elided as {@value #ELISION}; with {@code cost} (may be null)
     * also the cost per request of each stack.
     *
     * <pre>
     * cpu: stacks through /read/: 180 of 185 samples (97.30%) in 2 stacks, showing 2
     * common prefix (2 frames): BusyClient.run;InputStream.read
     *  share  stack
     * 77.30%  ...;SocketInputStream.read;read 143
     * </pre>
     */
    public static String renderStacks(ProfilingEvent event, StackMatches matches, RequestCost cost) {
        checkEvent(event, cost);
        StringBuilder out = new StringBuilder();
        out.append(event.id()).append(": stacks through /").append(matches.frameRegex()).append("/: ")
                .append(matches.matchedTotalCount()).append(" of ").append(matches.profileTotalCount()).append(' ')
                .append(event.countUnit().label()).append(" (").append(percent(matches.matchedShare()))
                .append(") in ").append(matches.matchedStackCount()).append(" stacks, showing ")
                .append(matches.rows().size());
        if (cost != null) {
            out.append("; per request over ").append(cost.completedRequests()).append(" requests");
        }
        out.append('\n');
        if (!matches.commonPrefix().isEmpty()) {
            out.append("common prefix (").append(matches.commonPrefix().size()).append(" frames): ")
                    .append(String.join(";", matches.commonPrefix())).append('\n');
        }
        if (matches.rows().isEmpty()) {
            return out.toString();
        }
        List<String[]> table = new ArrayList<>();
        table.add(cost == null ? new String[] {"share", "stack"} : new String[] {"share", cost.unit().label(), "stack"});
        for (MatchedStack row : matches.rows()) {
            String line = (matches.commonPrefix().isEmpty() ? "" : ELISION + ";")
                    + String.join(";", matches.shownFrames(row)) + ' ' + row.count();
            table.add(cost == null ? new String[] {percent(row.share()), line}
                    : new String[] {percent(row.share()), number(cost.perRequest(row.count())), line});
        }
        appendAligned(out, table);
        return out.toString();
    }

    private static void checkEvent(ProfilingEvent event, RequestCost cost) {
        if (cost != null && cost.event() != event) {
            throw new IllegalArgumentException("cost must be for event " + event.id() + " but was for "
                    + cost.event().id());
        }
    }

    /** Right-aligns every column but the last, which is left as is (frames, stacks). */
    private static void appendAligned(StringBuilder out, List<String[]> table) {
        int columns = table.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : table) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : table) {
            for (int c = 0; c < columns - 1; c++) {
                out.append(" ".repeat(widths[c] - row[c].length())).append(row[c]).append("  ");
            }
            out.append(row[columns - 1]).append('\n');
        }
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    /** Four significant digits below 1000, whole numbers above: enough to see a change, no noise. */
    public static String number(double value) {
        if (value == 0) {
            return "0";
        }
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new BigDecimal(value).round(new MathContext(4, RoundingMode.HALF_EVEN))
                .stripTrailingZeros().toPlainString();
    }
}
