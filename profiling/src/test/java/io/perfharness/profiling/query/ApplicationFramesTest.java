package io.perfharness.profiling.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.event.ProfilingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationFramesTest {
  private static final ApplicationRule ACME = ApplicationRule.given("com.acme");

  @Test
  void costBelowTheDeepestApplicationFrameIsChargedToIt() {
    CollapsedProfile profile = CollapsedProfile.of(List.of(
        new CollapsedStack(List.of("java.lang.Thread.run", "com.acme.Api.search", "com.acme.Validator.check",
            "java.util.regex.Pattern.compile", "java.util.regex.Pattern.expr"), 70),
        new CollapsedStack(List.of("java.lang.Thread.run", "com.acme.Api.search", "org.h2.Query.run"), 20),
        new CollapsedStack(List.of("java.lang.Thread.run", "java.util.concurrent.Semaphore.acquire"), 10)));
    TopFrames top = FrameCostTable.of(ApplicationFrames.view(profile, ProfilingEvent.CPU, ACME)).top(3, CostOrder.SELF);
    assertThat(top.profileTotalCount()).isEqualTo(100);
    assertThat(top.rows()).extracting(FrameCost::frame, FrameCost::selfCount).containsExactly(
        org.assertj.core.groups.Tuple.tuple("com.acme.Validator.check", 70L),
        org.assertj.core.groups.Tuple.tuple("com.acme.Api.search", 20L),
        org.assertj.core.groups.Tuple.tuple(ApplicationFrames.OUTSIDE, 10L));
  }

  @Test
  void theAllocatedOrContendedTypeIsNeverTheApplicationFrame() {
    CollapsedProfile alloc = CollapsedProfile.of(List.of(new CollapsedStack(
        List.of("com.acme.Api.view", "com.acme.Tracker.register", "com.acme.ViewListener"), 4096)));
    assertThat(ApplicationFrames.view(alloc, ProfilingEvent.ALLOC, ACME).stacks().get(0).frames())
        .containsExactly("com.acme.Api.view", "com.acme.Tracker.register");
  }
}
