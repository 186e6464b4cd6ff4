package io.perfharness.core.latency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test says so, so tests never sleep. Mutable, thread-safe. */
final class StepClock extends Clock {
    private final AtomicLong epochMillis;

    StepClock(Instant start) {
        this.epochMillis = new AtomicLong(start.toEpochMilli());
    }

    void advance(Duration step) {
        epochMillis.addAndGet(step.toMillis());
    }

    @Override
    public long millis() {
        return epochMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
