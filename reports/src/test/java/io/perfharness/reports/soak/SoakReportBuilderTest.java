package io.perfharness.reports.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which profile frames count as creating a suspect class. */
class SoakReportBuilderTest {
  @Test
  void theClassItselfAndItsOwnMethodsMatchOtherClassesDoNot() {
    Pattern p = SoakReportBuilder.allocatedClass("io.perfharness.service.faults.ProductViewListener");
    assertThat(p.matcher("io.perfharness.service.faults.ProductViewListener").find()).isTrue();
    assertThat(p.matcher("io.perfharness.service.faults.ProductViewListener_[i]").find()).isTrue();
    assertThat(p.matcher("io.perfharness.service.faults.ProductViewListener.<init>").find()).isTrue();
    assertThat(p.matcher("io.perfharness.service.faults.ProductViewListener$Snapshot.<init>").find()).isFalse();
    assertThat(p.matcher("io.perfharness.service.faults.ProductViewListenerRegistry.add").find()).isFalse();
    assertThat(p.matcher("io.perfharness.service.catalog.ProductViewTracker.registerWithoutRemoval").find()).isFalse();
    assertThat(p.matcher("long[]").find()).isFalse();
  }
}
