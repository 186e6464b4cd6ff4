package io.perfharness.loadtests.schedule;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Records the arrivals that really happened: for each virtual user that started and sent its
 * request, its actual start against its intended offset; and for arrivals intended in the
 * measurement window, the count per template. Actual starts are placed on the schedule's time axis
 * the way the generator monitor does: relative to the best-kept point (the smallest {@code actual -
 * intended} seen), so a late first user does not shift every bucket. Thread-safe; one slot per
 * scheduled arrival (the schedule is bounded).
 */
public final class AchievedArrivals {
    private static final long NOT_STARTED = Long.MIN_VALUE;
    private final AtomicLongArray deltaNanos;
    private final AtomicLongArray perTemplateInWindow;
    private final int[] templateOfArrival;
    private final AtomicLong anchorNanos = new AtomicLong(Long.MIN_VALUE);

    public AchievedArrivals(int arrivals, int templates, int[] templateOfArrival) {
        this.deltaNanos = new AtomicLongArray(arrivals);
        for (int i = 0; i < arrivals; i++) {
            deltaNanos.set(i, NOT_STARTED);
        }
        this.perTemplateInWindow = new AtomicLongArray(Math.max(1, templates));
        this.templateOfArrival = templateOfArrival;
    }

    /** A user started at {@code nowNanos} (System.nanoTime) and sends its request. */
    public void started(Arrival arrival, long nowNanos) {
        anchorNanos.compareAndSet(Long.MIN_VALUE, nowNanos - arrival.offsetNanos());
        deltaNanos.set((int) arrival.seq(), nowNanos - anchorNanos.get() - arrival.offsetNanos());
        if (arrival.inMeasurementWindow()) {
            perTemplateInWindow.incrementAndGet(templateOfArrival[(int) arrival.seq()]);
        }
    }

    /**
     * Started users per schedule bucket, by actual start relative to the best-kept point; users
     * that started after the last bucket are not counted.
     */
    public long[] perBucket(List<Arrival> arrivals, int buckets) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < deltaNanos.length(); i++) {
            long d = deltaNanos.get(i);
            if (d != NOT_STARTED) {
                min = Math.min(min, d);
            }
        }
        long[] out = new long[buckets];
        for (int i = 0; i < deltaNanos.length(); i++) {
            long d = deltaNanos.get(i);
            if (d != NOT_STARTED) {
                long actual = arrivals.get(i).offsetNanos() + d - min;
                long bucket = actual / ArrivalSchedule.BUCKET_NANOS;
                if (bucket < buckets) {
                    out[(int) bucket]++;
                }
            }
        }
        return out;
    }

    public long[] perTemplateInWindow() {
        long[] out = new long[perTemplateInWindow.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = perTemplateInWindow.get(i);
        }
        return out;
    }
}
