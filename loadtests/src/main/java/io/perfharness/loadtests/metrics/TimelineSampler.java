package io.perfharness.loadtests.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Samples a target's Prometheus {@code /metrics} into {@code metrics/timeline.csv}; {@link
 * #sampleOnce()} is driven by the caller's scheduler (every second during a run). Failures are
 * counted and the first few kept as notes for the manifest; a sample never blocks longer than 2 s.
 */
public final class TimelineSampler implements AutoCloseable {
  private final URI metricsUri;
  private final TimelineCsvWriter writer;
  private final Clock clock;
  private final long startEpochMs;
  private final Supplier<String> phase;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
  private int rows;
  private int failures;
  private boolean absent;

  public TimelineSampler(URI metricsUri, Path csvFile, Clock clock, Supplier<String> phase) throws IOException {
    this.metricsUri = metricsUri;
    this.writer = new TimelineCsvWriter(csvFile);
    this.clock = clock;
    this.startEpochMs = clock.millis();
    this.phase = phase;
  }

  public synchronized void sampleOnce() {
    if (absent) {
      return;
    }
    long now = clock.millis();
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(metricsUri).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404 && rows == 0) {
        absent = true; // this target has no Prometheus endpoint: say so once, do not poll it all run
        notes.add("the target has no " + metricsUri.getPath() + " (HTTP 404): no service-side timeline");
        return;
      }
      if (response.statusCode() != 200) {
        fail("GET " + metricsUri + " answered HTTP " + response.statusCode());
        return;
      }
      List<PrometheusSample> samples = PrometheusTextParser.parse(response.body());
      writer.write(PrometheusToTimelineRow.convert(samples, now, (now - startEpochMs) / 1000.0, phase.get()));
      rows++;
    } catch (IOException | IllegalArgumentException e) {
      fail("GET " + metricsUri + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fail(String note) {
    failures++;
    if (notes.size() < 3) {
      notes.add(note);
    }
  }

  public synchronized int rows() {
    return rows;
  }

  public synchronized int failures() {
    return failures;
  }

  /** True when the target turned out to expose no metrics endpoint at all. */
  public synchronized boolean absent() {
    return absent;
  }

  public List<String> notes() {
    return List.copyOf(notes);
  }

  @Override
  public synchronized void close() throws IOException {
    writer.close();
  }
}
