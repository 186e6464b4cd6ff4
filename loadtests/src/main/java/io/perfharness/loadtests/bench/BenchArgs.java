package io.perfharness.loadtests.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --key=value} arguments of the bench mains, with defaults; a typo is an error, not a default. */
final class BenchArgs {
  private final Map<String, String> values = new HashMap<>();

  BenchArgs(String[] args, Map<String, String> defaults) {
    values.putAll(defaults);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String key = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
      if (key == null || !defaults.containsKey(key)) {
        throw new IllegalArgumentException("'" + arg + "' is not an option; options: --" + String.join("=, --", defaults.keySet()) + "=");
      }
      values.put(key, arg.substring(eq + 1));
    }
  }

  String get(String key) {
    return values.get(key);
  }

  int integer(String key) {
    return Integer.parseInt(values.get(key));
  }

  /** The output folder; relative paths resolve against the repository root. */
  Path out() {
    return io.perfharness.loadtests.launch.RunLauncherPaths.home().resolve(values.get("out")).normalize();
  }
}
