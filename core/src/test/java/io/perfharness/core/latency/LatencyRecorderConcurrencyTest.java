package io.perfharness.core.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four threads record while a fifth ticks: every value and every error lands in exactly one interval. */
class LatencyRecorderConcurrencyTest {
    private static final int THREADS = 4;
    private static final int VALUES_PER_THREAD = 100_000;
    private static final List<String> NAMES = List.of("GET /a", "GET /b", "POST /c");

    @TempDir
    Path dir;

    @Test
    void noValueIsLostWhileTicking() throws Exception {
        StepClock clock = new StepClock(LatencyRecorderTest.WINDOW_START);
        LatencyRecorder recorder = new LatencyRecorder(dir, clock);
        recorder.startMeasurement();
        AtomicInteger ticks = new AtomicInteger();
        AtomicBoolean writersDone = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);

        Thread ticker = new Thread(() -> {
            try {
                start.await();
                while (!writersDone.get()) {
                    clock.advance(Duration.ofSeconds(1));
                    recorder.tick();
                    ticks.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < VALUES_PER_THREAD; i++) {
                        recorder.record(NAMES.get((i + thread) % NAMES.size()), 1_000L * (1 + i % 5_000), i % 10 != 0);
                        if (i == VALUES_PER_THREAD / 2) {
                            // Guarantees intervals are taken while values are being recorded, however threads are scheduled.
                            int seen = ticks.get();
                            while (ticks.get() < seen + 2 && failure.get() == null) {
                                Thread.onSpinWait();
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        ticker.start();
        writers.forEach(Thread::start);
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        writersDone.set(true);
        ticker.join();
        recorder.close();

        assertThat(failure.get()).isNull();
        assertThat(ticks.get()).isGreaterThanOrEqualTo(2);
        LatencySummary summary = recorder.summary();
        long total = (long) THREADS * VALUES_PER_THREAD;
        assertThat(summary.overall().count()).isEqualTo(total);
        assertThat(summary.overall().errorCount()).isEqualTo(total / 10);
        assertThat(summary.requests().stream().mapToLong(r -> r.stats().count()).sum()).isEqualTo(total);
        assertThat(summary.overall().maxMicros()).isCloseTo(5_000L, within(5L));
        HlogTotals requests = HlogReader.readTotals(dir.resolve(LatencyRecorder.REQUESTS_HLOG), HlogReader.Mode.STRICT);
        assertThat(requests.tags().stream().mapToLong(tag -> requests.histogram(tag).getTotalCount()).sum()).isEqualTo(total);
        HlogTotals overall = HlogReader.readTotals(dir.resolve(LatencyRecorder.OVERALL_HLOG), HlogReader.Mode.STRICT);
        assertThat(overall.histogram(HlogInterval.UNTAGGED).getTotalCount()).isEqualTo(total);
        // One overall line per tick plus close's; a name gets lines from the first tick after it was first seen.
        assertThat(overall.intervalCount()).isEqualTo(ticks.get() + 1);
        assertThat(requests.intervalCount()).isLessThanOrEqualTo(NAMES.size() * (ticks.get() + 1));
    }
}
