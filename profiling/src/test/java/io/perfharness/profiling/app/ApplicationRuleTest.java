package io.perfharness.profiling.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationRuleTest {
  @Test
  void aGivenPrefixBeatsTheLibraryList() {
    ApplicationRule rule = ApplicationRule.given("org.springframework.samples.petclinic");
    assertThat(rule.isApplication("org.springframework.samples.petclinic.owner.OwnerController.showOwner")).isTrue();
    assertThat(rule.isApplication("org.springframework.samples.petclinic.owner.OwnerController$$SpringCGLIB$$0.showOwner"))
        .isTrue();
    assertThat(rule.isApplication("org.springframework.web.servlet.DispatcherServlet.doDispatch")).isFalse();
    assertThat(rule.isApplication("org.springframework.samples.petclinicx.Other.run")).isFalse();
    assertThat(rule.isApplication("java.util.Arrays.sort")).isFalse();
  }

  @Test
  void theDefaultPackageIsNamedByItsToken() {
    ApplicationRule onlyDefault = ApplicationRule.given("(default)");
    assertThat(onlyDefault.isApplication("Ranking.topProducts")).isTrue();
    assertThat(onlyDefault.isApplication("Main$Handler.lambda$handle$0")).isTrue();
    assertThat(onlyDefault.isApplication("com.acme.Shop.add")).isFalse();
    assertThat(ApplicationRule.given("com.acme").isApplication("Ranking.topProducts")).isFalse();
  }

  @Test
  void anInferredRuleAlwaysCountsTheDefaultPackage() {
    ApplicationRule rule = new ApplicationRule(ApplicationRule.Kind.INFERRED, List.of("com.acme.shop."), "main class");
    assertThat(rule.isApplication("Ranking.topProducts")).isTrue();
    assertThat(rule.isApplication("com.acme.shop.Cart.add")).isTrue();
    assertThat(rule.isApplication("com.acme.other.Cart.add")).isFalse();
  }

  @Test
  void classPrefixesMatchTheClassItsNestedClassesAndLongerNames() {
    ApplicationRule rule = ApplicationRule.given("com.acme.Shop");
    assertThat(rule.isApplication("com.acme.Shop.add")).isTrue();
    assertThat(rule.isApplication("com.acme.Shop$Inner.run")).isTrue();
    assertThat(rule.isApplication("com.acme.ShopCart.add")).isTrue();
    assertThat(rule.isApplication("com.acme.Other.add")).isFalse();
  }

  @Test
  void nativeKernelAndTypeFramesAreNeverApplicationFrames() {
    for (ApplicationRule rule : List.of(ApplicationRule.libraryList("test"), ApplicationRule.given("(default)"),
        new ApplicationRule(ApplicationRule.Kind.INFERRED, List.of("(default)"), "test"))) {
      assertThat(rule.isApplication("finish_task_switch.isra.0")).isFalse();
      assertThat(rule.isApplication("__x64_sys_futex.cold")).isFalse();
      assertThat(rule.isApplication("do_syscall_64")).isFalse();
      assertThat(rule.isApplication("G1ParScanThreadState::trim_queue_to_threshold")).isFalse();
      assertThat(rule.isApplication("byte[]")).isFalse();
      assertThat(rule.isApplication("[unknown]")).isFalse();
    }
  }

  @Test
  void theLibraryListIsTheLastFallback() {
    ApplicationRule rule = ApplicationRule.libraryList("nothing inferred");
    assertThat(rule.isApplication("io.perfharness.service.validation.InputValidator.matches")).isTrue();
    assertThat(rule.isApplication("com.acme.Shop$$Lambda.handle")).isTrue();
    assertThat(rule.isApplication("java.util.regex.Pattern.compile")).isFalse();
    assertThat(rule.isApplication("org.eclipse.jetty.server.Server.handle")).isFalse();
    assertThat(rule.isApplication("Ranking.topProducts")).isTrue();
  }

  @Test
  void badPrefixesAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> ApplicationRule.given("com.acme;drop")).hasMessageContaining("'com.acme;drop'");
    assertThatThrownBy(() -> ApplicationRule.given(" , ")).hasMessageContaining("at least one");
    assertThatThrownBy(() -> ApplicationRule.Kind.byId("app")).hasMessageContaining("'app'");
  }

  @Test
  void unionKeepsBothSidesPrefixesAndIgnoresALibraryListSide() {
    ApplicationRule a = ApplicationRule.given("com.acme");
    ApplicationRule b = new ApplicationRule(ApplicationRule.Kind.INFERRED, List.of("org.other."), "main class");
    assertThat(a.union(b).prefixes()).containsExactly("com.acme", "org.other.");
    assertThat(a.union(ApplicationRule.libraryList("x"))).isEqualTo(a);
    assertThat(ApplicationRule.libraryList("x").union(b)).isEqualTo(b);
    assertThat(a.sameAs(ApplicationRule.given("com.acme"))).isTrue();
    assertThat(a.sameAs(b)).isFalse();
  }
}
