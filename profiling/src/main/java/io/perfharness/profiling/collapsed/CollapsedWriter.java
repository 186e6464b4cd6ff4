package io.perfharness.profiling.collapsed;

import io.perfharness.profiling.ProfilingException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a {@link CollapsedProfile} in the folded format that {@link CollapsedReader} specifies:
 * one {@code root;...;leaf count} line per stack, {@code \n} line ends, UTF-8, in the profile's
 * order (count descending, then stack text), so equal profiles give byte-identical files.
 * Stateless.
 */
public final class CollapsedWriter {

    private CollapsedWriter() {
    }

    /** Writes to {@code file} through a temporary sibling, so readers never see half a file. */
    public static void write(CollapsedProfile profile, Path file) throws ProfilingException {
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(parent);
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(profile, out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ProfilingException("could not write collapsed profile " + file + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed or succeeded; a stray temp file is not worth a second error
            }
        }
    }

    /** Writes to {@code out}; does not close it. */
    public static void write(CollapsedProfile profile, Writer out) throws IOException {
        Writer buffered = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        for (CollapsedStack stack : profile.stacks()) {
            buffered.write(stack.stackText());
            buffered.write(' ');
            buffered.write(Long.toString(stack.count()));
            buffered.write('\n');
        }
        buffered.flush();
    }

    /** The profile as folded text. */
    public static String toText(CollapsedProfile profile) {
        StringBuilder sb = new StringBuilder();
        for (CollapsedStack stack : profile.stacks()) {
            sb.append(stack.stackText()).append(' ').append(stack.count()).append('\n');
        }
        return sb.toString();
    }
}
