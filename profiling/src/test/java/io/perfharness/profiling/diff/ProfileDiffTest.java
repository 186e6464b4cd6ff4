package io.perfharness.profiling.diff;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.query.RequestCost;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileDiffTest {

    static CollapsedProfile profile(String... lines) {
        return CollapsedProfile.of(Arrays.stream(lines).map(CollapsedReader::parseLine).toList());
    }

    static ProfileDiffModel diff(RunProfileSample baseline, RunProfileSample candidate) throws Exception {
        return ProfileDiff.compute(DiffInput.of("baseline", baseline), DiffInput.of("candidate", candidate));
    }

    // baseline: 4 requests, candidate: 8; one count = 1 unit; every value below is a binary fraction, exact
    private static ProfileDiffModel small() throws Exception {
        return diff(RunProfileSample.of(profile("main;a;b 6", "main;a 2", "main;c 2"), 4, 1.0),
                RunProfileSample.of(profile("main;a;b 10", "main;a;b;b 4", "main;d 6"), 8, 1.0));
    }

    @Test
    void pooledSelfAndInclusiveCostPerRequestOfEveryFrame() throws Exception {
        ProfileDiffModel model = small();

        assertThat(model.frames()).extracting(FrameDiff::frame).containsExactly("a", "b", "c", "d", "main");
        FrameDiff a = model.frame("a").orElseThrow();
        assertThat(a.baseline().inclusivePerRequest()).isEqualTo(2.0);
        assertThat(a.candidate().inclusivePerRequest()).isEqualTo(1.75);
        assertThat(a.baseline().selfPerRequest()).isEqualTo(0.5);
        assertThat(a.candidate().selfPerRequest()).isEqualTo(0.0);
        assertThat(a.inclusiveDeltaPerRequest()).isEqualTo(-0.25);
        assertThat(a.inclusiveRatio()).hasValue(0.875);
        assertThat(a.selfRatio()).hasValue(0.0);
        FrameDiff main = model.frame("main").orElseThrow();
        assertThat(main.inclusiveDeltaPerRequest()).isEqualTo(0.0);
        assertThat(main.selfRatio()).isEmpty();
        assertThat(model.baseline().totalPerRequest()).isEqualTo(2.5);
        assertThat(model.candidate().totalPerRequest()).isEqualTo(2.5);
        assertThat(model.baseline().totalCount()).isEqualTo(10);
        assertThat(model.candidate().totalCount()).isEqualTo(20);
    }

    @Test
    void inclusiveCountsARecursiveStackOnce() throws Exception {
        FrameDiff b = small().frame("b").orElseThrow();

        // main;a;b 10 and main;a;b;b 4: 14 counts, not 18
        assertThat(b.candidate().inclusiveCount()).isEqualTo(14);
        assertThat(b.candidate().selfCount()).isEqualTo(14);
        assertThat(b.candidate().inclusivePerRequest()).isEqualTo(1.75);
        assertThat(b.baseline().inclusivePerRequest()).isEqualTo(1.5);
        assertThat(b.inclusiveCountBothSides()).isEqualTo(20);
        assertThat(b.hasEnoughSamples()).isTrue();
        assertThat(small().frame("c").orElseThrow().hasEnoughSamples()).isFalse();
    }

    @Test
    void appearedAndVanishedFrames() throws Exception {
        ProfileDiffModel model = small();

        assertThat(model.appearedFrames()).extracting(FrameDiff::frame).containsExactly("d");
        assertThat(model.vanishedFrames()).extracting(FrameDiff::frame).containsExactly("c");
        FrameDiff d = model.frame("d").orElseThrow();
        assertThat(d.candidate().inclusivePerRequest()).isEqualTo(0.75);
        assertThat(d.baseline().present()).isFalse();
        assertThat(d.inclusiveRatio()).isEmpty();
    }

    @Test
    void moversRankByAbsoluteDeltaThenName() throws Exception {
        ProfileDiffModel model = small();

        assertThat(model.moversByInclusiveDelta()).extracting(FrameDiff::frame)
                .containsExactly("d", "c", "a", "b", "main");
        assertThat(model.moversByInclusiveDelta()).extracting(FrameDiff::inclusiveDeltaPerRequest)
                .containsExactly(0.75, -0.5, -0.25, 0.25, 0.0);
        assertThat(model.moversBySelfDelta()).extracting(FrameDiff::frame)
                .containsExactly("d", "a", "c", "b", "main");
        assertThat(model.moversBySelfDelta()).extracting(FrameDiff::selfDeltaPerRequest)
                .containsExactly(0.75, -0.5, -0.5, 0.25, 0.0);
    }

    @Test
    void pooledDividesSummedCostBySummedRequestsAndPerRunValuesKeepRunOrder() throws Exception {
        DiffInput baseline = DiffInput.of("baseline",
                RunProfileSample.of(profile("m;x 10"), 10, 1.0),
                RunProfileSample.of(profile("m;x 30", "m;y 15"), 30, 2.0));
        DiffInput candidate = DiffInput.of("candidate", RunProfileSample.of(profile("m;x 8"), 8, 1.0));

        ProfileDiffModel model = ProfileDiff.compute(baseline, candidate);

        FrameSideCost x = model.frame("x").orElseThrow().baseline();
        assertThat(x.inclusivePerRequest()).isEqualTo(1.75); // (10×1 + 30×2) / (10 + 30)
        assertThat(x.inclusivePerRunPerRequest()).containsExactly(1.0, 2.0);
        assertThat(x.selfPerRunPerRequest()).containsExactly(1.0, 2.0);
        FrameSideCost y = model.frame("y").orElseThrow().baseline();
        assertThat(y.inclusivePerRequest()).isEqualTo(0.75);
        assertThat(y.inclusivePerRunPerRequest()).containsExactly(0.0, 1.0);
        assertThat(model.frame("y").orElseThrow().candidate().inclusivePerRunPerRequest()).containsExactly(0.0);
        assertThat(model.baseline().totalPerRunPerRequest()).containsExactly(1.0, 3.0);
        assertThat(model.baseline().totalPerRequest()).isEqualTo(2.5);
        assertThat(model.baseline().completedRequests()).isEqualTo(40);
        assertThat(model.baseline().runCount()).isEqualTo(2);
    }

    @Test
    void unitsPerCountFollowRequestCost() {
        RequestCost cpu = RequestCost.ofSamples(ProfilingEvent.CPU, 10_000_000, 250);
        RequestCost lock = RequestCost.ofTotals(ProfilingEvent.LOCK, 250);
        RequestCost alloc = RequestCost.ofTotals(ProfilingEvent.ALLOC, 250);

        for (RequestCost cost : List.of(cpu, lock, alloc)) {
            RunProfileSample run = RunProfileSample.of(CollapsedProfile.empty(), cost);
            assertThat(1234 * run.unitsPerCount() / run.completedRequests())
                    .isCloseTo(cost.perRequest(1234), org.assertj.core.data.Percentage.withPercentage(1e-12));
        }
        assertThat(RunProfileSample.unitsPerCount(cpu)).isEqualTo(10.0);
    }

    @Test
    void framesAreMatchedAfterNormalization() throws Exception {
        ProfileDiffModel model = diff(
                RunProfileSample.of(profile("Thread.run_[j];Foo$$Lambda$12.0x0000000800c01234.apply_[j] 5"), 1, 1.0),
                RunProfileSample.of(profile("Thread.run_[j];Foo$$Lambda$99.0x0000000800d0abcd.apply_[j] 5"), 1, 1.0));

        assertThat(model.appearedFrames()).isEmpty();
        assertThat(model.vanishedFrames()).isEmpty();
        assertThat(model.frames()).extracting(FrameDiff::frame).containsExactly("Foo$$Lambda.apply", "Thread.run");
    }

    @Test
    void zeroCountStacksMakeNothingPresent() throws Exception {
        ProfileDiffModel model = diff(RunProfileSample.of(profile("m;x 4", "m;ghost 0"), 1, 1.0),
                RunProfileSample.of(profile("m;x 4"), 1, 1.0));

        assertThat(model.frames()).extracting(FrameDiff::frame).containsExactly("m", "x");
        assertThat(model.vanishedPaths()).isEmpty();
    }

    @Test
    void refusesInvalidInputNamingTheConstraint() {
        assertThatThrownBy(() -> RunProfileSample.of(CollapsedProfile.empty(), 0, 1.0))
                .hasMessage("completedRequests must be > 0 but was 0");
        assertThatThrownBy(() -> RunProfileSample.of(CollapsedProfile.empty(), 1, Double.NaN))
                .hasMessage("unitsPerCount must be finite and > 0 but was NaN");
        assertThatThrownBy(() -> new DiffInput("baseline", List.of()))
                .hasMessage("side 'baseline' must have at least one run but had 0");
    }

    @Test
    void modelArraysCannotBeChangedFromOutside() throws Exception {
        FrameSideCost cost = small().frame("a").orElseThrow().baseline();
        cost.inclusivePerRunPerRequest()[0] = 99;

        assertThat(cost.inclusivePerRunPerRequest()).containsExactly(2.0);
    }
}
