package io.perfharness.benchmarks.run;

import io.perfharness.core.config.DurationParser;
import io.perfharness.profiling.capture.CaptureSettings;
import io.perfharness.profiling.event.ProfilingEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command line of {@code perf bench}: our options ({@code --label L}, {@code --events cpu,alloc},
 * {@code --out DIR}, {@code --cpu-interval 1ms}) taken out, everything else left for JMH. Immutable.
 *
 * @param jmhArgs the arguments JMH parses, in their order
 */
record BenchArguments(String label, CaptureSettings capture, Path out, List<String> jmhArgs, List<String> all) {
    static final Path DEFAULT_OUT = Path.of("runs", "bench");
    /** Benchmarks are short: 1 ms gives 10x the samples of a load run's 10 ms at about 1% overhead. */
    static final long DEFAULT_CPU_INTERVAL_NANOS = 1_000_000L;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** JMH options we set ourselves: the JSON result goes to {@code <out>/<label>/jmh-result.json}. */
    private static final Set<String> OURS_IN_JMH = Set.of("-rf", "-rff");

    /**
     * @throws IllegalArgumentException listing every problem at once
     */
    static BenchArguments parse(List<String> args) {
        List<String> problems = new ArrayList<>();
        List<String> jmh = new ArrayList<>();
        String label = null;
        String events = "cpu";
        String out = null;
        String cpuInterval = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--label", "--events", "--out", "--cpu-interval").contains(name)) {
                if (OURS_IN_JMH.contains(arg)) {
                    problems.add(arg + " is set by perf bench (the JSON result goes to <out>/<label>/jmh-result.json)");
                    i++;
                    continue;
                }
                if (arg.equals("-prof") && i + 1 < args.size() && args.get(i + 1).startsWith("async")) {
                    problems.add("-prof " + args.get(i + 1) + " would start a second async-profiler next to perf bench's"
                            + " own (--events chooses what it records)");
                }
                if (arg.equals("-f") && i + 1 < args.size() && args.get(i + 1).strip().equals("0")) {
                    problems.add("-f 0 runs in this JVM: perf bench needs forks, each fork is one replicate");
                }
                jmh.add(arg);
                continue;
            }
            String value;
            if (!name.equals(arg)) {
                value = arg.substring(name.length() + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                problems.add(name + " needs a value");
                continue;
            }
            switch (name) {
                case "--label" -> label = value;
                case "--events" -> events = value;
                case "--out" -> out = value;
                default -> cpuInterval = value;
            }
        }
        if (label == null) {
            problems.add("--label is required (it names <out>/<label>/ and every fork's run directory)");
        } else if (!LABEL.matcher(label).matches()) {
            problems.add("--label was '" + label + "' but it must be 1..64 of letters, digits, '.', '_', '-'");
        }
        Set<ProfilingEvent> eventSet = EnumSet.noneOf(ProfilingEvent.class);
        for (String id : events.split(",")) {
            ProfilingEvent.byId(id.strip()).ifPresentOrElse(eventSet::add, () -> problems.add("--events had '" + id
                    + "' but it must be a comma-separated list of " + ProfilingEvent.knownIds()));
        }
        long cpuNanos = DEFAULT_CPU_INTERVAL_NANOS;
        if (cpuInterval != null) {
            try {
                cpuNanos = DurationParser.parse(cpuInterval).toNanos();
                if (cpuNanos <= 0) {
                    problems.add("--cpu-interval was '" + cpuInterval + "' but it must be at least 1ms");
                }
            } catch (IllegalArgumentException e) {
                problems.add("--cpu-interval: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        CaptureSettings defaults = CaptureSettings.defaults(eventSet);
        CaptureSettings capture = new CaptureSettings(eventSet, cpuNanos, defaults.wallIntervalNanos(),
                defaults.allocIntervalBytes(), defaults.lockThresholdNanos());
        return new BenchArguments(label, capture, out == null ? DEFAULT_OUT : Path.of(out), List.copyOf(jmh),
                List.copyOf(args));
    }

    /** The command that repeats this run: {@code ./perf bench} with every argument, shell-quoted. */
    String reproduceCommand() {
        StringBuilder cmd = new StringBuilder("./perf bench");
        for (String arg : all) {
            cmd.append(' ').append(arg.matches("[A-Za-z0-9._,:=/@+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return cmd.toString();
    }

    String eventIds() {
        StringBuilder ids = new StringBuilder();
        capture.events().forEach(e -> ids.append(ids.length() == 0 ? "" : ",").append(e.id()));
        return ids.toString();
    }
}
