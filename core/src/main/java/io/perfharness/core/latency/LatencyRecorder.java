package io.perfharness.core.latency;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Records every request's latency per request name at microsecond resolution and writes the
 * latency/ folder of a run: requests.hlog (one tag per name), overall.hlog and summary.json. Mutable and
 * thread-safe: {@link #record} is lock-free and may be called from any number of threads; the control
 * methods ({@link #startMeasurement}, {@link #tick}, {@link #close}, {@link #summary}) are synchronized
 * and meant for one scheduler thread.
 *
 * <p>Lifecycle: construct (warm-up: values are counted, then discarded), {@link #startMeasurement()}
 * (the window starts; log headers are written), {@link #tick()} every second (one interval line per
 * request name and one overall line), {@link #close()} (last partial interval, summary.json).
 *
 * <p>A failed request ({@code ok == false}) is recorded like any other, so its latency is in the
 * histograms, and it is also counted in its name's errorCount: a fast failure must not make latency look
 * better by vanishing, and the error count says how many values are failures.
 */
public final class LatencyRecorder implements Closeable {
    /** One hour: a request slower than this is recorded as this, and counted in clampedCount. */
    public static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);
    public static final int SIGNIFICANT_DIGITS = 3;
    public static final String REQUESTS_HLOG = "requests.hlog";
    public static final String OVERALL_HLOG = "overall.hlog";
    public static final String SUMMARY_JSON = "summary.json";

    private final Path latencyDirectory;
    private final Clock clock;
    private final Map<String, NameState> names = new ConcurrentHashMap<>();
    private final Map<String, String> nameByTag = new ConcurrentHashMap<>();
    private final Histogram overallInterval = newHistogram();

    private HlogFileWriter requestsLog;
    private HlogFileWriter overallLog;
    private long windowStartEpochMillis;
    private long lastTickEpochMillis;
    private long warmupExcludedCount;
    private boolean closed;

    /** A request name's recorder and its window totals (the totals are touched under the recorder's lock). */
    private static final class NameState {
        final String tag;
        final RequestIntervalRecorder recorder;
        final Histogram total = newHistogram();
        long errorCount;
        long clampedCount;

        NameState(String tag) {
            this.tag = tag;
            this.recorder = new RequestIntervalRecorder();
        }
    }

    /**
     * Creates the folder if needed; writes nothing until {@link #startMeasurement()}.
     *
     * @param latencyDirectory the run's latency/ folder
     * @param clock wall clock for window and interval timestamps (tests pass a fixed, stepped clock)
     */
    public LatencyRecorder(Path latencyDirectory, Clock clock) throws IOException {
        this.latencyDirectory = latencyDirectory;
        this.clock = clock;
        Files.createDirectories(latencyDirectory);
    }

    /**
     * Records one completed request. Lock-free; allocates only the first time a name is seen.
     *
     * @param requestName the request's name (any text; see {@link HlogTags} for its tag)
     * @param latencyNanos the request's latency in nanoseconds, rounded to the nearest microsecond
     * @param ok false if the request failed; it is then counted as an error and its latency still recorded
     * @throws IllegalArgumentException if requestName is null or latencyNanos is negative
     */
    public void record(String requestName, long latencyNanos, boolean ok) {
        if (requestName == null) {
            throw new IllegalArgumentException("requestName must not be null");
        }
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("latencyNanos must be >= 0 but was " + latencyNanos);
        }
        long latencyMicros = latencyNanos / 1000 + (latencyNanos % 1000 >= 500 ? 1 : 0);
        boolean clamped = latencyMicros > HIGHEST_TRACKABLE_MICROS;
        NameState state = names.get(requestName);
        if (state == null) {
            state = names.computeIfAbsent(requestName, this::newNameState);
        }
        state.recorder.record(clamped ? HIGHEST_TRACKABLE_MICROS : latencyMicros, ok, clamped);
    }

    /**
     * Ends the warm-up: discards everything recorded so far (counted in warmupExcludedCount), starts the
     * window now and writes the log headers.
     *
     * @throws IllegalStateException if called twice or after close
     */
    public synchronized void startMeasurement() throws IOException {
        if (requestsLog != null || closed) {
            throw new IllegalStateException("startMeasurement must be called once, before close");
        }
        discardWarmup();
        windowStartEpochMillis = clock.millis();
        lastTickEpochMillis = windowStartEpochMillis;
        requestsLog = new HlogFileWriter(latencyDirectory.resolve(REQUESTS_HLOG),
            "tags=request names (mapping in " + SUMMARY_JSON + " requests.*.hlogTag)", windowStartEpochMillis);
        overallLog = new HlogFileWriter(latencyDirectory.resolve(OVERALL_HLOG),
            "untagged: all request names together", windowStartEpochMillis);
    }

    /**
     * Closes the current interval: before {@link #startMeasurement()} discards it (warm-up); afterwards
     * writes one line per request name known so far to requests.hlog, one line to overall.hlog, adds the
     * interval to the window totals and flushes both logs. After {@link #close()} it does nothing: a
     * scheduler's last tick may race with close, and the window is over anyway.
     */
    public synchronized void tick() throws IOException {
        if (closed) {
            return;
        }
        if (requestsLog == null) {
            discardWarmup();
            return;
        }
        long nowEpochMillis = clock.millis();
        overallInterval.reset();
        for (NameState state : sortedNames()) {
            RequestIntervalRecorder.Interval interval = state.recorder.takeInterval();
            requestsLog.writeInterval(state.tag, lastTickEpochMillis, nowEpochMillis, interval.histogram);
            state.total.add(interval.histogram);
            state.errorCount += interval.errorCount.sum();
            state.clampedCount += interval.clampedCount.sum();
            overallInterval.add(interval.histogram);
        }
        overallLog.writeInterval(null, lastTickEpochMillis, nowEpochMillis, overallInterval);
        requestsLog.flush();
        overallLog.flush();
        lastTickEpochMillis = nowEpochMillis;
    }

    /**
     * Flushes the last partial interval, closes both logs and writes summary.json; the window ends now.
     * Values recorded afterwards are outside the window and ignored. Without {@link #startMeasurement()}
     * the window is empty and starts and ends now. A second call does nothing.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        if (requestsLog == null) {
            startMeasurement();
        }
        try {
            tick();
        } finally {
            closed = true;
            try {
                requestsLog.close();
            } finally {
                overallLog.close();
            }
        }
        LatencySummaryJsonWriter.write(summary(), latencyDirectory.resolve(SUMMARY_JSON));
    }

    /**
     * The window so far: everything up to the last tick (or close), computed exactly from the accumulated
     * histograms. Empty window before {@link #startMeasurement()}.
     */
    public synchronized LatencySummary summary() {
        Histogram overall = newHistogram();
        long overallErrors = 0;
        long clamped = 0;
        List<RequestLatency> requests = new ArrayList<>();
        boolean started = requestsLog != null;
        for (Map.Entry<String, NameState> entry : new TreeMap<>(names).entrySet()) {
            NameState state = entry.getValue();
            if (started) {
                overall.add(state.total);
                overallErrors += state.errorCount;
                clamped += state.clampedCount;
                requests.add(new RequestLatency(entry.getKey(), state.tag, LatencyStats.of(state.total, state.errorCount)));
            }
        }
        long start = started ? windowStartEpochMillis : clock.millis();
        long end = started ? lastTickEpochMillis : start;
        return new LatencySummary(start, end, SIGNIFICANT_DIGITS, warmupExcludedCount, clamped,
            LatencyStats.of(overall, overallErrors), requests);
    }

    public Path latencyDirectory() {
        return latencyDirectory;
    }

    private void discardWarmup() {
        for (NameState state : names.values()) {
            warmupExcludedCount += state.recorder.takeInterval().histogram.getTotalCount();
        }
    }

    /** Names are few; sorting them each tick keeps the log's line order stable for the same input. */
    private List<NameState> sortedNames() {
        return new ArrayList<>(new TreeMap<>(names).values());
    }

    private NameState newNameState(String requestName) {
        String tag = HlogTags.forRequestName(requestName);
        String previous = nameByTag.putIfAbsent(tag, requestName);
        if (previous != null) {
            // Two names whose replaced characters and 32-bit hash both agree: never seen, but never merge them.
            throw new IllegalStateException("request names '" + previous + "' and '" + requestName
                + "' map to the same hlog tag '" + tag + "'; rename one");
        }
        return new NameState(tag);
    }

    private static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }
}
