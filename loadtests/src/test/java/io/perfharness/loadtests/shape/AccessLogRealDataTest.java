package io.perfharness.loadtests.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real dirty logs of shared/realdata/access-logs, read end to end. */
class AccessLogRealDataTest {
    private final AccessLogReader reader = new AccessLogReader(AccessLogReader.Options.defaults());

    @Test
    void nasaCommonLogWrappedRecordsAreRejoined() throws Exception {
        assertThat(reader.detect(RealData.nasa())).isEqualTo(LogFormat.COMMON);
        ShapeFile shape = AccessLogToShape.convert(List.of(RealData.nasa()), reader, AccessLogToShape.Options.defaults(),
                new PathTemplater(), new SecretScrubber(false));
        ParseReport r = shape.report();
        // 1,929 lines. The realdata README says 51 records are hard-wrapped; counted independently
        // (a strict CLF regex over the file) the wrapped records are 49: 37 split into two halves that
        // do not parse alone, 12 cut inside the client fields, whose tail still parses alone
        // ("com - - [01/Aug/1995:...") and is rejoined with its head (lines 307, 460, ..., 1853)
        assertThat(r.linesRead()).isEqualTo(1929);
        assertThat(r.wrappedRecordsRejoined()).isEqualTo(49);
        assertThat(r.recordsParsed()).isEqualTo(1929 - 49);
        assertThat(r.linesSkipped()).isZero();
        assertThat(r.firstEpochMs()).isEqualTo(java.time.Instant.parse("1995-08-01T04:00:01Z").toEpochMilli());
        assertThat(r.lastEpochMs()).isEqualTo(java.time.Instant.parse("1995-08-01T05:12:24Z").toEpochMilli());
        assertThat(shape.curve().arrivals()).isEqualTo(1880);
        assertThat(shape.curve().counts().stream().mapToLong(p -> p[1]).sum()).isEqualTo(1880);
        // 97 = grep -c '"GET /images/KSC-logosmall.gif ' (no wrapped record of it)
        assertThat(shape.templates().get(0).name()).isEqualTo("GET /images/KSC-logosmall.gif");
        assertThat(shape.templates().get(0).count()).isEqualTo(97);
    }

    @Test
    void elasticCombinedLogOutOfOrderIsBucketedByTimestamp() throws Exception {
        assertThat(reader.detect(RealData.elastic())).isEqualTo(LogFormat.COMBINED);
        ShapeFile shape = AccessLogToShape.convert(List.of(RealData.elastic()), reader,
                new AccessLogToShape.Options(1000, 60_000, 60, 1, 10_000, 1000, null), new PathTemplater(), new SecretScrubber(false));
        ParseReport r = shape.report();
        assertThat(r.linesRead()).isEqualTo(10_000);
        assertThat(r.recordsParsed() + r.linesSkipped()).isEqualTo(10_000);
        // 4,915 backward steps in file order (realdata README)
        assertThat(r.backwardSteps()).isEqualTo(4915);
        // 84 one-minute bursts: 83 gaps between them, each cut to 10 s
        assertThat(shape.curve().gapsCompressed()).isGreaterThanOrEqualTo(83);
        assertThat(shape.curve().counts().stream().mapToLong(p -> p[1]).sum()).isEqualTo(r.recordsParsed());
        assertThat(shape.segments().stream().flatMap(s -> s.counts().stream()).mapToLong(p -> p[1]).sum())
                .isEqualTo(r.recordsParsed());
    }
}
