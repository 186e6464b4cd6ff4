package io.perfharness.loadtests.launch;

import java.nio.file.Path;

/** Where the harness lives: the repository root passed by the build, or the working directory. */
public final class RunLauncherPaths {
  public static final String HOME_PROPERTY = "perf.internal.home";

  private RunLauncherPaths() {}

  public static Path home() {
    String home = System.getProperty(HOME_PROPERTY);
    return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.dir")).toAbsolutePath();
  }
}
