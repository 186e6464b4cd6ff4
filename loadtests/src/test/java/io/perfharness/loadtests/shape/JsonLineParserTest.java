package io.perfharness.loadtests.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLineParserTest {
    @TempDir
    Path dir;

    @Test
    void defaultsReadTheSampleServicesOwnRequestLog() throws Exception {
        AccessLogEntry e = new JsonLineParser(JsonFieldNames.DEFAULTS).parseLine("{\"ts\":\"2026-11-26T07:18:30.553940158Z\","
                + "\"level\":\"INFO\",\"requestId\":\"d31d\",\"method\":\"GET\",\"endpoint\":\"/api/products/{id}\","
                + "\"path\":\"/api/products/17\",\"status\":200,\"durationMicros\":18722}");
        assertThat(e.epochMillis()).isEqualTo(Instant.parse("2026-11-26T07:18:30.553Z").toEpochMilli());
        assertThat(e.target()).isEqualTo("/api/products/17");
        assertThat(e.serverTimeMicros()).isEqualTo(18722);
        assertThat(e.responseBytes()).isEqualTo(-1);
    }

    @Test
    void fieldNamesAndUnitsAreConfigurable() throws Exception {
        JsonLineParser nginx = new JsonLineParser(JsonFieldNames.parse("time=time_local,request=request,path=none,method=none,"
                + "status=status,bytes=body_bytes_sent,duration=request_time"));
        AccessLogEntry e = nginx.parseLine("{\"time_local\":\"01/Aug/2026:10:00:00 +0200\",\"request\":\"POST /api/orders HTTP/1.1\","
                + "\"status\":201,\"body_bytes_sent\":512,\"request_time\":0.25}");
        assertThat(e.epochMillis()).isEqualTo(Instant.parse("2026-08-01T08:00:00Z").toEpochMilli());
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.target()).isEqualTo("/api/orders");
        assertThat(e.responseBytes()).isEqualTo(512);
        assertThat(e.serverTimeMicros()).isEqualTo(250_000); // no unit suffix: seconds
        JsonLineParser epoch = new JsonLineParser(JsonFieldNames.parse("time=t,duration=ms,durationUnit=ms"));
        AccessLogEntry f = epoch.parseLine("{\"t\":1785571200123,\"method\":\"get\",\"path\":\"/x\",\"status\":200,\"ms\":3}");
        assertThat(f.epochMillis()).isEqualTo(1785571200123L);
        assertThat(f.method()).isEqualTo("GET");
        assertThat(f.serverTimeMicros()).isEqualTo(3000);
        assertThatThrownBy(() -> JsonFieldNames.parse("tme=ts")).hasMessageContaining("'tme=ts' must be KEY=FIELD");
    }

    @Test
    void eventsThatAreNotRequestsAreSkippedWithTheirReason() {
        JsonLineParser p = new JsonLineParser(JsonFieldNames.DEFAULTS);
        assertThatThrownBy(() -> p.parseLine("{\"ts\":\"2026-11-26T07:18:14Z\",\"event\":\"starting\"}"))
                .hasMessage("no method/path field (not a request)");
        assertThatThrownBy(() -> p.parseLine("{\"ts\":\"2026-11-26T07:18:14Z\",\"meth")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> p.parseLine("{\"method\":\"GET\",\"path\":\"/x\",\"status\":200}")).hasMessage("no timestamp field ts");
    }

    @Test
    void serverTimePerTemplateIsKeptAsAProductionBaseline() throws Exception {
        Path log = dir.resolve("service.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            sb.append("{\"ts\":\"2026-11-26T07:00:").append(String.format(java.util.Locale.ROOT, "%02d", i % 60))
                    .append("Z\",\"method\":\"GET\",\"path\":\"/api/products/").append(i)
                    .append("\",\"status\":").append(i == 100 ? 500 : 200).append(",\"durationMicros\":").append(i * 1000).append("}\n");
        }
        Files.writeString(log, sb);
        ShapeFile shape = AccessLogToShape.convert(List.of(log), new AccessLogReader(AccessLogReader.Options.defaults()),
                AccessLogToShape.Options.defaults(), new PathTemplater(), new SecretScrubber(false));
        ShapeFile.Template t = shape.templates().get(0);
        assertThat(shape.templates()).hasSize(1);
        assertThat(t.name()).isEqualTo("GET /api/products/{id}");
        assertThat(t.statuses()).containsEntry("200", 99L).containsEntry("500", 1L);
        // 1..100 ms: p50 50 ms, max 100 ms (HdrHistogram at 2 significant digits)
        assertThat(t.serverTimeMillis().count()).isEqualTo(100);
        assertThat(t.serverTimeMillis().p50()).isBetween(49.5, 50.5);
        assertThat(t.serverTimeMillis().max()).isBetween(99.0, 101.0);
    }
}
