package io.perfharness.profiling.query;

import io.perfharness.profiling.event.ProfilingEvent;

/**
 * Converts collapsed counts of one event into cost per completed request, so that runs of
 * different length compare: raw counts never should.
 *
 * <ul>
 *   <li>cpu: count is samples; CPU ms/request = samples × {@code sampleIntervalNanos} / 1e6 / requests</li>
 *   <li>wall: count is samples; wall ms/request, likewise (summed over all sampled threads, idle ones too)</li>
 *   <li>alloc: count is bytes; bytes/request = bytes / requests</li>
 *   <li>lock: count is wait nanoseconds; wait ms/request = ns / 1e6 / requests</li>
 * </ul>
 *
 * @param event               the event whose counts are converted
 * @param sampleIntervalNanos the sampling interval in ns for cpu and wall; 0 for alloc and lock
 * @param completedRequests   requests completed in the window the profile covers, &gt; 0
 */
public record RequestCost(ProfilingEvent event, long sampleIntervalNanos, long completedRequests) {

    public RequestCost {
        if (completedRequests <= 0) {
            throw new IllegalArgumentException("completedRequests must be > 0 but was " + completedRequests);
        }
        boolean sampled = event == ProfilingEvent.CPU || event == ProfilingEvent.WALL;
        if (sampled && sampleIntervalNanos <= 0) {
            throw new IllegalArgumentException("sampleIntervalNanos must be > 0 for " + event.id()
                    + " but was " + sampleIntervalNanos);
        }
        if (!sampled && sampleIntervalNanos != 0) {
            throw new IllegalArgumentException("sampleIntervalNanos must be 0 for " + event.id()
                    + " (its counts are already " + event.countUnit().label() + ") but was " + sampleIntervalNanos);
        }
    }

    /**
     * For any event: pass {@code CaptureSettings.sampleIntervalNanos(event)}, which is the sampling
     * interval for cpu and wall and 0 for alloc and lock.
     */
    public static RequestCost of(ProfilingEvent event, long sampleIntervalNanos, long completedRequests) {
        return new RequestCost(event, sampleIntervalNanos, completedRequests);
    }

    /** For cpu or wall samples taken every {@code sampleIntervalNanos}. */
    public static RequestCost ofSamples(ProfilingEvent event, long sampleIntervalNanos, long completedRequests) {
        return new RequestCost(event, sampleIntervalNanos, completedRequests);
    }

    /** For alloc bytes or lock wait nanoseconds. */
    public static RequestCost ofTotals(ProfilingEvent event, long completedRequests) {
        return new RequestCost(event, 0, completedRequests);
    }

    /** The unit of {@link #perRequest(long)}. */
    public PerRequestUnit unit() {
        switch (event) {
            case CPU:
                return PerRequestUnit.CPU_MILLIS;
            case WALL:
                return PerRequestUnit.WALL_MILLIS;
            case ALLOC:
                return PerRequestUnit.BYTES;
            case LOCK:
                return PerRequestUnit.WAIT_MILLIS;
            default:
                throw new IllegalStateException("no per-request unit for " + event);
        }
    }

    /** {@code count} (in the event's count unit) as cost per request, in {@link #unit()}. */
    public double perRequest(long count) {
        switch (event) {
            case CPU:
            case WALL:
                return (double) count * sampleIntervalNanos / 1e6 / completedRequests;
            case ALLOC:
                return (double) count / completedRequests;
            case LOCK:
                return count / 1e6 / completedRequests;
            default:
                throw new IllegalStateException("no per-request conversion for " + event);
        }
    }
}
