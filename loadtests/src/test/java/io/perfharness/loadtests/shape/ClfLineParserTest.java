package io.perfharness.loadtests.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClfLineParserTest {
    private final ClfLineParser parser = new ClfLineParser();

    @Test
    void combinedLineFromTheElasticLog() throws Exception {
        AccessLogEntry e = parser.parseLine("83.149.9.216 - - [17/May/2015:10:05:03 +0000] \"GET /presentations/logstash-monitorama-2013/images/kibana-search.png HTTP/1.1\" 200 203023 \"http://semicomplete.com/presentations/logstash-monitorama-2013/\" \"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1)\"");
        assertThat(e.epochMillis()).isEqualTo(Instant.parse("2015-05-17T10:05:03Z").toEpochMilli());
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.target()).isEqualTo("/presentations/logstash-monitorama-2013/images/kibana-search.png");
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.responseBytes()).isEqualTo(203023);
        assertThat(e.serverTimeMicros()).isEqualTo(-1);
    }

    @Test
    void commonLineWithNegativeZoneAndDashSize() throws Exception {
        AccessLogEntry e = parser.parseLine("uplherc.upl.com - - [01/Aug/1995:00:00:07 -0400] \"GET / HTTP/1.0\" 304 -");
        assertThat(e.epochMillis()).isEqualTo(Instant.parse("1995-08-01T04:00:07Z").toEpochMilli());
        assertThat(e.responseBytes()).isEqualTo(-1);
        assertThat(e.status()).isEqualTo(304);
    }

    @Test
    void requestTimeDecimalIsSecondsIntegerIsMicros() throws Exception {
        assertThat(parser.parseLine("10.0.0.1 - - [01/Aug/2026:00:00:01 +0000] \"GET /a HTTP/1.1\" 200 17 \"-\" \"curl/8\" 0.012")
                .serverTimeMicros()).isEqualTo(12_000);
        assertThat(parser.parseLine("10.0.0.1 - - [01/Aug/2026:00:00:01 +0000] \"GET /a HTTP/1.1\" 200 17 \"-\" \"curl/8\" 1534")
                .serverTimeMicros()).isEqualTo(1534);
        assertThat(parser.parseLine("10.0.0.1 - - [01/Aug/2026:00:00:01 +0000] \"POST /a?x=1 HTTP/1.1\" 201 17 2500")
                .serverTimeMicros()).isEqualTo(2500);
        assertThat(new ClfLineParser(ClfLineParser.ServerTimeUnit.MILLIS)
                .parseLine("10.0.0.1 - - [01/Aug/2026:00:00:01 +0000] \"GET /a HTTP/1.1\" 200 17 7").serverTimeMicros())
                .isEqualTo(7000);
    }

    @Test
    void truncatedUserAgentStillGivesTheRecord() throws Exception {
        // elastic log line 7,981 (as stored): the user agent has no closing quote
        AccessLogEntry e = parser.parseLine("46.118.127.106 - - [20/May/2015:12:05:17 +0000] \"GET /scripts/grok-py-test/configlib.py HTTP/1.1\" 200 235 \"-\" \"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html");
        assertThat(e.target()).isEqualTo("/scripts/grok-py-test/configlib.py");
        assertThat(e.serverTimeMicros()).isEqualTo(-1);
    }

    @Test
    void malformedLinesNameTheirReason() {
        assertReason("", "blank line");
        assertReason("/sts-71/sts-71-patch-small.gif HTTP/1.0\" 200 12054", "no [timestamp]");
        assertReason("133.43.96.45 - - [01/Aug/199", "unterminated [timestamp]");
        assertReason("h - - [01/Aug/1995:00:00:07 -0400] \"GET /shuttle/missions", "unterminated request line");
        assertReason("h - - [32/Foo/1995:00:00:07 -0400] \"GET / HTTP/1.0\" 200 1", "timestamp is not dd/MMM/yyyy:HH:mm:ss +zzzz");
        assertReason("h - - [01/Aug/1995:00:00:07 -0400] \"-\" 408 -", "request line is not METHOD TARGET");
        assertReason("h - - [01/Aug/1995:00:00:07 -0400] \"GET http://x/ HTTP/1.0\" 200 1", "request target is not a path");
        assertReason("h - - [01/Aug/1995:00:00:07 -0400] \"GET / HTTP/1.0\" 200", "no size field after the status");
        assertReason("h - - [01/Aug/1995:00:00:07 -0400] \"GET / HTTP/1.0\" 999 1", "status out of range 100-599");
    }

    private void assertReason(String line, String reason) {
        assertThatThrownBy(() -> parser.parseLine(line)).isInstanceOfSatisfying(SkippedLineException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
