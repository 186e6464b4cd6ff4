package io.perfharness.profiling.collapsed;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the collapsed variant written by grafana/jfr-parser (its {@code *_expected_collapsed.txt}
 * test files): frames carry a {@code :LINE} suffix and the value is bracketed, with one or two
 * values per line.
 *
 * <p>Format: frames root first, each {@code name:LINE} with a decimal line number ({@code 0} when
 * unknown), separated by {@code ;}; then a space and {@code [v1]} or {@code [v1 v2]}:
 * <pre>
 * java/lang/Thread.run:833;com/example/Server.handle:42;libc.so.6.__memmove_avx_unaligned_erms:0 [10000000]
 * com/sun/management/internal/GarbageCollectorExtImpl.createGCNotification:101 [8 20128]
 * </pre>
 * <ul>
 *   <li>Values are whatever the profile type says (the file names tell: {@code cpu__nanoseconds}
 *       means CPU nanoseconds; the alloc files have {@code [objects bytes]}).
 *       {@link #withValueIndex(int)} picks which value becomes the count; the default is the
 *       first.</li>
 *   <li>A {@code ;} separates frames only right after {@code :LINE}; elsewhere it belongs to the
 *       frame, as in the prelink name {@code ./usr/lib64/libpthread-2.17.so;649be141 (deleted):0}.
 *       Such a {@code ;} becomes {@code |} because the folded model cannot hold it.</li>
 *   <li>By default the {@code :LINE} suffix is dropped so that frames compare with
 *       async-profiler's (which carry no line numbers) and stacks differing only in line numbers
 *       merge; {@link #keepingLineNumbers()} keeps them.</li>
 *   <li>Frame names are otherwise verbatim, including the leading {@code .} of frames without a
 *       library ({@code .unknown_Java}).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class JfrParserVariantReader extends StackLineReader {
    private final int valueIndex;
    private final boolean keepLineNumbers;

    private JfrParserVariantReader(boolean strict, int maxExamples, int valueIndex, boolean keepLineNumbers) {
        super(strict, maxExamples);
        if (valueIndex < 0) {
            throw new IllegalArgumentException("valueIndex must be >= 0 but was " + valueIndex);
        }
        this.valueIndex = valueIndex;
        this.keepLineNumbers = keepLineNumbers;
    }

    /** A reader that fails at the first bad line, reads the first value, drops line numbers. */
    public static JfrParserVariantReader strict() {
        return new JfrParserVariantReader(true, 0, 0, false);
    }

    /** A reader that skips and counts bad lines, keeping the first five as examples. */
    public static JfrParserVariantReader lenient() {
        return new JfrParserVariantReader(false, DEFAULT_MAX_EXAMPLES, 0, false);
    }

    /** This reader, taking the count from the value at {@code index} (0-based) in the brackets. */
    public JfrParserVariantReader withValueIndex(int index) {
        return new JfrParserVariantReader(isStrict(), maxExamples(), index, keepLineNumbers);
    }

    /** This reader, keeping the {@code :LINE} suffix in frame names. */
    public JfrParserVariantReader keepingLineNumbers() {
        return new JfrParserVariantReader(isStrict(), maxExamples(), valueIndex, true);
    }

    @Override
    protected CollapsedStack parse(String line) {
        return parseLine(line, valueIndex, keepLineNumbers);
    }

    /** Parses one line taking the first value and dropping line numbers. */
    public static CollapsedStack parseLine(String line) {
        return parseLine(line, 0, false);
    }

    /**
     * Parses one line.
     *
     * @param valueIndex      which bracketed value becomes the count (0-based)
     * @param keepLineNumbers whether frames keep their {@code :LINE} suffix
     * @throws MalformedLineException with the problem and the text if the line is not valid
     */
    public static CollapsedStack parseLine(String line, int valueIndex, boolean keepLineNumbers) {
        String text = line.stripTrailing();
        if (text.isBlank()) {
            throw new MalformedLineException(LineProblem.BLANK_LINE, "", line);
        }
        int open = text.lastIndexOf(" [");
        if (!text.endsWith("]") || open < 0) {
            int space = text.lastIndexOf(' ');
            boolean plainCount = space >= 0 && space < text.length() - 1
                    && text.substring(space + 1).chars().allMatch(c -> c >= '0' && c <= '9');
            throw plainCount
                    ? new MalformedLineException(LineProblem.OTHER_FORMAT,
                            "an unbracketed count is the plain folded format; read it with CollapsedReader", line)
                    : new MalformedLineException(LineProblem.MISSING_COUNT, "expected ' [value]' at the end", line);
        }
        long count = parseValue(text.substring(open + 2, text.length() - 1), valueIndex, line);
        String stackText = text.substring(0, open);
        if (stackText.isEmpty()) {
            throw new MalformedLineException(LineProblem.EMPTY_STACK, "", line);
        }
        List<String> frames = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= stackText.length(); i++) {
            if (i == stackText.length() || stackText.charAt(i) == ';' && lineNumberEndsAt(stackText, start, i)) {
                frames.add(frame(stackText, start, i, frames.size() + 1, keepLineNumbers, line));
                start = i + 1;
            }
        }
        return new CollapsedStack(frames, count);
    }

    /** Whether {@code text[from, end)} ends with {@code :} and at least one digit. */
    private static boolean lineNumberEndsAt(String text, int from, int end) {
        int i = end - 1;
        while (i > from && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i--;
        }
        return i < end - 1 && i > from && text.charAt(i) == ':';
    }

    private static String frame(String stackText, int start, int end, int position, boolean keepLineNumbers,
                                String line) {
        if (start == end || stackText.charAt(start) == ';') {
            throw new MalformedLineException(LineProblem.EMPTY_FRAME, "frame " + position, line);
        }
        if (!lineNumberEndsAt(stackText, start, end)) {
            throw new MalformedLineException(LineProblem.BAD_FRAME, "frame " + position + " '"
                    + Excerpt.of(stackText.substring(start, end)) + "' does not end with ':LINE'", line);
        }
        String name = keepLineNumbers ? stackText.substring(start, end)
                : stackText.substring(start, stackText.lastIndexOf(':', end - 1));
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new MalformedLineException(LineProblem.BAD_FRAME, "frame " + position + " contains a line break", line);
        }
        return name.indexOf(';') >= 0 ? name.replace(';', '|') : name;
    }

    private static long parseValue(String values, int valueIndex, String line) {
        String[] tokens = values.split(" ", -1);
        if (valueIndex >= tokens.length) {
            throw new MalformedLineException(LineProblem.BAD_COUNT, "has " + tokens.length
                    + " value(s) but value " + (valueIndex + 1) + " was asked for", line);
        }
        for (String token : tokens) {
            CollapsedReader.parseCount(token, line);
        }
        return CollapsedReader.parseCount(tokens[valueIndex], line);
    }
}
