package io.perfharness.profiling.heap;

import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names of the histogram files in a run's {@code heap/} folder: {@code histo-<epochMillis>.txt}. */
public final class ClassHistogramFiles {
    /** Glob of the files, for listing a folder. */
    public static final String GLOB = "histo-*.txt";

    private static final Pattern NAME = Pattern.compile("histo-(\\d{1,19})\\.txt");

    private ClassHistogramFiles() {}

    /** The file of a histogram taken at {@code timestamp}, e.g. {@code heap/histo-1764121500123.txt}. */
    public static Path fileFor(Path heapDir, Instant timestamp) {
        return heapDir.resolve("histo-" + timestamp.toEpochMilli() + ".txt");
    }

    /** Whether {@code file} is named like a histogram file. */
    public static boolean isHistogramFile(Path file) {
        return NAME.matcher(file.getFileName().toString()).matches();
    }

    /**
     * The timestamp in the file's name.
     *
     * @throws IllegalArgumentException when the name is not {@code histo-<epochMillis>.txt}
     */
    public static Instant timestampOf(Path file) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("a histogram file name must be histo-<epochMillis>.txt but was '"
                    + file.getFileName() + "'");
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(name.group(1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("epoch milliseconds out of range in '" + file.getFileName() + "'", e);
        }
    }
}
