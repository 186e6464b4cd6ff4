package io.perfharness.loadtests.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.collapsed.CollapsedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JIT compiler's share of a window's cpu samples. The stacks are lines of a real
 * profile/cpu.collapsed (the sample service, JDK 17.0.15, async-profiler 4.5, perf_events, 10 s
 * fixed warm-up), frames as the harness normalizes them.
 */
class JitCompilerShareTest {
  private static final String C2 = "clone3;start_thread;thread_native_entry;Thread::call_run;JavaThread::thread_main_inner;"
      + "CompileBroker::compiler_thread_loop;CompileBroker::invoke_compiler_on_method;C2Compiler::compile_method;"
      + "Compile::Compile;Compile::Code_Gen;PhaseChaitin::Register_Allocate;PhaseChaitin::Split 17";
  private static final String C1 = "clone3;start_thread;thread_native_entry;Thread::call_run;JavaThread::thread_main_inner;"
      + "CompileBroker::compiler_thread_loop;CompileBroker::invoke_compiler_on_method;Compiler::compile_method;"
      + "Compilation::Compilation;Compilation::compile_method;Compilation::compile_java_method;Compilation::emit_lir;"
      + "LinearScan::do_linear_scan;LinearScan::assign_reg_num 3";
  private static final String QUEUE = "clone3;start_thread;thread_native_entry;Thread::call_run;"
      + "JavaThread::thread_main_inner;CompileBroker::compiler_thread_loop;CompileQueue::get;Monitor::wait;"
      + "os::PlatformMonitor::wait;___pthread_cond_timedwait;__futex_abstimed_wait_common 6";
  private static final String APP = "java.lang.Thread.run;org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.run;"
      + "io.perfharness.service.catalog.CatalogService.search;java.util.regex.Matcher.matches 70";
  private static final String SWEEPER = "clone3;start_thread;thread_native_entry;Thread::call_run;"
      + "JavaThread::thread_main_inner;NMethodSweeper::sweeper_loop;NMethodSweeper::sweep 4";

  @Test
  void countsEveryStackOfTheCompilerThreadsAndSplitsC2FromC1() {
    RunManifest.JitCompiler share = JitCompilerShare.of("cpu",
        List.of(CollapsedReader.parseLine(C2), CollapsedReader.parseLine(C1), CollapsedReader.parseLine(QUEUE),
            CollapsedReader.parseLine(APP), CollapsedReader.parseLine(SWEEPER)));
    assertThat(share.samples()).isEqualTo(17 + 3 + 6); // the queue wait is the compiler thread's too
    assertThat(share.totalSamples()).isEqualTo(100);
    assertThat(share.share()).isEqualTo(0.26);
    assertThat(share.c2Samples()).isEqualTo(17);
    assertThat(share.c1Samples()).isEqualTo(3);
    assertThat(share.frame()).isEqualTo("CompileBroker::compiler_thread_loop");
    assertThat(share.event()).isEqualTo("cpu");
  }

  @Test
  void aProfileWithoutSamplesHasNoShare() {
    assertThat(JitCompilerShare.of("cpu", List.of())).isNull();
  }

  @Test
  void readsACollapsedFileAndCountsWhatItSkipped(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cpu.collapsed");
    Files.writeString(file, String.join("\n", C2, APP, "not a stack line", C1) + "\n");
    JitCompilerShare.Result result = JitCompilerShare.read("cpu", file);
    assertThat(result.skippedLines()).isEqualTo(1);
    assertThat(result.share().samples()).isEqualTo(20);
    assertThat(result.share().totalSamples()).isEqualTo(90);
    assertThat(result.share().share()).isEqualTo(0.2222);
  }
}
