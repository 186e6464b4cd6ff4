package io.perfharness.profiling.collapsed;

import io.perfharness.profiling.ProfilingException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Base of the line-oriented stack file readers: owns the read loop, strict and lenient modes,
 * line numbers and error reporting; subclasses supply the pure line parser. Immutable.
 *
 * <p>Strict mode stops at the first bad line with a {@link CollapsedFormatException} naming the
 * file, the line number and the text. Lenient mode skips bad lines, counts them per problem and
 * keeps the first few as examples in {@link CollapsedReadResult#skipped()}.
 * Files whose name ends in {@code .gz} are decompressed on the fly.
 */
public abstract class StackLineReader {
    /** How many skipped lines a lenient read keeps as examples unless told otherwise. */
    public static final int DEFAULT_MAX_EXAMPLES = 5;

    private final boolean strict;
    private final int maxExamples;

    protected StackLineReader(boolean strict, int maxExamples) {
        if (maxExamples < 0) {
            throw new IllegalArgumentException("maxExamples must be >= 0 but was " + maxExamples);
        }
        this.strict = strict;
        this.maxExamples = maxExamples;
    }

    /** The hook: parse one line or throw {@link MalformedLineException}. Must be pure. */
    protected abstract CollapsedStack parse(String line);

    public final boolean isStrict() {
        return strict;
    }

    protected final int maxExamples() {
        return maxExamples;
    }

    /** Reads a stack file (gzip-compressed if its name ends in {@code .gz}), UTF-8. */
    public final CollapsedReadResult read(Path file) throws ProfilingException {
        try (InputStream in = open(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new ProfilingException("could not read stack file " + file + ": " + e, e);
        }
    }

    /** Reads stack lines from {@code reader}; {@code sourceName} names the source in errors. */
    public final CollapsedReadResult read(Reader reader, String sourceName) throws ProfilingException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<CollapsedStack> stacks = new ArrayList<>();
        SkippedLines.Collector skipped = new SkippedLines.Collector(maxExamples);
        long lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                try {
                    stacks.add(parse(line));
                } catch (MalformedLineException e) {
                    if (strict) {
                        throw new CollapsedFormatException(sourceName, lineNumber, e);
                    }
                    skipped.add(lineNumber, e);
                }
            }
        } catch (IOException e) {
            throw new ProfilingException("could not read " + sourceName + " after line " + lineNumber
                    + ": " + e, e);
        }
        try {
            return new CollapsedReadResult(CollapsedProfile.of(stacks), lineNumber, skipped.build());
        } catch (ArithmeticException e) {
            throw new ProfilingException(sourceName + ": counts overflow a 64-bit total", e);
        }
    }

    /** Opens a stack file, gunzipping it when its name ends in {@code .gz}. */
    public static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                return new GZIPInputStream(in, 1 << 16);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }
        return in;
    }
}
