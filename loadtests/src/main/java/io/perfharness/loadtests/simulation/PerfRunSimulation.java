package io.perfharness.loadtests.simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.run.RunSession;
import io.perfharness.loadtests.run.WarmupDrive;
import io.perfharness.loadtests.schedule.Arrival;
import io.perfharness.loadtests.schedule.ArrivalSchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The default run of {@code mvn gatling:test}: an open-model load following the seeded schedule,
 * one request per virtual user, every request timed by the harness and recorded in HdrHistogram.
 * Options arrive only as {@code perf.*} system properties (see {@link RunLauncher}).
 *
 * <p>With an automatic warm-up ({@code perf.warmup=auto}) Gatling's injection steps, fixed before the
 * run, cannot know when the window starts. So the warm-up is a population of looping drivers that send
 * the warm-up's seeded arrivals at their intended times until the run says the target has settled
 * ({@link WarmupDrive}), and the window's own injection steps follow it ({@code andThen}): the window's
 * arrivals are the same, relative to its start, in every run with the same seed.
 */
public class PerfRunSimulation extends Simulation {
  private static final String ARRIVAL = "perf_arrival";
  private static final String GO = "perf_go";
  private static final String T0 = "perf_t0";
  /** The warm-up arrival a driver holds; absent when the warm-up is over for it. */
  private static final String HELD = "perf_held";
  /** Bounded drain: in-flight requests get this long after the schedule ends (the request timeout is 30 s). */
  private static final Duration DRAIN = Duration.ofSeconds(40);

  private final RunSession run;

  public PerfRunSimulation() {
    run = RunLauncher.prepareFromSystemProperties();
    ArrivalSchedule schedule = run.schedule();

    ChainBuilder send = doSwitch("#{perf_method}").on(
        onCase("GET").then(exec(http("#{perf_name}").get("#{perf_path}")
            .header("X-Request-Id", "#{perf_requestId}")
            .check(status().lt(400)))),
        onCase("POST").then(exec(http("#{perf_name}").post("#{perf_path}")
            .header("X-Request-Id", "#{perf_requestId}")
            .body(StringBody("#{perf_body}")).asJson()
            .check(status().lt(400)))));

    ChainBuilder timed = RunLauncher.recordingEnabled()
        ? exec(session -> session.set(T0, System.nanoTime())).exec(send).exec(this::requestDone)
        : exec(send);
    ScenarioBuilder scenario = scenario("perf-run")
        .feed(feeder(schedule, run.directory().runId()))
        .exec(this::userStarts)
        .doIf(session -> session.getBoolean(GO)).then(timed);
    PopulationBuilder window = scenario.injectOpen(injection(schedule));

    HttpProtocolBuilder protocol = http.baseUrl(run.baseUrl())
        .shareConnections()
        .warmUp(run.baseUrl() + "/health")
        .acceptHeader("application/json")
        .userAgentHeader("perf-harness");

    WarmupDrive drive = run.warmupDrive();
    PopulationBuilder load = window;
    if (drive != null) {
      String runId = run.directory().runId();
      ScenarioBuilder warmup = scenario("perf-warmup")
          .exec(this::warmupTakes)
          .asLongAs(session -> session.contains(HELD)).on(
              pause(session -> Duration.ofNanos(run.warmupWaitNanos((Arrival) session.get(HELD)))),
              exec(session -> warmupSends(session, runId)),
              doIf(session -> session.getBoolean(GO)).then(timed),
              exec(this::warmupTakes));
      load = warmup.injectOpen(atOnceUsers(drive.drivers())).andThen(window);
    }
    setUp(load)
        .protocols(protocol)
        .maxDuration(run.loadBound().plus(DRAIN));
  }

  /** A warm-up driver is free: it holds the next warm-up arrival, or none when the warm-up is over. */
  private Session warmupTakes(Session session) {
    Arrival next = run.warmupTake();
    return next == null ? session.remove(HELD) : session.set(HELD, next);
  }

  /** A driver's arrival is due: the same session attributes a window user gets from the feeder. */
  private Session warmupSends(Session session, String runId) {
    Arrival a = (Arrival) session.get(HELD);
    boolean go = run.onWarmupSend(a);
    Map<String, Object> record = attributes(a, runId + "-w");
    record.put(GO, go);
    return session.markAsSucceeded().setAll(record); // a driver's earlier failure is not this request's
  }

  private Session userStarts(Session session) {
    long nowNanos = System.nanoTime();
    Arrival arrival = (Arrival) session.get(ARRIVAL);
    boolean go = run.onUserStart(arrival);
    if (go) {
      run.schedule().achieved().started(arrival, nowNanos); // fidelity: the arrivals that really happened
    }
    return session.set(GO, go);
  }

  private Session requestDone(Session session) {
    long t1 = System.nanoTime();
    Arrival arrival = (Arrival) session.get(ARRIVAL);
    run.onRequestDone(arrival, t1 - session.getLong(T0), !session.isFailed());
    return session;
  }

  private static Iterator<Map<String, Object>> feeder(ArrivalSchedule schedule, String runId) {
    Iterator<Arrival> arrivals = schedule.arrivals().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return arrivals.hasNext();
      }

      @Override
      public Map<String, Object> next() {
        return attributes(arrivals.next(), runId + "-");
      }
    };
  }

  private static Map<String, Object> attributes(Arrival a, String requestIdPrefix) {
    Map<String, Object> record = new HashMap<>();
    record.put(ARRIVAL, a);
    record.put("perf_name", a.request().name());
    record.put("perf_method", a.request().method());
    record.put("perf_path", a.request().path());
    record.put("perf_body", a.request().body());
    record.put("perf_requestId", requestIdPrefix + a.seq());
    return record;
  }

  /** One injection step per schedule bucket: its arrivals spread evenly, as the schedule intends. */
  static List<OpenInjectionStep> injection(ArrivalSchedule schedule) {
    List<OpenInjectionStep> steps = new ArrayList<>();
    for (ArrivalSchedule.Bucket bucket : schedule.buckets()) {
      Duration length = Duration.ofNanos(bucket.lengthNanos());
      steps.add(bucket.count() == 0 ? nothingFor(length) : rampUsers(bucket.count()).during(length));
    }
    return steps;
  }

  @Override
  public void before() {
    RunLauncher.start(run);
  }

  @Override
  public void after() {
    RunOutcome outcome = run.finish();
    RunLauncher.afterGatling(outcome);
  }
}
