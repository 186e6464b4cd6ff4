package io.perfharness.loadtests.shape;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.perfharness.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a {@link ShapeFile} as JSON: sorted keys, objects indented, number pairs kept on one line
 * (a curve of thousands of buckets stays readable). Deterministic: the same shape, the same bytes.
 */
public final class ShapeFileWriter {
    private static final ObjectWriter WRITER = Json.mapper().writer(new DefaultPrettyPrinter()
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance)
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private ShapeFileWriter() {
    }

    public static String write(ShapeFile shape) throws IOException {
        return WRITER.writeValueAsString(shape) + "\n";
    }

    /** Writes through a temporary file and a move, so a reader never sees half a file. */
    public static void write(ShapeFile shape, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, write(shape));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
