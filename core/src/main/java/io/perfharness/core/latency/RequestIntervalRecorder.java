package io.perfharness.core.latency;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Lock-free interval recording for one request name: any number of threads record, one thread at a time
 * takes intervals. The same double-buffer scheme as HdrHistogram's {@code Recorder}, but the error and
 * clamp counts flip together with the values, so a window's error count matches its histogram exactly.
 * Mutable.
 */
final class RequestIntervalRecorder {
    /** One buffer: values, errors, clamped values. Written by recorders while active, read after a flip. */
    static final class Interval {
        final AtomicHistogram histogram;
        final LongAdder errorCount = new LongAdder();
        final LongAdder clampedCount = new LongAdder();

        Interval() {
            histogram = new AtomicHistogram(LatencyRecorder.HIGHEST_TRACKABLE_MICROS, LatencyRecorder.SIGNIFICANT_DIGITS);
        }

        void reset() {
            histogram.reset();
            errorCount.reset();
            clampedCount.reset();
        }
    }

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Interval active;
    private Interval inactive;

    RequestIntervalRecorder() {
        active = new Interval();
        inactive = new Interval();
    }

    void record(long latencyMicros, boolean ok, boolean clamped) {
        long criticalValue = phaser.writerCriticalSectionEnter();
        try {
            Interval interval = active;
            interval.histogram.recordValue(latencyMicros);
            if (!ok) {
                interval.errorCount.increment();
            }
            if (clamped) {
                interval.clampedCount.increment();
            }
        } finally {
            phaser.writerCriticalSectionExit(criticalValue);
        }
    }

    /**
     * Closes the current interval and returns it; it stays valid until the next call, which reuses it.
     * Callers serialize calls (LatencyRecorder's control methods are synchronized).
     */
    Interval takeInterval() {
        inactive.reset();
        phaser.readerLock();
        try {
            Interval closed = active;
            active = inactive;
            inactive = closed;
            // Waits until every record() that may have seen the old buffer has left it.
            phaser.flipPhase();
        } finally {
            phaser.readerUnlock();
        }
        return inactive;
    }
}
