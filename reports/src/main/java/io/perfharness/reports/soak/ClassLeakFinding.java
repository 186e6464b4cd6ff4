package io.perfharness.reports.soak;

import java.util.List;

/**
 * One class of a soak run: the verdict on its live instances, how its bytes moved, and its share of the
 * heap growth. Immutable.
 *
 * @param instances verdict and trend of live instances (the deciding series)
 * @param bytesTrend trend of its shallow bytes
 * @param shareOfHeapGrowth its bytes slope over the heap-after-GC slope (or the histogram total's slope
 *     when heap after GC was not measured); null when the heap did not grow
 * @param jdkClass true for JDK classes and all arrays, which usually hold a leak rather than own it
 * @param lockstepClasses for an application class that is LEAK SUSPECTED: the JDK classes and arrays, also
 *     suspected, whose instances grow at the same rate (within {@link SoakAnalyzer#LOCKSTEP_TOLERANCE}),
 *     most likely what each of its instances holds (a listener and its {@code long[]}); else empty
 * @param lockstepBytesPerThousandRequests the bytes per 1,000 requests of those classes, 0 when none
 */
public record ClassLeakFinding(String className, SeriesVerdict instances, SeriesTrend bytesTrend,
        Double shareOfHeapGrowth, boolean jdkClass, List<String> lockstepClasses,
        double lockstepBytesPerThousandRequests) {
    public ClassLeakFinding {
        lockstepClasses = List.copyOf(lockstepClasses);
    }

    public LeakVerdict verdict() {
        return instances.verdict();
    }

    /** Shallow bytes gained per 1,000 completed requests (NaN without a fit). */
    public double bytesPerThousandRequests() {
        return bytesTrend.slopePerThousandRequests();
    }

    /** Its own bytes plus those of its lockstep classes, per 1,000 requests: the heap growth it plausibly owns. */
    public double ownedBytesPerThousandRequests() {
        double own = bytesPerThousandRequests();
        return (Double.isNaN(own) ? 0 : own) + lockstepBytesPerThousandRequests;
    }

    /** Live instances gained per 1,000 completed requests (NaN without a fit). */
    public double instancesPerThousandRequests() {
        return instances.trend().slopePerThousandRequests();
    }
}
