package io.perfharness.profiling.diff;

import io.perfharness.profiling.collapsed.CollapsedProfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the stacks of one run come from: a profile already in memory (any format, read by any
 * reader), or a plain folded file that {@link ProfileDiff} streams without building a
 * {@link CollapsedProfile} (the fast path for large files). Immutable.
 */
public sealed interface StackSource permits StackSource.InMemory, StackSource.CollapsedFile {

    /** A profile in memory. */
    static StackSource of(CollapsedProfile profile) {
        return new InMemory(profile);
    }

    /**
     * A plain folded file (gzip-compressed if its name ends in {@code .gz}), UTF-8, read with the
     * rules of {@code CollapsedReader.strict()}: the first malformed line fails the diff with a
     * {@code CollapsedFormatException} naming file, line number and text.
     */
    static StackSource ofCollapsedFile(Path file) {
        return new CollapsedFile(file);
    }

    /** Stacks held in memory. */
    record InMemory(CollapsedProfile profile) implements StackSource {
        public InMemory {
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** A plain folded file, streamed. */
    record CollapsedFile(Path file) implements StackSource {
        public CollapsedFile {
            Objects.requireNonNull(file, "file");
        }
    }
}
