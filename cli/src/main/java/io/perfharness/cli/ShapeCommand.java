package io.perfharness.cli;

import io.perfharness.core.config.DurationParser;
import io.perfharness.loadtests.shape.AccessLogReader;
import io.perfharness.loadtests.shape.AccessLogToShape;
import io.perfharness.loadtests.shape.ClfLineParser;
import io.perfharness.loadtests.shape.JsonFieldNames;
import io.perfharness.loadtests.shape.LogFormat;
import io.perfharness.loadtests.shape.PathTemplater;
import io.perfharness.loadtests.shape.RouteMapping;
import io.perfharness.loadtests.shape.RouteMappingReader;
import io.perfharness.loadtests.shape.SecretScrubber;
import io.perfharness.loadtests.shape.ShapeFile;
import io.perfharness.loadtests.shape.ShapeFileWriter;
import io.perfharness.loadtests.shape.ShapeInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code perf shape}: derives a traffic shape file from access logs (streaming; any size). The
 * report goes to stderr and into the shape file. Exit 0, or 2 when the input is unusable.
 */
@Command(name = "shape", mixinStandardHelpOptions = true,
        description = "Derive a replayable traffic shape (arrival curve, endpoint mix, status mix, sizes, server time)"
                + " from access logs; replay it with perf run --shape FILE.")
final class ShapeCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;

    @Parameters(arity = "1..*", paramLabel = "ACCESS_LOG", description = "access log files (plain or gzip)")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the shape file to write (JSON)")
    Path out;

    @Option(names = "--format", defaultValue = "auto", description = "combined, common, json or auto (default: auto, per file)")
    String format;

    @Option(names = "--bucket", defaultValue = "1s", description = "log time per curve bucket (default: 1s)")
    String bucket;

    @Option(names = "--segment", defaultValue = "60s", description = "log time per endpoint-mix segment (default: 60s)")
    String segment;

    @Option(names = "--speed", defaultValue = "1", description = "compress time K times on replay (default: 1)")
    double speed;

    @Option(names = "--scale", defaultValue = "1", description = "multiply the arrival rate on replay (default: 1)")
    double scale;

    @Option(names = "--max-gap", paramLabel = "DURATION", description = "cut quiet stretches longer than this (log time) to it")
    String maxGap;

    @Option(names = "--map", paramLabel = "FILE", description = "mapping file: template rules used here, routes used on replay")
    Path map;

    @Option(names = "--json-fields", paramLabel = "K=F,...",
            description = "JSON field names: time, method, path, request, status, bytes, duration, durationUnit"
                    + " (default: time=ts,method=method,path=path,status=status,bytes=bytes,duration=durationMicros)")
    String jsonFields;

    @Option(names = "--time-unit", defaultValue = "auto",
            description = "unit of a trailing request-time field in CLF logs: auto (decimal = s, integer = us), us, ms, s")
    String timeUnit;

    @Option(names = "--keep-client-ip", description = "keep client addresses in the report's examples (default: replaced)")
    boolean keepClientIp;

    @Option(names = "--max-templates", defaultValue = "1000", description = "distinct templates kept (default: 1000)")
    int maxTemplates;

    /** Runs {@code perf shape} alone (bench/shape-extract.sh; {@code PERF_MAIN_CLASS} of ./perf). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new ShapeCommand()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            AccessLogReader.Options readOptions = new AccessLogReader.Options(LogFormat.parse(format),
                    JsonFieldNames.parse(jsonFields), timeUnit(timeUnit));
            PathTemplater templater = new PathTemplater();
            String mappingRef = null;
            if (map != null) {
                RouteMapping mapping = RouteMappingReader.read(map);
                templater = new PathTemplater(mapping.templateRules());
                Path outDir = out.toAbsolutePath().getParent();
                mappingRef = outDir.relativize(map.toAbsolutePath()).toString();
            }
            long gapMillis = maxGap == null ? 0 : DurationParser.parse(maxGap).toMillis();
            AccessLogToShape.Options options = new AccessLogToShape.Options(DurationParser.parse(bucket).toMillis(),
                    DurationParser.parse(segment).toMillis(), speed, scale, gapMillis, maxTemplates, mappingRef);
            ShapeFile shape = AccessLogToShape.convert(logs, new AccessLogReader(readOptions), options, templater,
                    new SecretScrubber(keepClientIp));
            ShapeFileWriter.write(shape, out);
            System.err.print(AccessLogToShape.describe(shape));
            System.err.println("perf shape: wrote " + out.toAbsolutePath());
            return 0;
        } catch (ShapeInputException | IllegalArgumentException e) {
            System.err.println("perf shape: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (IOException e) {
            System.err.println("perf shape: " + e);
            return EXIT_BAD_INPUT;
        }
    }

    private static ClfLineParser.ServerTimeUnit timeUnit(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> ClfLineParser.ServerTimeUnit.AUTO;
            case "us" -> ClfLineParser.ServerTimeUnit.MICROS;
            case "ms" -> ClfLineParser.ServerTimeUnit.MILLIS;
            case "s" -> ClfLineParser.ServerTimeUnit.SECONDS;
            default -> throw new IllegalArgumentException("--time-unit was '" + text + "' but it must be auto, us, ms or s");
        };
    }
}
