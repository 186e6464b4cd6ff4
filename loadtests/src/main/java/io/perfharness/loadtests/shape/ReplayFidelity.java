package io.perfharness.loadtests.shape;

import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.schedule.ArrivalSchedule;
import io.perfharness.loadtests.schedule.ScheduleIntent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How well a run followed its shape, from the arrivals that really happened: per 1 s bucket of the
 * measurement window intended against achieved arrivals (normalized RMSE), and the endpoint mix
 * (total variation distance). Computes the model and writes {@code fidelity/arrivals.csv} and
 * {@code fidelity/mix.csv}, the numbers it came from. Pure functions plus one writer.
 */
public final class ReplayFidelity {
    public static final String ARRIVALS_FILE = "fidelity/arrivals.csv";
    public static final String MIX_FILE = "fidelity/mix.csv";
    static final String METHOD = "per full 1 s bucket of the measurement window: intended arrivals (the seeded schedule;"
            + " VsShape: the shape's mean before the draw) against users that really started in that second;"
            + " NRMSE = RMS error / mean intended; mix: total variation distance between the window's intended and"
            + " started arrivals by template";

    private ReplayFidelity() {
    }

    /** Normalized RMSE: root mean square of {@code achieved - intended} over the mean intended value. */
    public static double nrmse(double[] intended, long[] achieved) {
        if (intended.length == 0) {
            return 0;
        }
        double squares = 0;
        double sum = 0;
        for (int i = 0; i < intended.length; i++) {
            double d = achieved[i] - intended[i];
            squares += d * d;
            sum += intended[i];
        }
        double mean = sum / intended.length;
        return mean == 0 ? (squares == 0 ? 0 : 1) : Math.sqrt(squares / intended.length) / mean;
    }

    /** Total variation distance: half the L1 distance between the two normalized distributions. */
    public static double tvd(double[] p, double[] q) {
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        if (sp == 0 || sq == 0) {
            return sp == sq ? 0 : 1;
        }
        double d = 0;
        for (int i = 0; i < p.length; i++) {
            d += Math.abs(p[i] / sp - q[i] / sq);
        }
        return d / 2;
    }

    /**
     * Computes the fidelity of a finished run and writes the CSV files under {@code runRoot}.
     *
     * @return null when the window holds no full bucket
     */
    public static RunManifest.Fidelity measure(ArrivalSchedule schedule, Path runRoot) throws IOException {
        ScheduleIntent intent = schedule.intent();
        List<ArrivalSchedule.Bucket> buckets = schedule.buckets();
        long[] achievedAll = schedule.achieved().perBucket(schedule.arrivals(), buckets.size());
        long windowEnd = schedule.warmupNanos() + schedule.durationNanos();
        int n = 0;
        for (ArrivalSchedule.Bucket b : buckets) {
            if (inWindow(b, schedule.warmupNanos(), windowEnd)) {
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        double[] scheduled = new double[n];
        double[] shape = new double[n];
        long[] achieved = new long[n];
        StringBuilder csv = new StringBuilder("bucket,startMillis,shapeExpected,scheduled,achieved\n");
        int j = 0;
        for (int i = 0; i < buckets.size(); i++) {
            ArrivalSchedule.Bucket b = buckets.get(i);
            if (!inWindow(b, schedule.warmupNanos(), windowEnd)) {
                continue;
            }
            scheduled[j] = b.count();
            shape[j] = intent.expectedPerBucket()[i];
            achieved[j] = achievedAll[i];
            csv.append(String.format(Locale.ROOT, "%d,%d,%.4f,%d,%d%n", i, b.startNanos() / 1_000_000, shape[j], b.count(), achieved[j]));
            j++;
        }
        int templates = intent.templates().size();
        double[] scheduledMix = new double[templates];
        int[] templateOf = intent.templateOfArrival();
        schedule.arrivals().forEach(a -> {
            if (a.inMeasurementWindow()) {
                scheduledMix[templateOf[(int) a.seq()]]++;
            }
        });
        long[] achievedMixCounts = schedule.achieved().perTemplateInWindow();
        double[] achievedMix = new double[templates];
        StringBuilder mixCsv = new StringBuilder("template,shapeShare,scheduled,achieved\n");
        for (int k = 0; k < templates; k++) {
            achievedMix[k] = k < achievedMixCounts.length ? achievedMixCounts[k] : 0;
            mixCsv.append(String.format(Locale.ROOT, "%s,%.6f,%d,%d%n", csvField(intent.templates().get(k)),
                    intent.shapeMixInWindow() == null ? Double.NaN : intent.shapeMixInWindow()[k], (long) scheduledMix[k],
                    (long) achievedMix[k]));
        }
        Files.createDirectories(runRoot.resolve("fidelity"));
        Files.writeString(runRoot.resolve(ARRIVALS_FILE), csv);
        Files.writeString(runRoot.resolve(MIX_FILE), mixCsv);
        long achievedTotal = 0;
        long scheduledTotal = 0;
        for (int i = 0; i < n; i++) {
            achievedTotal += achieved[i];
            scheduledTotal += (long) scheduled[i];
        }
        Double mixVsShape = intent.shapeMixInWindow() == null ? null : round(tvd(intent.shapeMixInWindow(), achievedMix));
        return new RunManifest.Fidelity(ArrivalSchedule.BUCKET_NANOS / 1_000_000, n, scheduledTotal, achievedTotal,
                round(nrmse(scheduled, achieved)), round(nrmse(shape, achieved)), round(tvd(scheduledMix, achievedMix)),
                mixVsShape, templates, ARRIVALS_FILE + ", " + MIX_FILE, METHOD);
    }

    private static boolean inWindow(ArrivalSchedule.Bucket b, long warmupNanos, long windowEndNanos) {
        return b.startNanos() >= warmupNanos && b.startNanos() + ArrivalSchedule.BUCKET_NANOS <= windowEndNanos
                && b.lengthNanos() == ArrivalSchedule.BUCKET_NANOS;
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
