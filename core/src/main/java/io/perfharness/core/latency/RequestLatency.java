package io.perfharness.core.latency;

/**
 * The latency of one request name over the measurement window. Immutable.
 *
 * @param requestName the name as given to {@link LatencyRecorder#record}
 * @param hlogTag the tag of this name's intervals in requests.hlog ({@link HlogTags#forRequestName})
 * @param stats exact statistics over the window
 */
public record RequestLatency(String requestName, String hlogTag, LatencyStats stats) {

    public RequestLatency {
        if (requestName == null || hlogTag == null || hlogTag.isEmpty() || stats == null) {
            throw new IllegalArgumentException("requestName, hlogTag and stats must be set but were "
                + requestName + ", " + hlogTag + ", " + stats);
        }
    }
}
