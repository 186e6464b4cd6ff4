package io.perfharness.profiling.heap;

import io.perfharness.profiling.ProfilingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the {@code heap/histo-<epochMillis>.txt} files of a run: each holds the JVM's
 * {@code GC.class_histogram} text verbatim (format in {@link ClassHistogramParser}) and is timestamped by
 * its name ({@link ClassHistogramFiles}). Strict: a malformed file is an error naming file and line.
 * Stateless.
 */
public final class ClassHistogramReader {
    private ClassHistogramReader() {}

    /** Reads one file; its timestamp comes from its name. */
    public static ClassHistogram read(Path file) throws ProfilingException {
        if (!ClassHistogramFiles.isHistogramFile(file)) {
            throw new ProfilingException(file + ": a histogram file name must be histo-<epochMillis>.txt");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfilingException("cannot read the class histogram " + file + ": " + e.getMessage(), e);
        }
        return ClassHistogramParser.parse(file.toString(), text, ClassHistogramFiles.timestampOf(file));
    }

    /** Every histogram file of {@code heapDir}, oldest first; other files (a heap dump) are left alone. */
    public static List<ClassHistogram> readAll(Path heapDir) throws ProfilingException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(heapDir, ClassHistogramFiles.GLOB)) {
            listing.forEach(files::add);
        } catch (IOException e) {
            throw new ProfilingException("cannot list the class histograms in " + heapDir + ": " + e.getMessage(), e);
        }
        List<ClassHistogram> histograms = new ArrayList<>();
        for (Path file : files) {
            histograms.add(read(file));
        }
        histograms.sort(Comparator.comparing(ClassHistogram::timestamp));
        return histograms;
    }
}
