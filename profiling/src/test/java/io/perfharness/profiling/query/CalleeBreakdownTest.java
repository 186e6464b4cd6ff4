package io.perfharness.profiling.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.event.ProfilingEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalleeBreakdownTest {
  private static final ApplicationRule RULE = ApplicationRule.given("(default)");

  private static CollapsedStack stack(String frames, long count) {
    return new CollapsedStack(List.of(frames.split(";")), count);
  }

  @Test
  void anApplicationFramesCostSplitsByItsCalleeAndLeaf() {
    CollapsedProfile p = CollapsedProfile.of(List.of(
        stack("java.lang.Thread.run;Main.handle;Ranking.top;java.util.Arrays.sort;java.util.DualPivotQuicksort.sort", 60),
        stack("java.lang.Thread.run;Main.handle;Ranking.top;java.util.Arrays.sort;java.util.DualPivotQuicksort.insertionSort", 30),
        stack("java.lang.Thread.run;Main.handle;Ranking.top", 10),
        stack("java.lang.Thread.run;java.util.concurrent.LinkedBlockingQueue.take", 500)));
    CalleeBreakdown b = new CalleeBreakdown();
    b.add(p, ProfilingEvent.CPU, RULE, 0.5);
    assertThat(b.callees("Ranking.top")).containsOnly(Map.entry("java.util.Arrays.sort", 45.0),
        Map.entry(CalleeBreakdown.SELF, 5.0));
    assertThat(b.leaves("Ranking.top")).containsEntry("java.util.DualPivotQuicksort.sort", 30.0);
    assertThat(b.callees("Main.handle")).isEmpty();
  }

  @Test
  void methodHandlePlumbingIsNotTheCallee() {
    CollapsedProfile p = CollapsedProfile.of(List.of(stack("Main.handle;Report.build;java.lang.invoke.Invokers$Holder"
        + ".linkToTargetMethod;java.lang.invoke.DirectMethodHandle$Holder.invokeStatic;java.lang.StringConcatHelper.simpleConcat;"
        + "jbyte_disjoint_arraycopy", 9)));
    CalleeBreakdown b = new CalleeBreakdown();
    b.add(p, ProfilingEvent.CPU, RULE, 1.0);
    assertThat(b.callees("Report.build")).containsOnly(Map.entry("java.lang.StringConcatHelper.simpleConcat", 9.0));
  }

  @Test
  void theAllocatedTypeIsTheLeafNotTheCallee() {
    CollapsedProfile p = CollapsedProfile.of(List.of(stack("Main.handle;Export.format;byte[]", 4096)));
    CalleeBreakdown b = new CalleeBreakdown();
    b.add(p, ProfilingEvent.ALLOC, RULE, 1.0);
    assertThat(b.callees("Export.format")).containsOnly(Map.entry(CalleeBreakdown.SELF, 4096.0));
    assertThat(b.leaves("Export.format")).containsOnly(Map.entry("byte[]", 4096.0));
  }

  @Test
  void theLargestShareFollowsTheDirectionOfTheChange() {
    Map<String, Double> before = Map.of("java.util.Arrays.sort", 0.9, CalleeBreakdown.SELF, 0.05);
    Map<String, Double> after = Map.of(CalleeBreakdown.SELF, 0.06);
    CalleeBreakdown.Share s = CalleeBreakdown.largestShare(before, after, -0.89);
    assertThat(s.key()).isEqualTo("java.util.Arrays.sort");
    assertThat(s.share()).isCloseTo(1.011, org.assertj.core.data.Offset.offset(0.001));
    assertThat(CalleeBreakdown.largestShare(before, after, 0.0)).isNull();
  }
}
