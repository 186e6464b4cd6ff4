package io.perfharness.profiling.diff;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.perfharness.profiling.diff.ProfileDiffTest.diff;
import static io.perfharness.profiling.diff.ProfileDiffTest.profile;
import static org.assertj.core.api.Assertions.assertThat;

class StableAncestorTest {
    private static final String HANDLE = "Thread.run;Server.handle";

    @Test
    void aRenameWithTheSameCostNetsToZeroAtItsStableAncestor() throws Exception {
        ProfileDiffModel model = diff(
                RunProfileSample.of(profile(HANDLE + ";Foo.foo;Leaf.x 40", HANDLE + ";Foo.foo 10", HANDLE + ";Other.y 50"), 10, 1.0),
                RunProfileSample.of(profile(HANDLE + ";Foo.foo2;Leaf.x 40", HANDLE + ";Foo.foo2 10", HANDLE + ";Other.y 50"), 10, 1.0));

        assertThat(model.appearedFrames()).extracting(FrameDiff::frame).containsExactly("Foo.foo2");
        assertThat(model.vanishedFrames()).extracting(FrameDiff::frame).containsExactly("Foo.foo");
        assertThat(model.stableAncestorMoves()).hasSize(1);
        StableAncestorMove move = model.stableAncestorMoves().get(0);
        assertThat(move.ancestorPath()).containsExactly("Thread.run", "Server.handle");
        assertThat(move.ancestorFrame()).isEqualTo("Server.handle");
        assertThat(move.appearedFrames()).containsExactly("Foo.foo2");
        assertThat(move.vanishedFrames()).containsExactly("Foo.foo");
        assertThat(move.appearedPerRequest()).isEqualTo(5.0);
        assertThat(move.vanishedPerRequest()).isEqualTo(5.0);
        assertThat(move.netMovedPerRequest()).isEqualTo(0.0);
        assertThat(move.ancestorTotalDeltaPerRequest()).isEqualTo(0.0);
        assertThat(model.frame("Leaf.x").orElseThrow().inclusiveDeltaPerRequest()).isEqualTo(0.0);
    }

    @Test
    void realNewCostShowsAsNetGrowthAtTheAncestor() throws Exception {
        ProfileDiffModel model = diff(
                RunProfileSample.of(profile(HANDLE + ";Other.y 50"), 10, 1.0),
                RunProfileSample.of(profile(HANDLE + ";Other.y 50", HANDLE + ";Regex.compile;Pattern.<init> 30"), 10, 1.0));

        StableAncestorMove move = model.stableAncestorMoves().get(0);
        assertThat(move.ancestorFrame()).isEqualTo("Server.handle");
        assertThat(move.appearedFrames()).containsExactly("Regex.compile");
        assertThat(move.vanishedFrames()).isEmpty();
        assertThat(move.netMovedPerRequest()).isEqualTo(3.0);
        assertThat(move.ancestorTotalDeltaPerRequest()).isEqualTo(3.0);
        assertThat(model.appearedPaths()).extracting(DiffPath::elidedStackText)
                .containsExactly("…;Server.handle;Regex.compile;Pattern.<init>");
    }

    @Test
    void anInlinedMethodMovesItsCalleeUpWithoutNetChange() throws Exception {
        // B inlined into A: frame C survives, but under a different path
        ProfileDiffModel model = diff(
                RunProfileSample.of(profile("r;A;B;C 10", "r;A;D 10"), 10, 1.0),
                RunProfileSample.of(profile("r;A;C 10", "r;A;D 10"), 10, 1.0));

        assertThat(model.appearedFrames()).isEmpty();
        assertThat(model.vanishedFrames()).extracting(FrameDiff::frame).containsExactly("B");
        assertThat(model.stableAncestorMoves()).singleElement().satisfies(move -> {
            assertThat(move.ancestorPath()).isEqualTo(List.of("r", "A"));
            assertThat(move.appearedFrames()).containsExactly("C");
            assertThat(move.vanishedFrames()).containsExactly("B");
            assertThat(move.netMovedPerRequest()).isEqualTo(0.0);
        });
        assertThat(model.frame("C").orElseThrow().inclusiveDeltaPerRequest()).isEqualTo(0.0);
    }

    @Test
    void aNewRootFrameMovesUnderTheSyntheticRoot() throws Exception {
        ProfileDiffModel model = diff(RunProfileSample.of(profile("main;x 10"), 10, 1.0),
                RunProfileSample.of(profile("main;x 10", "GC.thread;G1.work 5"), 10, 1.0));

        StableAncestorMove move = model.stableAncestorMoves().get(0);
        assertThat(move.ancestorPath()).isEmpty();
        assertThat(move.ancestorFrame()).isEqualTo("all");
        assertThat(move.appearedPerRequest()).isEqualTo(0.5);
        assertThat(model.appearedPaths().get(0).stablePrefixLength()).isZero();
    }
}
