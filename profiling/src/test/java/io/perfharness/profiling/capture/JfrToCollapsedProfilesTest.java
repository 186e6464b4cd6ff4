package io.perfharness.profiling.capture;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.RealData;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.normalize.FrameNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The converter on a third-party recording (the real-JVM path is in {@link AsyncProfilerCaptureTest}). */
class JfrToCollapsedProfilesTest {

    @Test
    void matchesWhatAsyncProfilersConverterProducedForTheSameRecording(@TempDir Path dir) throws Exception {
        // speedscope_heavy.wall.collapsed was made by jfr-converter 4.1 with --wall, slashed class names.
        Path jfr = RealData.stacks().resolve("jfr/speedscope_heavy.jfr");
        CollapsedProfile reference = FrameNormalizer.standard().normalize(CollapsedReader.strict()
                .read(RealData.stacks().resolve("converted-from-jfr/speedscope_heavy.wall.collapsed")).profile())
                .mapFrames(frames -> dotted(frames));

        List<ConvertedProfile> converted = JfrToCollapsedProfiles.convert(jfr, Set.of(ProfilingEvent.WALL), dir);

        assertThat(converted).singleElement().satisfies(wall -> {
            assertThat(wall.profile().totalCount()).isEqualTo(390);
            assertThat(wall.profile()).isEqualTo(reference);
            assertThat(wall.collapsedFile()).isEqualTo(dir.resolve("wall.collapsed"));
        });
    }

    @Test
    void aMissingRecordingIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> JfrToCollapsedProfiles.convert(dir.resolve("none.jfr"), Set.of(ProfilingEvent.CPU), dir))
                .isInstanceOf(ProfilingException.class).hasMessageContaining("no recording to convert at");
    }

    private static List<String> dotted(List<String> frames) {
        List<String> result = new ArrayList<>(frames.size());
        for (String frame : frames) {
            result.add(frame.replace('/', '.'));
        }
        return result;
    }
}
