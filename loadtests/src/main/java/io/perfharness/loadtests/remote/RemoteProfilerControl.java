package io.perfharness.loadtests.remote;

import io.perfharness.core.config.RunConfig;
import io.perfharness.core.config.TargetSpec;
import io.perfharness.core.run.RunDirectory;
import io.perfharness.core.run.RunManifest;
import io.perfharness.loadtests.launch.TargetException;
import io.perfharness.loadtests.run.ProfilerControl;
import io.perfharness.profiling.ProfilingException;
import io.perfharness.profiling.capture.CaptureSettings;
import io.perfharness.profiling.collapsed.CollapsedProfile;
import io.perfharness.profiling.collapsed.CollapsedReader;
import io.perfharness.profiling.collapsed.CollapsedWriter;
import io.perfharness.profiling.event.ProfilingEvent;
import io.perfharness.profiling.normalize.FrameNormalizer;
import io.perfharness.profiling.remote.JmxConnection;
import io.perfharness.profiling.remote.RemoteAsyncProfiler;
import io.perfharness.profiling.remote.RemoteJvmFacts;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The profiler of a {@code jmx:HOST:PORT,url:...} target: async-profiler in the target JVM driven
 * through its MBean (started and stopped on the measurement window's edges, collapsed stacks and
 * flame graph fetched over JMX), and the target's heap, GC and threads read through the platform
 * MBeans for the manifest's notes. One event per run. Mutable.
 */
public final class RemoteProfilerControl implements ProfilerControl {
  private final RunConfig config;
  private final TargetSpec.JmxEndpoint endpoint;
  private final Clock clock;
  private final List<String> notes = new ArrayList<>();
  private ProfilingEvent event;
  private long interval;
  private long sampleIntervalNanos;
  private JmxConnection connection;
  private RemoteAsyncProfiler profiler;
  private String version;
  private RemoteAsyncProfiler.CpuEngine cpuEngine;
  private boolean started;
  private boolean stopped;
  private long startEpochMs;
  private long stopEpochMs;

  public RemoteProfilerControl(RunConfig config, TargetSpec.JmxEndpoint endpoint, Clock clock) {
    this.config = config;
    this.endpoint = endpoint;
    this.clock = clock;
  }

  /** The remote profiler for a {@code jmx:} target, or null for any other target. */
  public static ProfilerControl forConfig(RunConfig config) {
    if (config.target() instanceof TargetSpec.Url url && url.jmx() != null) {
      return new RemoteProfilerControl(config, url.jmx(), Clock.systemUTC());
    }
    return null;
  }

  /** Checks everything before the load; {@code pid} is ignored (the JVM is reached over JMX). */
  @Override
  public void preflight(long pid) throws TargetException {
    List<String> problems = new ArrayList<>();
    if (config.events().size() != 1) {
      problems.add("a jmx: target is profiled over JMX with one event per run (async-profiler's collapsed"
          + " output holds one counter); `perf.events` was '" + String.join(",", config.events())
          + "': choose one of cpu, alloc, lock, wall");
    }
    if (!config.allowRemote() && !isLoopback(endpoint.host())) {
      problems.add("the jmx host '" + endpoint.host() + "' is not a loopback address; JMX without authentication"
          + " must stay on this machine (pass -Dperf.allowRemote=true to allow another host)");
    }
    if (!problems.isEmpty()) {
      throw new TargetException(String.join("\n", problems));
    }
    event = ProfilingEvent.byId(config.events().get(0)).orElseThrow();
    CaptureSettings defaults = CaptureSettings.defaults(List.of(event));
    interval = defaults.intervalFor(event);
    sampleIntervalNanos = defaults.sampleIntervalNanos(event);
    try {
      connection = JmxConnection.connect(endpoint.host(), endpoint.port());
      profiler = new RemoteAsyncProfiler(connection);
      if (!profiler.isRegistered()) {
        throw new ProfilingException("the JVM at " + connection.address() + " has no " + RemoteAsyncProfiler.OBJECT_NAME
            + " MBean: start it with async-profiler's Java agent (docs/remote-jmx.md)");
      }
      version = profiler.version();
      if (profiler.isActive()) {
        throw new ProfilingException("async-profiler is already running in the JVM at " + connection.address()
            + "; stop it first (execute(\"stop\") on " + RemoteAsyncProfiler.OBJECT_NAME + ")");
      }
      cpuEngine = event == ProfilingEvent.CPU ? profiler.chooseCpuEngine(interval) : null;
      RemoteJvmFacts.Snapshot facts = new RemoteJvmFacts(connection).snapshot();
      notes.add(String.format(Locale.ROOT, "profiled over JMX at %s (async-profiler %s MBean %s; %s %s; heap used"
          + " %.1f MiB, %d threads before the load)", connection.address(), version,
          RemoteAsyncProfiler.OBJECT_NAME, facts.vmName(), facts.vmVersion(), facts.heapUsedBytes() / 1048576.0,
          facts.liveThreads()));
      if (cpuEngine != null && !"perf_events".equals(cpuEngine.name())) {
        notes.add("cpu engine: " + cpuEngine.name() + ", a fallback (" + cpuEngine.reason() + "; e.g. a container's"
            + " seccomp profile or perf_event_paranoid): CPU-time timers, no kernel frames");
      } else if (cpuEngine != null) {
        notes.add("cpu engine: perf_events, chosen explicitly (async-profiler event cpu-clock) because the text"
            + " output fetched over JMX does not name the engine");
      }
    } catch (ProfilingException e) {
      close();
      throw new TargetException("the profiler cannot profile the JVM at jmx:" + endpoint + ":\n" + e.getMessage()
          + "\nor run without profiling: -Dperf.events=none", e);
    }
  }

  @Override
  public void start(Path profileDir) throws TargetException {
    try {
      Files.createDirectories(profileDir);
      profiler.start(event, interval, cpuEngine);
      started = true;
      startEpochMs = clock.millis();
    } catch (ProfilingException | IOException e) {
      throw new TargetException("the profiler did not start over JMX at " + endpoint + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void stop() throws TargetException {
    if (!started || stopped) {
      return;
    }
    stopEpochMs = clock.millis();
    stopped = true;
    try {
      profiler.stop();
    } catch (ProfilingException e) {
      throw new TargetException("the profiler did not stop cleanly over JMX at " + endpoint + ": " + e.getMessage(), e);
    }
  }

  @Override
  public RunManifest.Profiler write(RunDirectory dir) throws TargetException {
    if (!stopped) {
      return null;
    }
    try {
      String raw = profiler.collapsed(event);
      CollapsedProfile profile = FrameNormalizer.standard().normalize(CollapsedReader.strict()
          .read(new StringReader(raw), "collapsed " + event.id() + " over JMX from " + endpoint).profile());
      Path collapsed = dir.profileDir().resolve(event.id() + ".collapsed");
      CollapsedWriter.write(profile, collapsed);
      Path html = dir.profileDir().resolve(event.id() + ".html");
      Files.writeString(html, profiler.flameGraphHtml(event), StandardCharsets.UTF_8);
      RunManifest.ProfiledEvent profiled = new RunManifest.ProfiledEvent(event.id(), intervalText(),
          sampleIntervalNanos, event.countUnit().id(), dir.root().relativize(collapsed).toString(),
          dir.root().relativize(html).toString(), profile.totalCount());
      try {
        RemoteJvmFacts.Snapshot facts = new RemoteJvmFacts(connection).snapshot();
        notes.add(String.format(Locale.ROOT, "target JVM after the window, over JMX: heap used %.1f MiB of %.1f MiB"
            + " committed, %d GCs taking %d ms in all, %d live threads", facts.heapUsedBytes() / 1048576.0,
            facts.heapCommittedBytes() / 1048576.0, facts.gcCount(), facts.gcMillisTotal(), facts.liveThreads()));
      } catch (ProfilingException e) {
        notes.add("could not read the target's heap and threads over JMX: " + e.getMessage());
      }
      String engine = cpuEngine == null ? "none" : cpuEngine.name();
      return new RunManifest.Profiler("async-profiler", version, engine, List.of(profiled), startEpochMs,
          stopEpochMs, null, List.copyOf(notes));
    } catch (ProfilingException | IOException e) {
      throw new TargetException("the profile could not be fetched over JMX from " + endpoint + ": " + e.getMessage(), e);
    }
  }

  private String intervalText() {
    return switch (event) {
      case ALLOC -> interval % 1024 == 0 ? interval / 1024 + "KiB" : interval + "B";
      case LOCK -> String.format(Locale.ROOT, "%dus threshold", interval / 1_000);
      default -> interval % 1_000_000 == 0 ? interval / 1_000_000 + "ms" : interval / 1_000 + "us";
    };
  }

  /** Stops a session still running (failure, Ctrl-C) and closes the connection; never throws. */
  @Override
  public void close() {
    if (profiler != null && started && !stopped) {
      try {
        stopped = true;
        profiler.stop();
      } catch (ProfilingException e) {
        notes.add("stopping the profiler over JMX failed: " + e.getMessage());
      }
    }
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  private static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
