package io.perfharness.profiling.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule is inferred from how the target JVM was launched, on jars and class directories laid out as
 * real builds lay them out (a Spring Boot fat jar, a shaded jar, a plain jar of default-package classes,
 * Maven's target/classes). The real Spring Boot and default-package services are profiled end to end in
 * loadtests' StrangerServicesTest.
 */
class ApplicationRuleInferenceTest {
  @TempDir Path dir;

  @Test
  void aSpringBootFatJarGivesItsStartClassAndBootInfClassesNotItsLibraries() throws IOException {
    Path jar = jar("app.jar", Map.of("Main-Class", "org.springframework.boot.loader.launch.JarLauncher",
        "Start-Class", "org.springframework.samples.perfclinic.PerfClinicApplication"), List.of(
        "org/springframework/boot/loader/launch/JarLauncher.class",
        "BOOT-INF/classes/org/springframework/samples/perfclinic/PerfClinicApplication.class",
        "BOOT-INF/classes/org/springframework/samples/perfclinic/report/ReportService.class",
        "BOOT-INF/lib/spring-web-7.0.0.jar"));
    ApplicationRule rule = ApplicationRuleInference.infer(new JvmLaunchFacts(jar + " --server.port=8080", List.of(jar.toString()),
        dir.toString()));
    assertThat(rule.kind()).isEqualTo(ApplicationRule.Kind.INFERRED);
    assertThat(rule.prefixes()).containsExactly("org.springframework.samples.perfclinic.");
    assertThat(rule.source()).contains("Start-Class org.springframework.samples.perfclinic.PerfClinicApplication")
        .contains("BOOT-INF/classes/");
    assertThat(rule.isApplication("org.springframework.samples.perfclinic.report.ReportService.build")).isTrue();
    assertThat(rule.isApplication("org.springframework.web.servlet.DispatcherServlet.doDispatch")).isFalse();
  }

  @Test
  void aRelativeJarResolvesAgainstTheTargetsWorkingDirectory() throws IOException {
    jar("svc.jar", Map.of("Main-Class", "Main"), List.of("Main.class", "Ranking.class", "Main$Handler.class"));
    ApplicationRule rule = ApplicationRuleInference.infer(new JvmLaunchFacts("svc.jar --port=1", List.of("svc.jar"),
        dir.toString()));
    assertThat(rule.prefixes()).containsExactly(ApplicationRule.DEFAULT_PACKAGE);
    assertThat(rule.isApplication("Ranking.topProducts")).isTrue();
    assertThat(rule.isApplication("java.util.Arrays.sort")).isFalse();
  }

  @Test
  void aShadedJarCountsOnlyThePackagesBesideItsMainClass() throws IOException {
    Path jar = jar("shop-all.jar", Map.of("Main-Class", "com.acme.shop.Main"), List.of("com/acme/shop/Main.class",
        "com/acme/shop/db/Repo.class", "com/acme/billing/Invoice.class", "org/eclipse/jetty/server/Server.class",
        "com/fasterxml/jackson/databind/ObjectMapper.class"));
    ApplicationRule rule = ApplicationRuleInference.infer(new JvmLaunchFacts(jar.toString(), List.of(jar.toString()), "/"));
    assertThat(rule.prefixes()).containsExactly("com.acme.billing.", "com.acme.shop.");
    assertThat(rule.isApplication("org.eclipse.jetty.server.Server.handle")).isFalse();
  }

  @Test
  void aMainClassAndItsClassDirectoryGiveThePackageRoots() throws IOException {
    Path classes = dir.resolve("target/classes");
    for (String c : List.of("io/perfharness/service/ShopServiceMain.class", "io/perfharness/service/db/Jdbc.class",
        "io/perfharness/service/validation/InputValidator.class", "io/perfharness/faults/Fault.class")) {
      Files.createDirectories(classes.resolve(c).getParent());
      Files.createFile(classes.resolve(c));
    }
    Path lib = jar("h2.jar", Map.of(), List.of("org/h2/Driver.class"));
    ApplicationRule rule = ApplicationRuleInference.infer(new JvmLaunchFacts(
        "io.perfharness.service.ShopServiceMain --port=1", List.of(classes.toString(), lib.toString()), "/"));
    assertThat(rule.prefixes()).containsExactly("io.perfharness.faults.", "io.perfharness.service.");
    assertThat(rule.source()).contains("main class io.perfharness.service.ShopServiceMain").contains("class directory");
    assertThat(rule.isApplication("org.h2.command.Command.executeQuery")).isFalse();
  }

  @Test
  void aModuleMainClassIsReadAfterItsModuleName() {
    ApplicationRule rule = ApplicationRuleInference.infer(new JvmLaunchFacts("com.acme.app/com.acme.app.Main", List.of(), "/"));
    assertThat(rule.prefixes()).containsExactly("com.acme.app.");
  }

  @Test
  void nothingToInferFallsBackToTheLibraryListSayingWhy() {
    ApplicationRule none = ApplicationRuleInference.infer(new JvmLaunchFacts(null, List.of(), null));
    assertThat(none.kind()).isEqualTo(ApplicationRule.Kind.LIBRARY_LIST);
    assertThat(none.source()).contains("--app");
    ApplicationRule maven = ApplicationRuleInference.infer(new JvmLaunchFacts(
        "org.codehaus.plexus.classworlds.launcher.Launcher spring-boot:run", List.of("/usr/share/maven/boot/plexus.jar"), "/"));
    assertThat(maven.kind()).isEqualTo(ApplicationRule.Kind.LIBRARY_LIST);
  }

  @Test
  void manyPackagesAreMergedToFewerRoots() {
    TreeSet<String> packages = new TreeSet<>();
    for (int i = 0; i < 40; i++) {
      packages.add("com.acme.m" + i + ".impl");
    }
    assertThat(ApplicationRuleInference.roots(packages)).containsExactly("com.acme.");
  }

  @Test
  void systemPropertiesSplitTheClassPathWithTheTargetsSeparator() {
    JvmLaunchFacts facts = JvmLaunchFacts.fromSystemProperties(Map.of("sun.java.command", "Main --port=1",
        "java.class.path", "a.jar;b", "path.separator", ";", "user.dir", "/srv"));
    assertThat(facts.classPath()).containsExactly("a.jar", "b");
    assertThat(facts.userDir()).isEqualTo("/srv");
  }

  private Path jar(String name, Map<String, String> attributes, List<String> entries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
      for (String e : entries) {
        j.putNextEntry(new JarEntry(e));
        j.closeEntry();
      }
    }
    return jar;
  }
}
