package io.perfharness.profiling.diff;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.normalize.FrameNormalizer;

import java.util.List;
import java.util.Objects;

/**
 * Computes the {@link ProfileDiffModel} of a baseline and a candidate side: frames are matched
 * after normalization, costs are per completed request. Files are streamed (see
 * {@link StackSource#ofCollapsedFile}), so two 100 MB profiles fit a 512 MB heap. Immutable and
 * thread-safe; each {@code compute} call is independent.
 */
public final class ProfileDiff {
    private static final ProfileDiff STANDARD = new ProfileDiff(FrameNormalizer.standard());

    private final FrameNormalizer normalizer;

    private ProfileDiff(FrameNormalizer normalizer) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    }

    /** A diff that normalizes with {@link FrameNormalizer#standard()}. */
    public static ProfileDiff standard() {
        return STANDARD;
    }

    /** A diff that normalizes with {@code normalizer}. */
    public static ProfileDiff with(FrameNormalizer normalizer) {
        return new ProfileDiff(normalizer);
    }

    /** {@code standard().diff(baseline, candidate)}. */
    public static ProfileDiffModel compute(DiffInput baseline, DiffInput candidate) throws ProfilingException {
        return STANDARD.diff(baseline, candidate);
    }

    /**
     * The diff of the two sides.
     *
     * @throws ProfilingException if a file cannot be read; a
     *         {@link io.perfharness.profiling.collapsed.CollapsedFormatException} names the file,
     *         line number and text of a malformed line
     */
    public ProfileDiffModel diff(DiffInput baseline, DiffInput candidate) throws ProfilingException {
        DiffAccumulator acc = new DiffAccumulator(normalizer);
        add(acc, DiffAccumulator.BASELINE, baseline);
        add(acc, DiffAccumulator.CANDIDATE, candidate);
        return new DiffModelAssembler(acc).assemble(baseline.label(), candidate.label());
    }

    private static void add(DiffAccumulator acc, int side, DiffInput input) throws ProfilingException {
        for (RunProfileSample run : input.runs()) {
            acc.beginRun(side, run);
            try {
                if (run.stacks() instanceof StackSource.InMemory memory) {
                    addProfile(acc, memory.profile().stacks());
                } else if (run.stacks() instanceof StackSource.CollapsedFile file) {
                    new CollapsedFileScanner(acc).scan(file.file());
                }
            } catch (ArithmeticException e) {
                throw new ProfilingException("side '" + input.label() + "': counts overflow a 64-bit total", e);
            }
            acc.endRun();
        }
    }

    private static void addProfile(DiffAccumulator acc, List<CollapsedStack> stacks) {
        int[] ids = new int[64];
        for (CollapsedStack stack : stacks) {
            List<String> frames = stack.frames();
            if (frames.size() > ids.length) {
                ids = new int[Math.max(frames.size(), ids.length * 2)];
            }
            for (int i = 0; i < frames.size(); i++) {
                ids[i] = acc.frameIdOfRaw(frames.get(i), i == 0);
            }
            acc.addStack(ids, frames.size(), stack.count());
        }
    }
}
