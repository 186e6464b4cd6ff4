package io.perfharness.loadtests.run;

/** The harness version, from the jar manifest when packaged, else the development version. */
final class HarnessVersion {
  private HarnessVersion() {}

  static String get() {
    String v = HarnessVersion.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-SNAPSHOT";
  }
}
