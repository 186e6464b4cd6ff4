package io.perfharness.profiling.collapsed;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Brendan Gregg's folded ("collapsed") stack format, as written by
 * {@code stackcollapse-*.pl}, async-profiler ({@code -o collapsed}) and {@link CollapsedWriter}.
 *
 * <p>Format: one stack per line, frames root first separated by {@code ;}, then a single space
 * and the count, a non-negative decimal integer:
 * <pre>
 * java/lang/Thread.run_[j];com/example/Server.handle_[j];java/util/HashMap.get_[i] 1234
 * </pre>
 * <ul>
 *   <li>The count is the last space-separated token; frames themselves may contain spaces
 *       ({@code oopDesc* PSPromotionManager::copy_to_survivor_space<false>}) and {@code <...>},
 *       so only the last space separates. A frame cannot contain {@code ;}: the format has no
 *       escaping (none of the real files we test against has one inside {@code <...>}).</li>
 *   <li>Frame names are taken verbatim, including type suffixes such as {@code _[j]};
 *       {@code FrameNormalizer} removes what changes between runs.</li>
 *   <li>The same stack may appear on several lines; counts add up.</li>
 *   <li>Trailing whitespace is ignored. Blank lines, a missing or non-integer count and empty
 *       frames ({@code a;;b}) are errors; strict mode stops at the first, lenient mode counts
 *       them.</li>
 *   <li>Lines of the jfr-parser variant ({@code Foo.bar:12 [100]}) are rejected with a message
 *       pointing at {@link JfrParserVariantReader}.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class CollapsedReader extends StackLineReader {

    private CollapsedReader(boolean strict, int maxExamples) {
        super(strict, maxExamples);
    }

    /** A reader that fails at the first bad line. */
    public static CollapsedReader strict() {
        return new CollapsedReader(true, 0);
    }

    /** A reader that skips bad lines, counts them and keeps the first five as examples. */
    public static CollapsedReader lenient() {
        return lenient(DEFAULT_MAX_EXAMPLES);
    }

    /** A reader that skips bad lines and keeps the first {@code maxExamples} as examples. */
    public static CollapsedReader lenient(int maxExamples) {
        return new CollapsedReader(false, maxExamples);
    }

    @Override
    protected CollapsedStack parse(String line) {
        return parseLine(line);
    }

    /**
     * Parses one folded line.
     *
     * @throws MalformedLineException with the problem and the text if the line is not valid
     */
    public static CollapsedStack parseLine(String line) {
        String text = line.stripTrailing();
        if (text.isBlank()) {
            throw new MalformedLineException(LineProblem.BLANK_LINE, "", line);
        }
        int space = text.lastIndexOf(' ');
        if (space < 0) {
            throw new MalformedLineException(LineProblem.MISSING_COUNT, "", line);
        }
        String countText = text.substring(space + 1);
        if (countText.endsWith("]") && text.lastIndexOf(" [") >= 0) {
            throw new MalformedLineException(LineProblem.OTHER_FORMAT,
                    "bracketed value and frames ending ':LINE' are the jfr-parser variant;"
                            + " read it with JfrParserVariantReader", line);
        }
        long count = parseCount(countText, line);
        String stackText = text.substring(0, space);
        if (stackText.isEmpty()) {
            throw new MalformedLineException(LineProblem.EMPTY_STACK, "", line);
        }
        return new CollapsedStack(splitFrames(stackText, line), count);
    }

    static long parseCount(String countText, String line) {
        if (countText.isEmpty()) {
            throw new MalformedLineException(LineProblem.MISSING_COUNT, "", line);
        }
        for (int i = 0; i < countText.length(); i++) {
            char c = countText.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedLineException(LineProblem.BAD_COUNT, "'" + countText + "'", line);
            }
        }
        try {
            return Long.parseLong(countText);
        } catch (NumberFormatException e) {
            throw new MalformedLineException(LineProblem.BAD_COUNT, "'" + countText + "' overflows", line);
        }
    }

    private static List<String> splitFrames(String stackText, String line) {
        List<String> frames = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = stackText.indexOf(';', start);
            String frame = end < 0 ? stackText.substring(start) : stackText.substring(start, end);
            if (frame.isEmpty()) {
                throw new MalformedLineException(LineProblem.EMPTY_FRAME,
                        "frame " + (frames.size() + 1), line);
            }
            if (frame.indexOf('\n') >= 0 || frame.indexOf('\r') >= 0) {
                throw new MalformedLineException(LineProblem.BAD_FRAME,
                        "frame " + (frames.size() + 1) + " contains a line break", line);
            }
            frames.add(frame);
            if (end < 0) {
                return frames;
            }
            start = end + 1;
        }
    }
}
