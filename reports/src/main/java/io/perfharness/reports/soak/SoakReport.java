package io.perfharness.reports.soak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code soak.json}: the leak analysis of a soak run as written to the run directory (schemaVersion 1,
 * fields documented in {@code docs/soak.md}). Built by {@link SoakReportBuilder}; read back by the
 * summary and the comparison. Immutable; absent facts are left out, never invented (no NaN).
 *
 * @param histogramIntervalMillis the sampler's cadence
 * @param covers when the sampler ran, e.g. {@code measurement window}
 * @param histogramsForcedFullGc true: each snapshot's histogram ran a full GC in the target
 * @param series verdicts keyed {@code heapAfterGc}, {@code threads}, {@code dbPoolActiveConnections},
 *     {@code openFileDescriptors}; a series the target did not offer is left out
 * @param classesAnalyzed classes seen in any histogram
 * @param classesSuspected classes with a LEAK SUSPECTED verdict
 * @param classes the highest-ranked classes (LEAK SUSPECTED first), at most {@link SoakReportBuilder#MAX_CLASSES}
 * @param timeline one point per snapshot, in time order
 * @param allocationProfile the collapsed allocation profile the stacks come from, null when not profiled
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SoakReport(int schemaVersion, String runId, long histogramIntervalMillis, String covers,
        boolean histogramsForcedFullGc, int snapshots, long completedRequestsFirst, long completedRequestsLast,
        Map<String, Series> series, int classesAnalyzed, int classesSuspected, List<SuspectClass> classes,
        List<Point> timeline, String allocationProfile, List<String> notes) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE = "soak.json";

    /** One judged series: the verdict, its reason, and the numbers behind it (null where not fitted). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Series(String verdict, String reason, String unit, double firstValue, double lastValue,
            Double slopePerThousandRequests, Double rSquared, Double pValue, Double growthOverRun,
            Double increasingStepFraction, Double decreasingStepFraction, Double lateSlopePerThousandRequests) {}

    /**
     * One ranked class. {@code allocationStacks} are collapsed lines ({@code frame;frame;... count}, the
     * count in bytes sampled) of the allocation profile's stacks that allocate this class, largest first.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SuspectClass(int rank, String className, String verdict, String reason, boolean jdkClass,
            double firstInstances, double lastInstances, Double instancesPerThousandRequests,
            Double bytesPerThousandRequests, double ownedBytesPerThousandRequests, List<String> lockstepClasses,
            Double shareOfHeapGrowth, Double ownedShareOfHeapGrowth, Double rSquared, Double pValue,
            Long allocationSampledBytes,
            List<String> allocationStacks) {}

    /** One snapshot: what was read from the target, and what the histogram cost. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Point(long epochMs, long completedRequests, Long heapAfterGcBytes, Long liveThreads,
            Long dbPoolActiveConnections, Long openFileDescriptors, long captureMillis, String histogramFile) {}

    /** The series of this name, or null. */
    public Series series(String name) {
        return series == null ? null : series.get(name);
    }
}
