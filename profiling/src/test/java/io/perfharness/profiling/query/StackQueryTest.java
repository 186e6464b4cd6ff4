package io.perfharness.profiling.query;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.normalize.FrameNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class StackQueryTest {

    @Test
    void findsStacksThroughMatchingFramesRankedWithTheCommonPrefixElided() {
        CollapsedProfile profile = CollapsedProfile.of(List.of(
                stack(5, "Thread.run", "Pool.work", "Handler.get", "Db.query", "socketRead"),
                stack(3, "Thread.run", "Pool.work", "Handler.put", "Db.query", "socketWrite"),
                stack(7, "Thread.run", "Pool.work", "Handler.get", "Json.write"),
                stack(2, "Thread.run", "Gc.run")));

        StackMatches matches = StackQuery.through(profile, Pattern.compile("Db\\.query"), 10);

        assertThat(matches.matchedTotalCount()).isEqualTo(8);
        assertThat(matches.matchedStackCount()).isEqualTo(2);
        assertThat(matches.profileTotalCount()).isEqualTo(17);
        assertThat(matches.commonPrefix()).containsExactly("Thread.run", "Pool.work");
        assertThat(matches.rows()).extracting(MatchedStack::count).containsExactly(5L, 3L);
        assertThat(matches.shownFrames(matches.rows().get(0))).containsExactly("Handler.get", "Db.query", "socketRead");
        assertThat(matches.rows().get(0).firstMatchIndex()).isEqualTo(3);
    }

    @Test
    void theElidedPrefixNeverSwallowsTheMatchingFrame() {
        CollapsedProfile profile = CollapsedProfile.of(List.of(stack(4, "a", "b", "c", "leaf")));

        StackMatches matches = StackQuery.through(profile, Pattern.compile("^b$"), 10);

        assertThat(matches.commonPrefix()).containsExactly("a");
        assertThat(matches.shownFrames(matches.rows().get(0))).containsExactly("b", "c", "leaf");
    }

    @Test
    void pathsThatDifferOnlyInRunSpecificNamesAreOneLineAfterNormalizing() {
        CollapsedProfile raw = CollapsedProfile.of(List.of(
                stack(2, "Thread.run_[j]", "Foo$$Lambda$12.0x0000000801000a00.apply_[j]", "Foo.work_[j]"),
                stack(3, "Thread.run_[i]", "Foo$$Lambda$13.0x0000000801000c00.apply_[j]", "Foo.work_[i]")));

        StackMatches matches = StackQuery.through(FrameNormalizer.standard().normalize(raw),
                Pattern.compile("Foo\\.work"), 10);

        assertThat(matches.rows()).hasSize(1);
        assertThat(matches.rows().get(0).frames()).containsExactly("Thread.run", "Foo$$Lambda.apply", "Foo.work");
        assertThat(matches.rows().get(0).count()).isEqualTo(5);
    }

    @Test
    void noMatchGivesNoRowsAndTheLimitCutsRowsButNotTotals() {
        CollapsedProfile profile = CollapsedProfile.of(List.of(stack(1, "a", "x"), stack(2, "a", "y"), stack(3, "b", "x")));

        assertThat(StackQuery.through(profile, Pattern.compile("nothing"), 5).rows()).isEmpty();
        StackMatches limited = StackQuery.through(profile, Pattern.compile("x"), 1);
        assertThat(limited.rows()).hasSize(1);
        assertThat(limited.matchedTotalCount()).isEqualTo(4);
        assertThat(limited.matchedStackCount()).isEqualTo(2);
    }

    static CollapsedStack stack(long count, String... frames) {
        return new CollapsedStack(List.of(frames), count);
    }
}
