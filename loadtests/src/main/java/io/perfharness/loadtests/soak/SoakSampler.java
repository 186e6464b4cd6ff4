package io.perfharness.loadtests.soak;

import io.perfharness.loadtests.metrics.PrometheusTextParser;
import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.heap.CapturedHistogram;
import io.perfharness.profiling.heap.ClassHistogramCapture;
import io.perfharness.profiling.heap.ClassHistogramWriter;
import io.perfharness.reports.soak.ClassCount;
import io.perfharness.reports.soak.SoakReport;
import io.perfharness.reports.soak.SoakSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The soak run's heap sampler: every interval it reads the target's {@code /metrics} (threads, pool, open
 * files) first, then the generator's completed requests, then takes a class histogram (which forces a full
 * GC and pauses the target; the scrape comes first so requests piled up behind that pause are not counted
 * as busy threads and connections), writes {@code heap/histo-<epochMillis>.txt} and a row of
 * {@code heap/snapshots.csv}, and keeps a {@link SoakSnapshot}. Runs on its own thread so a slow capture
 * never delays the per-second timeline. Mutable, thread-safe.
 */
public final class SoakSampler implements AutoCloseable {
  private static final int MAX_NOTES = 4;
  /** Scrapes of {@code /metrics} per snapshot, and the pause between them (about a second in all). */
  static final int SCRAPES = 5;
  static final long SCRAPE_SPACING_MILLIS = 250;
  private final URI metricsUri;
  private final long pid;
  private final Path runDir;
  private final Path heapDir;
  private final Clock clock;
  private final LongSupplier completedRequests;
  private final Duration interval;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "perf-soak-sampler");
    t.setDaemon(true);
    return t;
  });
  private final List<SoakSnapshot> snapshots = new ArrayList<>();
  private final List<SoakReport.Point> points = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private SnapshotsCsvWriter csv;
  private ClassHistogramCapture capture;
  private ScheduledFuture<?> periodic;
  private boolean metricsAbsent;
  private final Map<String, String> classNames = new HashMap<>();
  private Map<String, ClassCount> previousCounts = Map.of();
  private int failures;

  /**
   * @param completedRequests requests the generator has seen complete since the load began (ok or not)
   */
  public SoakSampler(URI metricsUri, long pid, Path runDir, Path heapDir, Clock clock, LongSupplier completedRequests,
      Duration interval) {
    this.metricsUri = metricsUri;
    this.pid = pid;
    this.runDir = runDir;
    this.heapDir = heapDir;
    this.clock = clock;
    this.completedRequests = completedRequests;
    this.interval = interval;
  }

  /** Attaches to the target and takes the first snapshot now, then one every interval. */
  public synchronized void start() throws IOException, ProfilingException {
    csv = new SnapshotsCsvWriter(heapDir.resolve("snapshots.csv"));
    capture = ClassHistogramCapture.attach(pid, clock);
    periodic = executor.scheduleAtFixedRate(this::sampleOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Stops the cadence and takes a last snapshot at once unless one was taken within half an interval; does
   * not wait for it ({@link #close()} does).
   */
  public synchronized void stopWithFinalSnapshot() {
    if (periodic == null || executor.isShutdown()) {
      return;
    }
    periodic.cancel(false);
    executor.execute(() -> {
      SoakReport.Point last = lastPoint();
      if (last == null || clock.millis() - last.epochMs() > interval.toMillis() / 2) {
        sampleOnce();
      }
    });
    executor.shutdown();
  }

  /** One snapshot: metrics, completed requests, histogram; failures become notes, never exceptions. */
  void sampleOnce() {
    SoakMetrics metrics = scrapeMetrics();
    long completed = completedRequests.getAsLong();
    CapturedHistogram captured;
    Path file;
    try {
      captured = capture.capture();
      file = ClassHistogramWriter.write(heapDir, captured);
    } catch (ProfilingException | RuntimeException e) {
      note("class histogram failed: " + e.getMessage());
      return;
    }
    long epochMs = captured.histogram().timestamp().toEpochMilli();
    long heapAfterGc = captured.histogram().totalBytes(); // counted right after the histogram's own full GC
    SoakSnapshot snapshot = new SoakSnapshot(epochMs, completed, heapAfterGc,
        shared(SoakSnapshot.classCountsOf(captured.histogram())), metrics.liveThreads(), metrics.dbPoolActiveConnections(),
        metrics.openFileDescriptors());
    SoakReport.Point point = new SoakReport.Point(epochMs, completed, heapAfterGc, metrics.liveThreads(),
        metrics.dbPoolActiveConnections(), metrics.openFileDescriptors(), captured.durationMillis(),
        runDir.relativize(file.toAbsolutePath()).toString());
    synchronized (this) {
      snapshots.add(snapshot);
      points.add(point);
      try {
        csv.write(point);
      } catch (IOException e) {
        note("cannot write heap/snapshots.csv: " + e.getMessage());
      }
    }
  }

  /**
   * The least of {@link #SCRAPES} scrapes {@link #SCRAPE_SPACING_MILLIS} apart, per metric: a leak is a floor
   * that rises, and requests in flight at the moment of one scrape (busy threads, borrowed connections) are
   * noise above it. Measured on the sample service under a busy machine: single scrapes of the pool's active
   * connections jumped by up to 8 above the leaked ones and hid a leak of 5 over 2 minutes.
   */
  /**
   * The class counts with each class name stored once for the whole run, and a count equal to the previous
   * snapshot's reused: snapshots are kept all run long, a histogram has thousands of classes and most of
   * them do not change, so without this the sampler itself grew by about 300 KB per snapshot (measured with
   * bench/harness-heap.sh: 1.2 MB per minute at 15 s).
   */
  private synchronized Map<String, ClassCount> shared(Map<String, ClassCount> counts) {
    Map<String, ClassCount> out = new HashMap<>(counts.size() * 2);
    counts.forEach((name, count) -> {
      String canonical = classNames.computeIfAbsent(name, n -> n);
      ClassCount before = previousCounts.get(canonical);
      out.put(canonical, count.equals(before) ? before : count);
    });
    previousCounts = out;
    return out;
  }

  private SoakMetrics scrapeMetrics() {
    SoakMetrics least = null;
    for (int i = 0; i < SCRAPES && !metricsAbsent; i++) {
      if (i > 0) {
        try {
          Thread.sleep(SCRAPE_SPACING_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      SoakMetrics m = scrapeOnce();
      if (m != null) {
        least = least == null ? m : least.leastOf(m);
      }
    }
    return least == null ? SoakMetrics.NONE : least;
  }

  private SoakMetrics scrapeOnce() {
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(metricsUri).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        metricsAbsent = true;
        note("the target has no " + metricsUri.getPath() + " (HTTP 404): no thread, pool or open-file series");
        return null;
      }
      if (response.statusCode() != 200) {
        note("GET " + metricsUri + " answered HTTP " + response.statusCode());
        return null;
      }
      return SoakMetrics.of(PrometheusTextParser.parse(response.body()));
    } catch (IOException | IllegalArgumentException e) {
      note("GET " + metricsUri + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  private synchronized void note(String note) {
    failures++;
    if (notes.size() < MAX_NOTES) {
      notes.add(note);
    }
  }

  public synchronized List<SoakSnapshot> snapshots() {
    return List.copyOf(snapshots);
  }

  public synchronized List<SoakReport.Point> points() {
    return List.copyOf(points);
  }

  private synchronized SoakReport.Point lastPoint() {
    return points.isEmpty() ? null : points.get(points.size() - 1);
  }

  public synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  public synchronized int failures() {
    return failures;
  }

  public Duration interval() {
    return interval;
  }

  /** Waits (up to a minute) for a snapshot in progress, then detaches and closes the CSV. */
  @Override
  public void close() {
    stopWithFinalSnapshot();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (capture != null) {
        capture.close();
      }
      if (csv != null) {
        try {
          csv.close();
        } catch (IOException e) {
          note("cannot close heap/snapshots.csv: " + e.getMessage());
        }
      }
    }
  }
}
