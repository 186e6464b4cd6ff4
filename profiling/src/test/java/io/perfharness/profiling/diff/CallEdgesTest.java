package io.perfharness.profiling.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallEdgesTest {
  private static CollapsedProfile profile(Object... stacksAndCounts) {
    List<CollapsedStack> stacks = new java.util.ArrayList<>();
    for (int i = 0; i < stacksAndCounts.length; i += 2) {
      stacks.add(new CollapsedStack(List.of(((String) stacksAndCounts[i]).split(";")), (Integer) stacksAndCounts[i + 1]));
    }
    return CollapsedProfile.of(stacks);
  }

  @Test
  void framesThatHandTheirWholeChangeToOneCalleePassItThrough() throws Exception {
    ProfileDiffModel m = ProfileDiff.compute(
        DiffInput.of("baseline", RunProfileSample.of(profile("run;handle;rank;sort;pivot", 60, "run;handle;rank;sort;insertion", 30,
            "run;handle;json", 50), 100, 1.0)),
        DiffInput.of("candidate", RunProfileSample.of(profile("run;handle;rank", 5, "run;handle;json", 50), 100, 1.0)));
    CallEdges edges = CallEdges.of(m.tree());
    assertThat(edges.passesThroughTo("run", m.frame("run").orElseThrow().inclusiveDeltaPerRequest())).isEqualTo("handle");
    assertThat(edges.passesThroughTo("handle", m.frame("handle").orElseThrow().inclusiveDeltaPerRequest())).isEqualTo("rank");
    // rank's own 0.05 stays, the sort's 0.9 vanishes: 0.9 of 0.85 goes through sort
    assertThat(edges.passesThroughTo("rank", m.frame("rank").orElseThrow().inclusiveDeltaPerRequest())).isEqualTo("sort");
    // the sort's change splits 2:1 between two callees: it carries the change itself
    assertThat(edges.passesThroughTo("sort", m.frame("sort").orElseThrow().inclusiveDeltaPerRequest())).isNull();
    assertThat(edges.passesThroughTo("pivot", -0.6)).isNull();
    assertThat(edges.passesThroughTo("json", 0.0)).isNull();
  }

  @Test
  void aCalleeMovingTheOtherWayDoesNotExplainTheChange() throws Exception {
    ProfileDiffModel m = ProfileDiff.compute(
        DiffInput.of("baseline", RunProfileSample.of(profile("a;b", 10, "a;c", 100), 10, 1.0)),
        DiffInput.of("candidate", RunProfileSample.of(profile("a;b", 100, "a;c", 40), 10, 1.0)));
    // a: +3.0; b: +9.0 (more than a's change), c: -6.0
    assertThat(CallEdges.of(m.tree()).passesThroughTo("a", 3.0)).isEqualTo("b");
    assertThat(CallEdges.of(m.tree()).passesThroughTo("a", -3.0)).isEqualTo("c");
  }
}
