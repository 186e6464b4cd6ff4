package io.perfharness.benchmarks;

import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.diff.DiffInput;
import io.perfharness.profiling.diff.DiffTreeNode;
import io.perfharness.profiling.diff.FrameDiff;
import io.perfharness.profiling.diff.ProfileDiff;
import io.perfharness.profiling.diff.ProfileDiffModel;
import io.perfharness.profiling.diff.RunProfileSample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing and diffing collapsed profiles: {@link ProfileDiff} streaming two folded files, side by
 * side with the general path (read both with {@code CollapsedReader.strict()}, then diff in
 * memory), on seeded synthetic Java-like profiles. One fork, one thread, heap capped at 512 MB as
 * the target.
 *
 * <p>The {@code main} method serves {@code bench/collapsed-diff.sh}: {@code generate DIR SEED
 * STACKS} writes {@code base.collapsed} and {@code new.collapsed}; {@code diff BASE NEW OUT}
 * diffs them once, writes the merged tree as difffolded lines ({@code stack baseCount newCount},
 * what FlameGraph's difffolded.pl and async-profiler's {@code converter --diff} write) and prints
 * the time taken.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class CollapsedDiffBenchmark {

    /** Distinct stacks per file; 2,000 stacks make about 5 MB. */
    @Param({"2000"})
    public int stacks;

    private Path dir;
    private Path base;
    private Path candidate;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("collapsed-diff-bench");
        base = dir.resolve("base.collapsed");
        candidate = dir.resolve("new.collapsed");
        new SyntheticProfiles(42, stacks).write(base, candidate);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(base);
        Files.deleteIfExists(candidate);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public ProfileDiffModel streamedFiles() throws Exception {
        return ProfileDiff.compute(DiffInput.of("base", RunProfileSample.ofCollapsedFile(base, 1000, 10.0)),
                DiffInput.of("new", RunProfileSample.ofCollapsedFile(candidate, 1000, 10.0)));
    }

    @Benchmark
    public ProfileDiffModel strictReaderThenDiff() throws Exception {
        return ProfileDiff.compute(
                DiffInput.of("base", RunProfileSample.of(CollapsedReader.strict().read(base).profile(), 1000, 10.0)),
                DiffInput.of("new", RunProfileSample.of(CollapsedReader.strict().read(candidate).profile(), 1000, 10.0)));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("generate")) {
            Path out = Path.of(args[1]);
            Files.createDirectories(out);
            new SyntheticProfiles(Long.parseLong(args[2]), Integer.parseInt(args[3]))
                    .write(out.resolve("base.collapsed"), out.resolve("new.collapsed"));
        } else if (args.length == 4 && args[0].equals("diff")) {
            diffOnce(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        } else {
            System.err.println("usage: CollapsedDiffBenchmark generate DIR SEED STACKS | diff BASE NEW OUT");
            System.exit(2);
        }
    }

    private static void diffOnce(Path base, Path candidate, Path out) throws Exception {
        long startNanos = System.nanoTime();
        ProfileDiffModel model = ProfileDiff.compute(
                DiffInput.of("base", RunProfileSample.ofCollapsedFile(base, 1, 1.0)),
                DiffInput.of("new", RunProfileSample.ofCollapsedFile(candidate, 1, 1.0)));
        long diffNanos = System.nanoTime() - startNanos;
        long lines = writeDiffFolded(model.tree(), out);
        long totalNanos = System.nanoTime() - startNanos;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "ours: parse+diff %.0f ms, + write %d difffolded lines %.0f ms;"
                        + " %d frames, %d appeared / %d vanished paths; heap used %d MB of max %d MB%n",
                diffNanos / 1e6, lines, totalNanos / 1e6, model.frames().size(), model.appearedPaths().size(),
                model.vanishedPaths().size(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        for (FrameDiff f : model.moversByInclusiveDelta().subList(0, Math.min(3, model.frames().size()))) {
            System.out.printf(Locale.ROOT, "  mover %+.0f counts  %s%n", f.inclusiveDeltaPerRequest(), f.frame());
        }
    }

    /** Writes every path with self counts as {@code stack baseSelf newSelf}, depth first. */
    private static long writeDiffFolded(DiffTreeNode root, Path out) throws IOException {
        long lines = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            record Entry(DiffTreeNode node, int prefixLength) { }
            StringBuilder path = new StringBuilder();
            Deque<Entry> todo = new ArrayDeque<>();
            for (DiffTreeNode child : root.children()) {
                todo.push(new Entry(child, 0));
            }
            while (!todo.isEmpty()) {
                Entry e = todo.pop();
                path.setLength(e.prefixLength());
                if (e.prefixLength() > 0) {
                    path.append(';');
                }
                path.append(e.node().frame());
                if (e.node().baselineSelfCount() > 0 || e.node().candidateSelfCount() > 0) {
                    w.append(path).append(' ').append(Long.toString(e.node().baselineSelfCount()))
                            .append(' ').append(Long.toString(e.node().candidateSelfCount())).append('\n');
                    lines++;
                }
                int length = path.length();
                for (DiffTreeNode child : e.node().children()) {
                    todo.push(new Entry(child, length));
                }
            }
        }
        return lines;
    }

    /**
     * Seeded synthetic profiles with the shape of async-profiler output of a Java service: deep
     * stacks (thread roots, executors, framework layers, application code, JDK and JVM leaves),
     * {@code _[j]}/{@code _[i]} suffixes and lambda ids, distinct stacks sharing prefixes, a few
     * hot stacks and a long tail of counts. The candidate jitters counts, renames one hot method,
     * drops 1% of the stacks and adds 1% new ones.
     */
    static final class SyntheticProfiles {
        private static final String[] PACKAGES = {"com/example/orders", "com/example/catalog", "com/example/search",
            "io/netty/channel", "org/springframework/web/servlet", "com/fasterxml/jackson/databind",
            "org/hibernate/engine/internal", "java/util/concurrent", "java/util/regex", "jdk/internal/misc"};
        private static final String[] VERBS = {"handle", "process", "invoke", "apply", "read", "write", "resolve",
            "serialize", "lookup", "execute", "dispatch", "match", "parse", "visit", "compute"};

        private final Random random;
        private final int stackCount;
        private final String[] methods;

        SyntheticProfiles(long seed, int stackCount) {
            this.random = new Random(seed);
            this.stackCount = stackCount;
            this.methods = new String[12_000];
            for (int i = 0; i < methods.length; i++) {
                String pkg = PACKAGES[random.nextInt(PACKAGES.length)];
                String cls = "Component" + Integer.toString(random.nextInt(1 << 20), 36).toUpperCase(Locale.ROOT)
                        + (random.nextInt(10) == 0 ? "$$Lambda$" + random.nextInt(5000) + ".0x0000000800"
                        + Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF)) : "");
                String suffix = random.nextInt(5) == 0 ? "_[i]" : "_[j]";
                methods[i] = pkg + "/" + cls + "." + VERBS[random.nextInt(VERBS.length)]
                        + Integer.toString(i, 36) + suffix;
            }
        }

        void write(Path basePath, Path candidatePath) throws IOException {
            List<int[]> stacks = distinctStacks();
            long[] counts = new long[stacks.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = 1 + (long) Math.exp(random.nextDouble() * random.nextDouble() * 9);
            }
            int renamed = stacks.get(0)[12]; // a hot method renamed in the candidate
            String renamedTo = methods[renamed].replace("_[", "Renamed_[");
            try (Writer baseOut = Files.newBufferedWriter(basePath, StandardCharsets.UTF_8);
                 Writer candidateOut = Files.newBufferedWriter(candidatePath, StandardCharsets.UTF_8)) {
                int added = stacks.size() / 100;
                for (int i = 0; i < stacks.size(); i++) {
                    boolean onlyBase = i % 100 == 7;
                    boolean onlyCandidate = i % 100 == 8 && added-- > 0;
                    if (!onlyCandidate) {
                        writeLine(baseOut, stacks.get(i), counts[i], -1, null);
                    }
                    if (!onlyBase) {
                        long jittered = Math.max(1, Math.round(counts[i] * (0.9 + 0.2 * random.nextDouble())));
                        writeLine(candidateOut, stacks.get(i), jittered, renamed, renamedTo);
                    }
                }
            }
        }

        private void writeLine(Writer out, int[] stack, long count, int renamed, String renamedTo) throws IOException {
            for (int i = 0; i < stack.length; i++) {
                if (i > 0) {
                    out.write(';');
                }
                out.write(stack[i] == renamed ? renamedTo : methods[stack[i]]);
            }
            out.write(' ');
            out.write(Long.toString(count));
            out.write('\n');
        }

        /** Each new stack continues a random earlier one from a random depth, so prefixes are shared. */
        private List<int[]> distinctStacks() {
            List<int[]> stacks = new ArrayList<>(stackCount);
            Set<List<Integer>> seen = new HashSet<>();
            int[] trunk = new int[8];
            for (int i = 0; i < trunk.length; i++) {
                trunk[i] = random.nextInt(200);
            }
            while (stacks.size() < stackCount) {
                int depth = 20 + random.nextInt(61);
                int[] stack = new int[depth];
                int shared = 0;
                if (!stacks.isEmpty()) {
                    int[] earlier = stacks.get(random.nextInt(stacks.size()));
                    shared = Math.min(depth - 1, random.nextInt(Math.min(earlier.length, depth)));
                    System.arraycopy(earlier, 0, stack, 0, shared);
                } else {
                    shared = trunk.length;
                    System.arraycopy(trunk, 0, stack, 0, shared);
                }
                for (int i = shared; i < depth; i++) {
                    // skewed towards the first methods: hot code is a small part of all code
                    double u = random.nextDouble();
                    stack[i] = (int) (u * u * u * methods.length);
                }
                List<Integer> key = new ArrayList<>(depth);
                for (int frame : stack) {
                    key.add(frame);
                }
                if (seen.add(key)) {
                    stacks.add(stack);
                }
            }
            return stacks;
        }
    }
}
