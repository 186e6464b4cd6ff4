package io.perfharness.benchmarks;

import io.perfharness.loadtests.shape.AccessLogEntry;
import io.perfharness.loadtests.shape.AccessLogLineParser;
import io.perfharness.loadtests.shape.ClfLineParser;
import io.perfharness.loadtests.shape.JsonFieldNames;
import io.perfharness.loadtests.shape.JsonLineParser;
import io.perfharness.loadtests.shape.SkippedLineException;

import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Access-log import's inner loop ({@code perf shape}): one line through the public line parsers of
 * {@code loadtests.shape}, combined log format with a request time ({@link ClfLineParser}) and JSON
 * lines ({@link JsonLineParser}), over 4,096 seeded lines that vary client, time, route, status and
 * size. One op is one line; a gigabyte of combined log is about 5 million lines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AccessLogParsingBenchmark {
    private static final int LINES = 4_096;
    private static final String[] TARGETS = {"/api/products?category=tools&page=0&size=20", "/api/products/%d",
        "/api/search?q=steel+hammer&limit=20", "/api/products/%d/price?qty=3", "/api/orders/%d/receipt?format=text",
        "/api/customers/%d/orders?limit=20", "/static/app.%d.js"};
    private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)",
        "curl/8.5.0", "Gatling/3.13"};

    /** combined: Apache/NGINX combined with a trailing request time in seconds; json: JSON lines. */
    @Param({"combined", "json"})
    public String format;

    private String[] lines;
    private AccessLogLineParser parser;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        lines = new String[LINES];
        for (int i = 0; i < LINES; i++) {
            String target = String.format(Locale.ROOT, TARGETS[random.nextInt(TARGETS.length)], 1 + random.nextInt(5000));
            String method = target.endsWith("price?qty=3") || random.nextInt(10) > 0 ? "GET" : "POST";
            int status = random.nextInt(50) == 0 ? 404 : 200;
            int bytes = 200 + random.nextInt(20_000);
            int second = i / 8;
            double requestSeconds = random.nextInt(2_000) / 1000.0;
            lines[i] = format.equals("json")
                    ? String.format(Locale.ROOT, "{\"ts\":\"2026-11-26T06:%02d:%02d.%03dZ\",\"level\":\"INFO\",\"method\":\"%s\","
                            + "\"path\":\"%s\",\"status\":%d,\"durationMicros\":%d}", second / 60 % 60, second % 60,
                            random.nextInt(1000), method, target, status, (long) (requestSeconds * 1e6))
                    : String.format(Locale.ROOT, "10.0.%d.%d - - [26/Nov/2026:06:%02d:%02d +0000] \"%s %s HTTP/1.1\" %d %d"
                            + " \"-\" \"%s\" %.3f", random.nextInt(256), random.nextInt(256), second / 60 % 60, second % 60,
                            method, target, status, bytes, AGENTS[random.nextInt(AGENTS.length)], requestSeconds);
        }
        parser = switch (format) {
            case "combined" -> new ClfLineParser();
            case "json" -> new JsonLineParser(JsonFieldNames.DEFAULTS);
            default -> throw new IllegalArgumentException("format must be combined or json but was '" + format + "'");
        };
        for (String line : lines) {
            parseOrFail(line); // every generated line must parse, or the benchmark measures the error path
        }
    }

    @Benchmark
    public AccessLogEntry parseLine() {
        next = (next + 1) & (LINES - 1);
        return parseOrFail(lines[next]);
    }

    private AccessLogEntry parseOrFail(String line) {
        try {
            return parser.parseLine(line);
        } catch (SkippedLineException e) {
            throw new IllegalStateException("generated line skipped (" + e.getMessage() + "): " + line, e);
        }
    }
}
