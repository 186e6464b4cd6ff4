package io.perfharness.reports.soak;

/**
 * One class of a soak run: the verdict on its live instances, how its bytes moved, and its share of the
 * heap growth. Immutable.
 *
 * @param instances verdict and trend of live instances (the deciding series)
 * @param bytesTrend trend of its shallow bytes
 * @param shareOfHeapGrowth its bytes slope over the heap-after-GC slope (or the histogram total's slope
 *     when heap after GC was not measured); null when the heap did not grow
 * @param jdkClass true for JDK classes and all arrays, which usually hold a leak rather than own it
 */
public record ClassLeakFinding(String className, SeriesVerdict instances, SeriesTrend bytesTrend,
        Double shareOfHeapGrowth, boolean jdkClass) {
    public LeakVerdict verdict() {
        return instances.verdict();
    }

    /** Shallow bytes gained per 1,000 completed requests (NaN without a fit). */
    public double bytesPerThousandRequests() {
        return bytesTrend.slopePerThousandRequests();
    }

    /** Live instances gained per 1,000 completed requests (NaN without a fit). */
    public double instancesPerThousandRequests() {
        return instances.trend().slopePerThousandRequests();
    }
}
