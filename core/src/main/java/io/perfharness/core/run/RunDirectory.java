package io.perfharness.core.run;

import io.perfharness.core.json.Json;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One run's folder, {@code runs/<run-id>/}, and the names of the files in it (the contract of
 * DESIGN.md). Creating one never reuses an existing folder. Immutable.
 */
public final class RunDirectory {
  public static final String MANIFEST = "run.json";
  public static final String SUMMARY = "SUMMARY.md";
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path root;

  private RunDirectory(Path root) {
    this.root = root;
  }

  /** Creates {@code <outDir>/<UTC time>-<label>} (with {@code -2}, {@code -3}... if taken). */
  public static RunDirectory create(Path outDir, Instant start, String label) throws IOException {
    Files.createDirectories(outDir);
    String base = ID_TIME.format(start) + "-" + label;
    for (int attempt = 1; attempt < 1_000; attempt++) {
      Path candidate = outDir.resolve(attempt == 1 ? base : base + "-" + attempt);
      try {
        Files.createDirectory(candidate);
        return new RunDirectory(candidate);
      } catch (FileAlreadyExistsException e) {
        // taken by an earlier run in the same second: try the next suffix
      }
    }
    throw new IOException("cannot create a run folder under " + outDir + " named " + base + "[-N]");
  }

  /** Opens an existing run directory (it must hold {@code run.json}). */
  public static RunDirectory open(Path root) throws IOException {
    if (!Files.isRegularFile(root.resolve(MANIFEST))) {
      throw new IOException(root + " is not a run directory: it has no " + MANIFEST);
    }
    return new RunDirectory(root);
  }

  public Path root() {
    return root;
  }

  public String runId() {
    return root.getFileName().toString();
  }

  public Path manifestFile() {
    return root.resolve(MANIFEST);
  }

  public Path summaryFile() {
    return root.resolve(SUMMARY);
  }

  public Path latencyDir() {
    return root.resolve("latency");
  }

  public Path profileDir() {
    return root.resolve("profile");
  }

  public Path collapsedFile(String event) {
    return profileDir().resolve(event + ".collapsed");
  }

  public Path flameGraphFile(String event) {
    return profileDir().resolve(event + ".html");
  }

  public Path metricsDir() {
    return root.resolve("metrics");
  }

  public Path timelineFile() {
    return metricsDir().resolve("timeline.csv");
  }

  public Path heapDir() {
    return root.resolve("heap");
  }

  public Path gatlingDir() {
    return root.resolve("gatling");
  }

  public Path targetLogFile() {
    return root.resolve("target.log");
  }

  public void writeManifest(RunManifest manifest) throws IOException {
    Json.writeFile(manifestFile(), manifest);
  }

  public RunManifest readManifest() throws IOException {
    return Json.readFile(manifestFile(), RunManifest.class);
  }
}
