package io.perfharness.reports.compare;

import io.perfharness.core.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads and writes {@code calibration.json} and decides whether it belongs to this machine. */
public final class NoiseCalibrationFile {
  public static final String DEFAULT_NAME = "calibration.json";

  private NoiseCalibrationFile() {}

  public static void write(Path file, NoiseCalibration calibration) throws IOException {
    Json.writeFile(file, calibration);
  }

  public static NoiseCalibration read(Path file) throws ComparisonInputException {
    if (!Files.isRegularFile(file)) {
      throw new ComparisonInputException("calibration file " + file + " does not exist (run perf calibrate first)");
    }
    NoiseCalibration c;
    try {
      c = Json.readFile(file, NoiseCalibration.class);
    } catch (IOException | RuntimeException e) {
      throw new ComparisonInputException("calibration file " + file + " is unreadable: " + e.getMessage(), e);
    }
    if (c.schemaVersion() != NoiseCalibration.SCHEMA_VERSION) {
      throw new ComparisonInputException("calibration file " + file + " has schemaVersion " + c.schemaVersion()
          + " but this harness reads " + NoiseCalibration.SCHEMA_VERSION);
    }
    return c;
  }

  /**
   * The options with the calibration added when it was measured on this machine; otherwise the
   * options unchanged and a warning on {@code err}.
   */
  public static CompareOptions apply(CompareOptions options, Path file, PrintStream err) throws ComparisonInputException {
    NoiseCalibration c = read(file);
    NoiseCalibration.Machine here = thisMachine();
    if (c.machine() == null || !here.equals(c.machine())) {
      err.println("perf: warning: ignoring " + file + ": it was measured on " + describe(c.machine())
          + ", this is " + describe(here));
      return options;
    }
    return options.withCalibration(c, file);
  }

  public static NoiseCalibration.Machine thisMachine() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        host = "unknown";
      }
    }
    return new NoiseCalibration.Machine(host, Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"));
  }

  static String describe(NoiseCalibration.Machine m) {
    return m == null ? "an unknown machine"
        : String.format(Locale.ROOT, "%s (%d cpus, %s %s)", m.hostname(), m.availableProcessors(), m.os(), m.arch());
  }
}
