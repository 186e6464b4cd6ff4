package io.perfharness.profiling.query;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FrameCostTableTest {
    private final CollapsedProfile profile = CollapsedProfile.of(List.of(
            stack(6, "main", "fib", "fib", "fib"),   // recursion: fib counts once for inclusive
            stack(3, "main", "fib", "add"),
            stack(1, "main", "parse")));

    @Test
    void selfIsTheLeafCostAndInclusiveCountsEachStackOnceEvenUnderRecursion() {
        FrameCostTable table = FrameCostTable.of(profile);

        assertThat(table.profileTotalCount()).isEqualTo(10);
        assertThat(table.cost("fib").orElseThrow()).isEqualTo(new FrameCost("fib", 6, 9, 0.6, 0.9));
        assertThat(table.cost("main").orElseThrow()).isEqualTo(new FrameCost("main", 0, 10, 0.0, 1.0));
        assertThat(table.cost("add").orElseThrow().selfCount()).isEqualTo(3);
        assertThat(table.cost("missing")).isEmpty();
        assertThat(table.frameCount()).isEqualTo(4);
    }

    @Test
    void topBySelfLeavesOutFramesWithoutSelfCostAndBreaksTiesDeterministically() {
        TopFrames top = FrameCostTable.of(CollapsedProfile.of(List.of(
                stack(2, "r", "b"), stack(2, "r", "a"), stack(2, "r", "x", "c")))).top(10, CostOrder.SELF);

        assertThat(top.rows()).extracting(FrameCost::frame).containsExactly("a", "b", "c");
        assertThat(top.order()).isEqualTo(CostOrder.SELF);
        assertThat(top.distinctFrames()).isEqualTo(5);
    }

    @Test
    void topByTotalRanksInclusiveCostAndHonoursTheLimit() {
        TopFrames top = FrameCostTable.of(profile).top(2, CostOrder.TOTAL);

        assertThat(top.rows()).extracting(FrameCost::frame).containsExactly("main", "fib");
        assertThat(top.rows().get(1).inclusiveShare()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void anEmptyProfileHasNoCostsAndZeroShares() {
        FrameCostTable table = FrameCostTable.of(CollapsedProfile.empty());

        assertThat(table.top(5, CostOrder.SELF).rows()).isEmpty();
        assertThat(FrameCostTable.share(0, 0)).isZero();
    }

    static CollapsedStack stack(long count, String... frames) {
        return new CollapsedStack(List.of(frames), count);
    }
}
