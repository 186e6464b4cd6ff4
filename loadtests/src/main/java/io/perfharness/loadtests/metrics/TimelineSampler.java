package io.perfharness.loadtests.metrics;

import io.perfharness.core.config.TargetSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Samples the target into {@code metrics/timeline.csv}: JVM facts over JMX when we know its PID
 * (any JVM), service facts (DB pool, requests) from its Prometheus {@code /metrics} when it has
 * one, merged per row. {@link #sampleOnce()} is driven by the caller's scheduler (every second).
 * Failures are counted and the first few kept as notes; a sample never blocks longer than 2 s.
 * Mutable, thread-safe.
 */
public final class TimelineSampler implements AutoCloseable {
  private final URI metricsUri;
  private final TimelineCsvWriter writer;
  private final Clock clock;
  private final long startEpochMs;
  private final Supplier<String> phase;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<String> notes = new ArrayList<>();
  private JmxJvmProbe jmx;
  private int rows;
  private int failures;
  private boolean prometheusAbsent;

  public TimelineSampler(URI metricsUri, OptionalLong pid, Path csvFile, Clock clock, Supplier<String> phase) throws IOException {
    this(metricsUri, pid, null, csvFile, clock, phase);
  }

  /**
   * @param jmxEndpoint a remote JMX endpoint for the JVM columns (a {@code jmx:} target), or null to attach by
   *     {@code pid}
   */
  public TimelineSampler(URI metricsUri, OptionalLong pid, TargetSpec.JmxEndpoint jmxEndpoint, Path csvFile, Clock clock,
      Supplier<String> phase) throws IOException {
    this.metricsUri = metricsUri;
    this.writer = new TimelineCsvWriter(csvFile);
    this.clock = clock;
    this.startEpochMs = clock.millis();
    this.phase = phase;
    if (jmxEndpoint != null) {
      try {
        jmx = JmxJvmProbe.connect(jmxEndpoint.host(), jmxEndpoint.port());
      } catch (IOException | RuntimeException e) {
        notes.add("JMX at " + jmxEndpoint + ": " + e.getMessage() + "; JVM columns come from /metrics only");
      }
    } else if (pid.isPresent()) {
      try {
        jmx = JmxJvmProbe.attach(pid.getAsLong());
      } catch (IOException | RuntimeException e) {
        notes.add("JMX: " + e.getMessage() + "; JVM columns come from /metrics only");
      }
    }
  }

  /** Takes one sample and appends it; returns it (null when no source answered). */
  public synchronized TimelineRow sampleOnce() {
    long now = clock.millis();
    double elapsedSec = (now - startEpochMs) / 1000.0;
    String currentPhase = phase.get();
    TimelineRow fromJmx = null;
    if (jmx != null) {
      try {
        fromJmx = jmx.sample(now, elapsedSec, currentPhase);
      } catch (IOException | RuntimeException e) {
        fail("JMX sample: " + e.getMessage());
      }
    }
    TimelineRow row = TimelineRows.merge(fromJmx, samplePrometheus(now, elapsedSec, currentPhase));
    if (row == null) {
      return null;
    }
    try {
      writer.write(row);
      rows++;
    } catch (IOException e) {
      fail("cannot write the timeline: " + e.getMessage());
    }
    return row;
  }

  /** Whether the JVM columns come over JMX (else from {@code /metrics}, if at all). */
  public synchronized boolean jmxConnected() {
    return jmx != null;
  }

  private TimelineRow samplePrometheus(long now, double elapsedSec, String currentPhase) {
    if (prometheusAbsent) {
      return null;
    }
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(metricsUri).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404 && rows == 0) {
        prometheusAbsent = true; // say so once instead of polling a missing endpoint all run long
        notes.add("the target has no " + metricsUri.getPath() + " (HTTP 404): no DB pool or request columns");
        return null;
      }
      if (response.statusCode() != 200) {
        fail("GET " + metricsUri + " answered HTTP " + response.statusCode());
        return null;
      }
      return PrometheusToTimelineRow.convert(PrometheusTextParser.parse(response.body()), now, elapsedSec, currentPhase);
    } catch (IOException | IllegalArgumentException e) {
      fail("GET " + metricsUri + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  private void fail(String note) {
    failures++;
    if (notes.size() < 4) {
      notes.add(note);
    }
  }

  public synchronized int rows() {
    return rows;
  }

  public synchronized int failures() {
    return failures;
  }

  /** What the manifest should know about the timeline's sources and failures. */
  public synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      writer.close();
    } finally {
      if (jmx != null) {
        jmx.close();
      }
    }
  }
}
