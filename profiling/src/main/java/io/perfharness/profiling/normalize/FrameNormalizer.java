package io.perfharness.profiling.normalize;

import io.perfharness.profiling.collapsed.CollapsedProfile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites frame names so that the same code gets the same name in every JVM run: lambda and
 * hidden-class ids, hex addresses, generated accessor and proxy numbers, thread ids and pids,
 * async-profiler's frame-type suffixes ({@link NormalizationRule} lists them with examples).
 * Every diff or merge of profiles from different runs must normalize both sides first.
 *
 * <p>Normalizing a profile merges stacks that become identical; their counts add, the total
 * stays. Immutable and thread-safe.
 */
public final class FrameNormalizer {
    private static final FrameNormalizer STANDARD = new FrameNormalizer(EnumSet.allOf(NormalizationRule.class));

    private final List<NormalizationRule> anyFrameRules = new ArrayList<>();
    private final List<NormalizationRule> rootFrameRules = new ArrayList<>();

    private FrameNormalizer(Set<NormalizationRule> rules) {
        for (NormalizationRule rule : rules) {
            (rule.scope() == NormalizationRule.Scope.ROOT_FRAME ? rootFrameRules : anyFrameRules).add(rule);
        }
    }

    /** All rules, in {@link NormalizationRule} order. */
    public static FrameNormalizer standard() {
        return STANDARD;
    }

    /** Only the given rules (in {@link NormalizationRule} order), e.g. to study one rule's effect. */
    public static FrameNormalizer of(Set<NormalizationRule> rules) {
        return new FrameNormalizer(rules.isEmpty() ? EnumSet.noneOf(NormalizationRule.class) : EnumSet.copyOf(rules));
    }

    /** Normalizes a frame that is not the root frame. */
    public String normalizeFrame(String frame) {
        String result = frame;
        for (NormalizationRule rule : anyFrameRules) {
            result = rule.apply(result);
        }
        return result.isEmpty() ? frame : result;
    }

    /** Normalizes the root (first) frame: the frame rules, then the process and thread rules. */
    public String normalizeRootFrame(String frame) {
        String result = normalizeFrame(frame);
        for (NormalizationRule rule : rootFrameRules) {
            result = rule.apply(result);
        }
        return result.isEmpty() ? frame : result;
    }

    /** Normalizes a stack (root first). */
    public List<String> normalizeStack(List<String> frames) {
        return normalizeStack(frames, new HashMap<>());
    }

    /** Normalizes every stack and merges stacks that become identical. */
    public CollapsedProfile normalize(CollapsedProfile profile) {
        // Profiles repeat the same frames across many stacks: normalize each distinct name once.
        Map<String, String> cache = new HashMap<>();
        return profile.mapFrames(frames -> normalizeStack(frames, cache));
    }

    private List<String> normalizeStack(List<String> frames, Map<String, String> cache) {
        List<String> result = new ArrayList<>(frames.size());
        result.add(normalizeRootFrame(frames.get(0)));
        for (int i = 1; i < frames.size(); i++) {
            result.add(cache.computeIfAbsent(frames.get(i), this::normalizeFrame));
        }
        return result;
    }
}
