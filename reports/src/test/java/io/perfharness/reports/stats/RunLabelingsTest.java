package io.perfharness.reports.stats;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunLabelingsTest {

  @Test
  void fiveAndFiveRunsGive126MirroredPairsWithTheObservedLabelingFirst() {
    RunLabelings labelings = RunLabelings.of(5, 5, 5_000, 999, 1);

    assertThat(labelings.size()).isEqualTo(126);
    assertThat(labelings.weightEach()).isEqualTo(2);
    assertThat(labelings.totalWeight()).isEqualTo(252);
    assertThat(labelings.baselineRuns(0)).containsExactly(0, 1, 2, 3, 4);
    assertThat(labelings.smallestAdjustedP()).isEqualTo(2.0 / 252);
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < labelings.size(); i++) {
      assertThat(labelings.baselineRuns(i)[0]).isZero();
      distinct.add(java.util.Arrays.toString(labelings.baselineRuns(i)));
    }
    assertThat(distinct).hasSize(126);
  }

  @Test
  void unequalSidesEnumerateEveryLabelingOnce() {
    RunLabelings labelings = RunLabelings.of(5, 4, 5_000, 999, 1);

    assertThat(labelings.size()).isEqualTo(126);
    assertThat(labelings.weightEach()).isEqualTo(1);
    assertThat(labelings.smallestAdjustedP()).isEqualTo(1.0 / 126);
  }

  @Test
  void threeAndThreeRunsCannotGoBelowOneTenth() {
    assertThat(RunLabelings.of(3, 3, 5_000, 999, 1).smallestAdjustedP()).isEqualTo(0.1);
    assertThat(RunLabelings.of(4, 4, 5_000, 999, 1).smallestAdjustedP()).isEqualTo(2.0 / 70);
  }

  @Test
  void beyondTheLimitASeededSampleFollowsTheObservedLabeling() {
    RunLabelings first = RunLabelings.of(10, 10, 5_000, 999, 42);
    RunLabelings second = RunLabelings.of(10, 10, 5_000, 999, 42);

    assertThat(RunLabelings.binomial(20, 10)).isEqualTo(184_756);
    assertThat(first.enumerated()).isFalse();
    assertThat(first.size()).isEqualTo(1_000);
    assertThat(first.baselineRuns(0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.baselineRuns(i)).containsExactly(first.baselineRuns(i));
      assertThat(first.baselineRuns(i)).hasSize(10).isSorted().doesNotHaveDuplicates();
    }
  }
}
