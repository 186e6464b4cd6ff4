package io.perfharness.core.latency;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Exact latency of a measurement window, overall and per request name, in microseconds; what
 * latency/summary.json holds. Immutable.
 *
 * @param windowStartEpochMillis start of the measurement window (when measurement started)
 * @param windowEndEpochMillis end of the window (the last tick, or close)
 * @param significantDigits HdrHistogram precision of all values (3: within 0.1%)
 * @param warmupExcludedCount requests recorded before the window started, in no statistic or log
 * @param clampedCount requests slower than {@link LatencyRecorder#HIGHEST_TRACKABLE_MICROS}, counted at that value
 * @param overall all request names together: the exact HdrHistogram sum of the per-name histograms
 * @param requests one entry per request name, sorted by name
 */
public record LatencySummary(long windowStartEpochMillis, long windowEndEpochMillis, int significantDigits,
                             long warmupExcludedCount, long clampedCount, LatencyStats overall,
                             List<RequestLatency> requests) {

    public LatencySummary {
        if (windowEndEpochMillis < windowStartEpochMillis) {
            throw new IllegalArgumentException("window must end at or after its start but was "
                + windowStartEpochMillis + ".." + windowEndEpochMillis + " epoch ms");
        }
        if (warmupExcludedCount < 0 || clampedCount < 0) {
            throw new IllegalArgumentException("warmupExcludedCount and clampedCount must be >= 0 but were "
                + warmupExcludedCount + " and " + clampedCount);
        }
        requests = requests.stream().sorted(Comparator.comparing(RequestLatency::requestName)).toList();
        for (int i = 1; i < requests.size(); i++) {
            if (requests.get(i).requestName().equals(requests.get(i - 1).requestName())) {
                throw new IllegalArgumentException("request names must be unique but '"
                    + requests.get(i).requestName() + "' appears twice");
            }
        }
        if (overall == null) {
            throw new IllegalArgumentException("overall must be set");
        }
    }

    public Optional<RequestLatency> request(String requestName) {
        return requests.stream().filter(r -> r.requestName().equals(requestName)).findFirst();
    }
}
