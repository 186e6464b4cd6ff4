package io.perfharness.loadtests.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls a target's readiness path until it answers 2xx, the child dies, or time runs out. */
public final class HealthWaiter {
  private static final Duration POLL = Duration.ofMillis(100);

  private HealthWaiter() {}

  /** @return milliseconds until the target answered */
  public static long await(RunningTarget target, String healthPath, Duration timeout)
      throws TargetException {
    URI uri = target.baseUrl().resolve(healthPath);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long startNanos = System.nanoTime();
    long deadlineNanos = startNanos + timeout.toNanos();
    String lastProblem = "no answer yet";
    while (System.nanoTime() < deadlineNanos) {
      if (!target.isAlive()) {
        throw new TargetException("the target exited with code " + target.exitCode()
            + " before it answered " + uri + logTail(target));
      }
      try {
        HttpResponse<Void> response = client.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 2) {
          return (System.nanoTime() - startNanos) / 1_000_000;
        }
        lastProblem = "HTTP " + response.statusCode();
      } catch (IOException e) {
        lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetException("interrupted while waiting for " + uri);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TargetException("interrupted while waiting for " + uri);
      }
    }
    throw new TargetException("the target did not answer " + uri + " within " + timeout.toSeconds()
        + " s (last: " + lastProblem + "); raise -Dperf.startTimeout or check the target's log"
        + logTail(target));
  }

  private static String logTail(RunningTarget target) {
    if (target instanceof ChildProcessTarget child) {
      return "\n--- last lines of " + child.logFile() + " ---\n" + child.logTail(20);
    }
    return "";
  }
}
