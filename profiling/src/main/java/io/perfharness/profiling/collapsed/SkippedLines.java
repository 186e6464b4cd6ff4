package io.perfharness.profiling.collapsed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a lenient read skipped: a count per problem and the first few examples with line
 * numbers, so that nothing is dropped silently. Immutable.
 *
 * @param countsByProblem skipped lines per problem, only problems that occurred
 * @param firstExamples   the first skipped lines, in file order, at most the reader's limit
 */
public record SkippedLines(Map<LineProblem, Long> countsByProblem, List<SkippedLine> firstExamples) {
    private static final SkippedLines NONE = new SkippedLines(Map.of(), List.of());

    public SkippedLines {
        // EnumMap keeps the iteration order fixed (declaration order) for deterministic output.
        EnumMap<LineProblem, Long> copy = new EnumMap<>(LineProblem.class);
        copy.putAll(countsByProblem);
        countsByProblem = Collections.unmodifiableMap(copy);
        firstExamples = List.copyOf(firstExamples);
    }

    public static SkippedLines none() {
        return NONE;
    }

    /** Total number of skipped lines. */
    public long total() {
        return countsByProblem.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean isEmpty() {
        return countsByProblem.isEmpty();
    }

    /** One line per problem, e.g. {@code skipped 3 lines: 2 bad count (first at line 7: '...')}. */
    public String summary() {
        if (isEmpty()) {
            return "skipped 0 lines";
        }
        StringBuilder sb = new StringBuilder("skipped ").append(total()).append(" lines:");
        for (LineProblem problem : LineProblem.values()) {
            Long count = countsByProblem.get(problem);
            if (count == null) {
                continue;
            }
            sb.append(' ').append(count).append(' ').append(problem.description());
            firstExamples.stream().filter(s -> s.problem() == problem).findFirst().ifPresent(s ->
                    sb.append(" (first at line ").append(s.lineNumber()).append(": '")
                            .append(s.excerpt()).append("')"));
            sb.append(';');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /** Collects skipped lines during one read. Mutable, single-threaded. */
    static final class Collector {
        private final int maxExamples;
        private final Map<LineProblem, Long> counts = new EnumMap<>(LineProblem.class);
        private final List<SkippedLine> examples = new ArrayList<>();

        Collector(int maxExamples) {
            this.maxExamples = maxExamples;
        }

        void add(long lineNumber, MalformedLineException e) {
            counts.merge(e.problem(), 1L, Long::sum);
            if (examples.size() < maxExamples) {
                examples.add(new SkippedLine(lineNumber, e.problem(), Excerpt.of(e.lineText())));
            }
        }

        SkippedLines build() {
            return counts.isEmpty() ? NONE : new SkippedLines(counts, examples);
        }
    }
}
