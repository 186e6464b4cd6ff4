package io.perfharness.profiling.diff;

import org.junit.jupiter.api.Test;

import static io.perfharness.profiling.diff.ProfileDiffTest.diff;
import static io.perfharness.profiling.diff.ProfileDiffTest.profile;
import static org.assertj.core.api.Assertions.assertThat;

class DiffTreeTest {

    private static ProfileDiffModel small() throws Exception {
        return diff(RunProfileSample.of(profile("main;a;b 6", "main;a 2", "main;c 2"), 4, 1.0),
                RunProfileSample.of(profile("main;a;b 10", "main;a;b;b 4", "main;d 6"), 8, 1.0));
    }

    @Test
    void oneTreeHoldsBothSidesWithAppearedAndVanishedPaths() throws Exception {
        DiffTreeNode root = small().tree();

        assertThat(root.frame()).isEqualTo("all");
        assertThat(root.baselineTotalPerRequest()).isEqualTo(2.5);
        DiffTreeNode main = root.child("main");
        // ordered by the larger total per request: a 2.0, d 0.75, c 0.5
        assertThat(main.children()).extracting(DiffTreeNode::frame).containsExactly("a", "d", "c");
        DiffTreeNode a = main.child("a");
        assertThat(a.baselineTotalPerRequest()).isEqualTo(2.0);
        assertThat(a.candidateTotalPerRequest()).isEqualTo(1.75);
        assertThat(a.baselineSelfPerRequest()).isEqualTo(0.5);
        assertThat(a.candidateSelfPerRequest()).isEqualTo(0.0);
        DiffTreeNode b = a.child("b");
        assertThat(b.baselineTotalCount()).isEqualTo(6);
        assertThat(b.candidateTotalCount()).isEqualTo(14);
        assertThat(b.candidateSelfCount()).isEqualTo(10);
        DiffTreeNode bb = b.child("b");
        assertThat(bb.appeared()).isTrue();
        assertThat(bb.candidateTotalPerRequest()).isEqualTo(0.5);
        assertThat(main.child("c").vanished()).isTrue();
        assertThat(main.child("c").baselineTotalPerRequest()).isEqualTo(0.5);
        assertThat(main.child("d").appeared()).isTrue();
        assertThat(main.child("d").totalDeltaPerRequest()).isEqualTo(0.75);
    }

    @Test
    void oneSidedStacksRankedByCostWithTheSurvivingPrefixElided() throws Exception {
        ProfileDiffModel model = small();

        assertThat(model.appearedPaths()).extracting(DiffPath::stackText).containsExactly("main;d", "main;a;b;b");
        assertThat(model.appearedPaths()).extracting(DiffPath::elidedStackText).containsExactly("main;d", "…;b;b");
        assertThat(model.appearedPaths()).extracting(DiffPath::costPerRequest).containsExactly(0.75, 0.5);
        assertThat(model.appearedPaths()).extracting(DiffPath::stablePrefixLength).containsExactly(1, 3);
        assertThat(model.vanishedPaths()).extracting(DiffPath::stackText).containsExactly("main;c");
        assertThat(model.vanishedPaths()).extracting(DiffPath::count).containsExactly(2L);
        // main;a lost its self cost but its path survives: a self change, not a vanished path
    }

    @Test
    void elisionKeepsTheLastSurvivingFrameAsTheCaller() {
        DiffPath path = new DiffPath(java.util.List.of("Thread.run", "Server.handle", "Caller.method", "NewFrame.x"),
                3, 5, 1.0);

        assertThat(path.elidedStackText()).isEqualTo("…;Caller.method;NewFrame.x");
        assertThat(new DiffPath(java.util.List.of("New.root", "x"), 0, 5, 1.0).elidedStackText()).isEqualTo("New.root;x");
    }
}
