package io.perfharness.loadtests.simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.perfharness.loadtests.run.RunLauncher;
import io.perfharness.loadtests.run.RunOutcome;
import io.perfharness.loadtests.run.RunSession;
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
 */
public class PerfRunSimulation extends Simulation {
  private static final String ARRIVAL = "perf_arrival";
  private static final String GO = "perf_go";
  private static final String T0 = "perf_t0";
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

    HttpProtocolBuilder protocol = http.baseUrl(run.baseUrl())
        .shareConnections()
        .warmUp(run.baseUrl() + "/health")
        .acceptHeader("application/json")
        .userAgentHeader("perf-harness");

    Duration total = Duration.ofNanos(schedule.warmupNanos() + schedule.durationNanos());
    setUp(scenario.injectOpen(injection(schedule)))
        .protocols(protocol)
        .maxDuration(total.plus(DRAIN));
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
        Arrival a = arrivals.next();
        Map<String, Object> record = new HashMap<>();
        record.put(ARRIVAL, a);
        record.put("perf_name", a.request().name());
        record.put("perf_method", a.request().method());
        record.put("perf_path", a.request().path());
        record.put("perf_body", a.request().body());
        record.put("perf_requestId", runId + "-" + a.seq());
        return record;
      }
    };
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
