package io.perfharness.loadtests.shape;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.perfharness.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a shape file (schemaVersion 1, see {@code docs/shape-file.md}):
 *
 * <pre>
 * {"schemaVersion":1,"kind":"perf-harness traffic shape",
 *  "curve":{"bucketMillis":1000,"speed":60.0,"scale":1.0,"buckets":3,"counts":[[0,12],[2,7]],...},
 *  "templates":[{"id":0,"name":"GET /orders/{id}","method":"GET","path":"/orders/{id}","count":19,...}],
 *  "segments":[{"startBucket":0,"counts":[[0,19]]}], ...}
 * </pre>
 *
 * Every problem is reported at once, naming the file and the JSON location or line and value.
 */
public final class ShapeFileReader {
    private ShapeFileReader() {
    }

    /** @throws ShapeInputException naming the file, the line or field, and the value */
    public static ShapeFile read(Path file) throws ShapeInputException {
        if (!Files.isRegularFile(file)) {
            throw new ShapeInputException("shape file " + file + ": no such file");
        }
        ShapeFile shape;
        try {
            shape = Json.mapper().readValue(file.toFile(), ShapeFile.class);
        } catch (JsonProcessingException e) {
            throw new ShapeInputException("shape file " + file + " line " + e.getLocation().getLineNr() + ": not a valid shape file: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ShapeInputException("shape file " + file + ": " + e.getMessage(), e);
        }
        List<String> problems = validate(shape);
        if (!problems.isEmpty()) {
            throw new ShapeInputException("shape file " + file + ":\n  " + String.join("\n  ", problems));
        }
        return shape;
    }

    static List<String> validate(ShapeFile s) {
        List<String> p = new ArrayList<>();
        if (s.schemaVersion() != ShapeFile.SCHEMA_VERSION) {
            p.add("schemaVersion was " + s.schemaVersion() + " but this harness reads " + ShapeFile.SCHEMA_VERSION);
            return p;
        }
        if (!ShapeFile.KIND.equals(s.kind())) {
            p.add("kind was '" + s.kind() + "' but it must be '" + ShapeFile.KIND + "'");
        }
        ShapeFile.Curve c = s.curve();
        if (c == null) {
            p.add("curve is missing");
            return p;
        }
        if (c.bucketMillis() < 1) {
            p.add("curve.bucketMillis was " + c.bucketMillis() + " but it must be at least 1");
        }
        if (!(c.speed() > 0) || !(c.scale() > 0)) {
            p.add("curve.speed " + c.speed() + " and curve.scale " + c.scale() + " must be positive");
        }
        if (c.buckets() < 1) {
            p.add("curve.buckets was " + c.buckets() + " but it must be at least 1");
        }
        int templates = s.templates() == null ? 0 : s.templates().size();
        if (templates == 0) {
            p.add("templates is empty");
        } else {
            for (int i = 0; i < templates; i++) {
                if (s.templates().get(i).id() != i) {
                    p.add("templates[" + i + "].id was " + s.templates().get(i).id() + " but ids must be 0.." + (templates - 1) + " in order");
                }
            }
        }
        long previous = -1;
        List<long[]> counts = c.counts() == null ? List.of() : c.counts();
        for (int i = 0; i < counts.size(); i++) {
            long[] pair = counts.get(i);
            if (pair.length != 2 || pair[0] <= previous || pair[0] >= c.buckets() || pair[1] < 0) {
                p.add("curve.counts[" + i + "] was " + java.util.Arrays.toString(pair) + " but it must be [bucket, arrivals]"
                        + " with buckets ascending in 0.." + (c.buckets() - 1) + " and arrivals >= 0");
                break;
            }
            previous = pair[0];
        }
        if (s.segments() == null || s.segments().isEmpty()) {
            p.add("segments is empty");
        } else {
            long prevStart = -1;
            for (int i = 0; i < s.segments().size(); i++) {
                ShapeFile.Segment seg = s.segments().get(i);
                if (seg.startBucket() <= prevStart) {
                    p.add("segments[" + i + "].startBucket was " + seg.startBucket() + " but starts must ascend");
                }
                prevStart = seg.startBucket();
                for (long[] pair : seg.counts()) {
                    if (pair.length != 2 || pair[0] < 0 || pair[0] >= templates || pair[1] < 0) {
                        p.add("segments[" + i + "].counts has " + java.util.Arrays.toString(pair)
                                + " but it must be [templateId 0.." + (templates - 1) + ", arrivals >= 0]");
                        break;
                    }
                }
            }
        }
        return p;
    }
}
