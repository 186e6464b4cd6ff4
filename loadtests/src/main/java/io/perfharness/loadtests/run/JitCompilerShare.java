package io.perfharness.loadtests.run;

import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.collapsed.CollapsedStack;
import io.perfharness.profiling.collapsed.MalformedLineException;
import io.perfharness.profiling.collapsed.StackLineReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The share of a window's cpu samples spent in the JVM's JIT compiler threads: every stack that
 * contains {@code CompileBroker::compiler_thread_loop} (HotSpot's compiler thread body, C1 and C2
 * alike; async-profiler shows it as that C++ frame), split into C2 ({@code C2Compiler::compile_method})
 * and C1 ({@code Compiler::compile_method}); the rest of those threads (queue waits, thread
 * management) counts in the total only. Stateless.
 */
public final class JitCompilerShare {
  public static final String FRAME = "CompileBroker::compiler_thread_loop";
  static final String C2_FRAME = "C2Compiler::compile_method";
  static final String C1_FRAME = "Compiler::compile_method";

  private JitCompilerShare() {}

  /** Counts the stacks; null when they hold no sample. */
  public static RunManifest.JitCompiler of(String event, Iterable<CollapsedStack> stacks) {
    Counts counts = new Counts();
    stacks.forEach(counts::add);
    return counts.toManifest(event);
  }

  /**
   * Reads a collapsed file line by line (a window's profile can be large); malformed lines are skipped
   * and counted.
   */
  public static Result read(String event, Path collapsed) throws IOException {
    Counts counts = new Counts();
    long skipped = 0;
    if (Files.isRegularFile(collapsed)) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(StackLineReader.open(collapsed),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          try {
            counts.add(CollapsedReader.parseLine(line));
          } catch (MalformedLineException e) {
            skipped++;
          }
        }
      }
    }
    return new Result(counts.toManifest(event), skipped);
  }

  /**
   * The profiler facts with the cpu event's JIT share added, when cpu was profiled; problems go to
   * {@code warnings}.
   */
  public static RunManifest.Profiler addTo(RunManifest.Profiler profile, RunDirectory dir, List<String> warnings) {
    if (profile == null || profile.events() == null) {
      return profile;
    }
    for (RunManifest.ProfiledEvent event : profile.events()) {
      if (event.name().equals("cpu") && event.collapsedFile() != null) {
        try {
          Result result = read("cpu", dir.root().resolve(event.collapsedFile()));
          if (result.skippedLines() > 0) {
            warnings.add("JIT share: " + result.skippedLines() + " malformed lines of " + event.collapsedFile()
                + " skipped");
          }
          return result.share() == null ? profile : profile.withJitCompiler(result.share());
        } catch (IOException | RuntimeException e) {
          warnings.add("JIT share: " + event.collapsedFile() + " could not be read: " + e.getMessage());
        }
      }
    }
    return profile;
  }

  /** The share (null without samples) and how many malformed lines were skipped. */
  public record Result(RunManifest.JitCompiler share, long skippedLines) {}

  private static final class Counts {
    long total;
    long jit;
    long c2;
    long c1;

    void add(CollapsedStack stack) {
      total += stack.count();
      if (contains(stack.frames(), FRAME)) {
        jit += stack.count();
        if (contains(stack.frames(), C2_FRAME)) {
          c2 += stack.count();
        } else if (contains(stack.frames(), C1_FRAME)) {
          c1 += stack.count();
        }
      }
    }

    RunManifest.JitCompiler toManifest(String event) {
      return total == 0 ? null
          : new RunManifest.JitCompiler(event, FRAME, jit, total, Math.round(jit * 1e4 / total) / 1e4, c2, c1);
    }
  }

  private static boolean contains(List<String> frames, String frame) {
    for (String f : frames) {
      if (f.startsWith(frame)) { // also decorated variants: CompileBroker::compiler_thread_loop()
        return true;
      }
    }
    return false;
  }
}
