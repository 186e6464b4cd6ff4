package io.perfharness.profiling.collapsed;

import io.perfharness.profiling.Golden;
import io.perfharness.profiling.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollapsedProfileTest {

    @Test
    void mergesIdenticalStacksAndSortsByCountThenText() {
        CollapsedProfile profile = CollapsedProfile.of(List.of(
                stack(1, "a", "c"), stack(5, "a", "b"), stack(2, "a", "c"), stack(3, "z"), stack(3, "a", "d")));

        assertThat(profile.stacks()).containsExactly(stack(5, "a", "b"), stack(3, "a", "c"), stack(3, "a", "d"),
                stack(3, "z"));
        assertThat(profile.totalCount()).isEqualTo(14);
        assertThat(profile.stackCount()).isEqualTo(4);
    }

    @Test
    void isImmutable() {
        CollapsedProfile profile = CollapsedProfile.of(List.of(stack(1, "a")));

        assertThatThrownBy(() -> profile.stacks().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> profile.stacks().get(0).frames().set(0, "b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void stacksRejectFramesTheFormatCannotHold() {
        assertThatThrownBy(() -> stack(1, "a;b")).hasMessageContaining("frame 0").hasMessageContaining("'a;b'");
        assertThatThrownBy(() -> stack(1, "")).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> stack(-1, "a")).hasMessage("count must be >= 0 but was -1");
        assertThatThrownBy(() -> new CollapsedStack(List.of(), 1)).hasMessage("frames must not be empty");
    }

    @Test
    void totalOverflowIsAnErrorNotAWrap() {
        assertThatThrownBy(() -> CollapsedProfile.of(List.of(stack(Long.MAX_VALUE, "a"), stack(1, "b"))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void writerOutputIsSortedDeterministicAndReadsBackEqual(@TempDir Path dir) throws Exception {
        CollapsedProfile profile = CollapsedReader.strict()
                .read(RealData.stacks().resolve("async-profiler_jfrconverter_sample2.collapsed")).profile();
        Path file = dir.resolve("sub/cpu.collapsed");

        CollapsedWriter.write(profile, file);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        Golden.assertMatches("sample2.sorted.collapsed", text);
        assertThat(text).isEqualTo(CollapsedWriter.toText(profile));
        assertThat(CollapsedReader.strict().read(new StringReader(text), "again").profile()).isEqualTo(profile);
        assertThat(Files.list(dir.resolve("sub"))).containsExactly(file);
    }

    static CollapsedStack stack(long count, String... frames) {
        return new CollapsedStack(List.of(frames), count);
    }
}
