package io.perfharness.core.latency;

import java.io.FileNotFoundException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;

/** Test helpers: the copied real logs, and what HdrHistogram's own reader makes of a log. */
final class HdrReference {
    private HdrReference() {
    }

    /** core/src/test/resources/latency/realdata/hdr, copied from ../shared/realdata/hdr (see PROVENANCE.md). */
    static Path realHdrDirectory() {
        try {
            return Path.of(HdrReference.class.getResource("/latency/realdata/hdr").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many intervals per tag ("" for none) HdrHistogram 2.2.2's reader returns, and how it failed if it did. */
    static Result read(Path file) throws FileNotFoundException {
        Map<String, Integer> intervals = new TreeMap<>();
        RuntimeException failure = null;
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                intervals.merge(h.getTag() == null ? "" : h.getTag(), 1, Integer::sum);
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            reader.close();
        }
        return new Result(intervals, failure);
    }

    record Result(Map<String, Integer> intervalCountByTag, RuntimeException failure) {
    }
}
