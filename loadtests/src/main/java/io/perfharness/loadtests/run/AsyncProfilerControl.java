package io.perfharness.loadtests.run;

import io.perfharness.core.config.RunConfig;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.launch.TargetException;
import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.capture.AsyncProfilerCapture;
import io.perfharness.profiling.capture.CaptureInfo;
import io.perfharness.profiling.capture.CaptureSettings;
import io.perfharness.profiling.capture.ConvertedProfile;
import io.perfharness.profiling.capture.JfrToCollapsedProfiles;
import io.perfharness.profiling.capture.PreflightProblem;
import io.perfharness.profiling.capture.PreflightReport;
import io.perfharness.profiling.capture.ProfilerPreflight;
import io.perfharness.profiling.event.ProfilingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * async-profiler (through ap-loader's bundled {@code asprof}) as the run's profiler: one session
 * for all events into one JFR written by the target, converted per event at the end. Mutable.
 */
final class AsyncProfilerControl implements ProfilerControl {
  static final String JFR_FILE = "recording.jfr";

  private final RunConfig config;
  private final List<ProfilingEvent> events;
  private final CaptureSettings settings;
  private final List<String> notes = new ArrayList<>();
  private AsyncProfilerCapture capture;
  private CaptureInfo info;
  private long pid = -1;
  private Path jfr;
  private boolean started;

  AsyncProfilerControl(RunConfig config) {
    this.config = config;
    this.events = config.events().stream().map(e -> ProfilingEvent.byId(e).orElseThrow()).toList();
    this.settings = CaptureSettings.defaults(events);
  }

  @Override
  public void preflight(long pid) throws TargetException {
    this.pid = pid;
    PreflightReport report = ProfilerPreflight.check(pid, config.events());
    for (PreflightProblem warning : report.warnings()) {
      notes.add(warning.problem() + " (" + warning.remedy() + ")");
    }
    try {
      report.throwIfErrors();
      capture = AsyncProfilerCapture.create();
    } catch (ProfilingException e) {
      throw new TargetException("the profiler cannot profile pid " + pid + ":\n" + e.getMessage()
          + "\nor run without profiling: -Dperf.events=none", e);
    }
  }

  @Override
  public void start(Path profileDir) throws TargetException {
    try {
      Files.createDirectories(profileDir);
      jfr = profileDir.resolve(JFR_FILE).toAbsolutePath();
      capture.start(pid, settings, jfr);
      started = true;
    } catch (ProfilingException | IOException e) {
      throw new TargetException("the profiler did not start on pid " + pid + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void stop() throws TargetException {
    if (!started || info != null) {
      return;
    }
    try {
      // also after the capture's own shutdown hook stopped the session: stop() then returns its info
      info = capture.stop();
      notes.addAll(info.warnings());
    } catch (ProfilingException e) {
      throw new TargetException("the profiler did not stop cleanly on pid " + pid + ": " + e.getMessage(), e);
    }
  }

  @Override
  public RunManifest.Profiler write(RunDirectory dir) throws TargetException {
    if (info == null || jfr == null || !Files.isRegularFile(jfr)) {
      return null;
    }
    List<RunManifest.ProfiledEvent> profiled = new ArrayList<>();
    try {
      for (ConvertedProfile converted : JfrToCollapsedProfiles.convert(jfr, events, dir.profileDir())) {
        ProfilingEvent event = converted.event();
        profiled.add(new RunManifest.ProfiledEvent(event.id(), interval(event),
            settings.sampleIntervalNanos(event), converted.countUnit().id(),
            dir.root().relativize(converted.collapsedFile()).toString(),
            dir.root().relativize(converted.htmlFile()).toString(),
            converted.profile().totalCount()));
      }
      if (!config.keepJfr()) {
        Files.deleteIfExists(jfr);
      }
    } catch (ProfilingException | IOException e) {
      throw new TargetException("the profile could not be converted (" + jfr + " is kept): " + e.getMessage(), e);
    }
    return new RunManifest.Profiler("async-profiler", info.profilerVersion(), info.cpuEngine(), profiled,
        info.startEpochMillis(), info.stopEpochMillis(),
        config.keepJfr() ? dir.root().relativize(jfr).toString() : null, List.copyOf(notes));
  }

  private String interval(ProfilingEvent event) {
    long value = settings.intervalFor(event);
    return switch (event) {
      case ALLOC -> value % 1024 == 0 ? value / 1024 + "KiB" : value + "B";
      case LOCK -> String.format(Locale.ROOT, "%dus threshold", value / 1_000);
      default -> value % 1_000_000 == 0 ? value / 1_000_000 + "ms" : value / 1_000 + "us";
    };
  }

  @Override
  public void close() {
    if (capture != null) {
      try {
        capture.close();
      } catch (ProfilingException e) {
        notes.add("profiler detach failed: " + e.getMessage());
      }
    }
  }
}
