package io.perfharness.profiling.capture;

import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.collapsed.CollapsedWriter;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.normalize.FrameNormalizer;
import one.convert.Arguments;
import one.convert.FlameGraph;
import one.convert.JfrToFlame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/**
 * Converts an async-profiler JFR recording into one {@code <event>.collapsed} and one
 * {@code <event>.html} per event, with async-profiler's own converter ({@code one.convert}).
 *
 * <p>Units of the collapsed counts (what the converter writes with the options used here,
 * checked against real recordings):
 * <ul>
 *   <li>cpu ({@code --cpu}): samples; × the cpu interval = CPU time</li>
 *   <li>wall ({@code --wall}): samples; × the wall interval = thread wall time</li>
 *   <li>alloc ({@code --alloc --total}): bytes, estimated from the sampled allocations</li>
 *   <li>lock ({@code --lock --total}): nanoseconds waited to acquire</li>
 * </ul>
 * Class names are dotted ({@code --dot}). The collapsed file is normalized with
 * {@link FrameNormalizer} and sorted; the HTML keeps the raw names and the frame-type colours.
 * Stateless.
 */
public final class JfrToCollapsedProfiles {

    private JfrToCollapsedProfiles() {
    }

    /** Converts {@code events} of {@code jfr} into files in {@code outputDir}, normalizing frames. */
    public static List<ConvertedProfile> convert(Path jfr, Collection<ProfilingEvent> events, Path outputDir)
            throws ProfilingException {
        return convert(jfr, events, outputDir, FrameNormalizer.standard());
    }

    /** Converts with the given normalizer. */
    public static List<ConvertedProfile> convert(Path jfr, Collection<ProfilingEvent> events, Path outputDir,
                                                 FrameNormalizer normalizer) throws ProfilingException {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events must not be empty; choose from " + ProfilingEvent.knownIds());
        }
        if (!Files.isRegularFile(jfr)) {
            throw new ProfilingException("no recording to convert at " + jfr);
        }
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new ProfilingException("cannot create profile folder " + outputDir + ": " + e, e);
        }
        List<ConvertedProfile> results = new ArrayList<>();
        for (ProfilingEvent event : EnumSet.copyOf(events)) {
            results.add(convertEvent(jfr, event, outputDir, normalizer));
        }
        return results;
    }

    private static ConvertedProfile convertEvent(Path jfr, ProfilingEvent event, Path outputDir,
                                                 FrameNormalizer normalizer) throws ProfilingException {
        Arguments args = converterArguments(event);
        FlameGraph flameGraph;
        try {
            flameGraph = JfrToFlame.parse(jfr.toString(), args);
        } catch (IOException | RuntimeException e) {
            throw new ProfilingException("could not convert the " + event.id() + " events of " + jfr + ": " + e, e);
        }
        ByteArrayOutputStream collapsedBytes = new ByteArrayOutputStream();
        dump(flameGraph, args, "collapsed", collapsedBytes, jfr, event);
        CollapsedProfile raw = CollapsedReader.strict()
                .read(new StringReader(collapsedBytes.toString(StandardCharsets.UTF_8)),
                        jfr + " converted to collapsed " + event.id())
                .profile();
        CollapsedProfile normalized = normalizer.normalize(raw);
        Path collapsedFile = outputDir.resolve(event.id() + ".collapsed");
        CollapsedWriter.write(normalized, collapsedFile);
        Path htmlFile = outputDir.resolve(event.id() + ".html");
        try (OutputStream html = Files.newOutputStream(htmlFile)) {
            args.title = event.id() + " profile (" + event.countUnit().label() + ")";
            dump(flameGraph, args, "html", html, jfr, event);
        } catch (IOException e) {
            throw new ProfilingException("could not write flame graph " + htmlFile + ": " + e, e);
        }
        return new ConvertedProfile(event, event.countUnit(), normalized, raw.stackCount(), collapsedFile, htmlFile);
    }

    /** The converter reads the output format at dump time, so one parse serves both outputs. */
    private static void dump(FlameGraph flameGraph, Arguments args, String format, OutputStream out, Path jfr,
                             ProfilingEvent event) throws ProfilingException {
        args.output = format;
        try {
            flameGraph.dump(out);
        } catch (IOException | RuntimeException e) {
            throw new ProfilingException("could not write the " + format + " " + event.id() + " profile of " + jfr
                    + ": " + e, e);
        }
    }

    static Arguments converterArguments(ProfilingEvent event) {
        switch (event) {
            case CPU:
                return new Arguments("--cpu", "--dot");
            case WALL:
                return new Arguments("--wall", "--dot");
            case ALLOC:
                return new Arguments("--alloc", "--total", "--dot");
            case LOCK:
                return new Arguments("--lock", "--total", "--dot");
            default:
                throw new IllegalArgumentException("no converter options for event " + event);
        }
    }
}
