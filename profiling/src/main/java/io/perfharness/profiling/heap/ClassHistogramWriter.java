package io.perfharness.profiling.heap;

import io.perfharness.profiling.ProfilingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a captured histogram to {@code heap/histo-<epochMillis>.txt}, the JVM's text verbatim so a person
 * can read it and {@link ClassHistogramReader} can parse it back. Never overwrites. Stateless.
 */
public final class ClassHistogramWriter {
    private ClassHistogramWriter() {}

    /** Writes the file (creating {@code heapDir}) and returns its path. */
    public static Path write(Path heapDir, CapturedHistogram captured) throws ProfilingException {
        Path file = ClassHistogramFiles.fileFor(heapDir, captured.histogram().timestamp());
        try {
            Files.createDirectories(heapDir);
            Files.writeString(file, captured.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return file;
        } catch (IOException e) {
            throw new ProfilingException("cannot write the class histogram " + file + ": " + e.getMessage(), e);
        }
    }
}
