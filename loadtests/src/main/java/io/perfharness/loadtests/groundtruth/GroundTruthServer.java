package io.perfharness.loadtests.groundtruth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A loopback HTTP server whose service time we know, to prove the harness's latency numbers:
 * {@code GET /work} costs exactly what {@link ServiceTime} says (busy-waiting, so it is exact and
 * not at the mercy of the sleep timer), and a stall freezes every request for a while, like a GC
 * pause or a lock convoy would. The server records each request's own service time (from the
 * moment its handler runs to the moment before the response is written) so a test can compare the
 * client's view with the server's truth. Mutable, thread-safe.
 */
public final class GroundTruthServer implements AutoCloseable {
  static {
    // without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: ~40 ms per keep-alive request, which would swamp a 1-2 ms truth
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final ServiceTime serviceTime;
  private final AtomicLong requestIndex = new AtomicLong();
  private final Recorder serviceTimesMicros = new Recorder(3_600_000_000L, 3);
  private final Object stallLock = new Object();
  private volatile long stallUntilNanos;
  private final Duration stallAfterFirstRequest;
  private final Duration stallLength;
  private final AtomicLong firstRequestNanos = new AtomicLong();

  /**
   * @param stallAfterFirstRequest when to freeze, counted from the first {@code /work} request (null: never)
   * @param stallLength how long to freeze
   */
  public GroundTruthServer(ServiceTime serviceTime, Duration stallAfterFirstRequest, Duration stallLength) throws IOException {
    this(serviceTime, stallAfterFirstRequest, stallLength, 0);
  }

  private GroundTruthServer(ServiceTime serviceTime, Duration stallAfterFirstRequest, Duration stallLength, int port)
      throws IOException {
    this.serviceTime = serviceTime;
    this.stallAfterFirstRequest = stallAfterFirstRequest;
    this.stallLength = stallLength;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    // enough threads that a 2 s stall at a few hundred requests per second never queues on us
    this.workers = Executors.newFixedThreadPool(512, r -> {
      Thread t = new Thread(r, "ground-truth-worker");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(workers);
    server.createContext("/work", this::work);
    server.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Service times of every {@code /work} request so far, in microseconds (resets the record). */
  public Histogram takeServiceTimes() {
    return serviceTimesMicros.getIntervalHistogram();
  }

  private void work(HttpExchange exchange) throws IOException {
    long startNanos = System.nanoTime();
    long index = requestIndex.getAndIncrement();
    firstRequestNanos.compareAndSet(0, startNanos);
    if (stallAfterFirstRequest != null) {
      maybeStall(startNanos);
    }
    spinUntil(startNanos + serviceTime.nanosFor(index));
    serviceTimesMicros.recordValue((System.nanoTime() - startNanos) / 1_000);
    respond(exchange, 200, "ok");
  }

  private void maybeStall(long nowNanos) {
    long stallStart = firstRequestNanos.get() + stallAfterFirstRequest.toNanos();
    long stallEnd = stallStart + stallLength.toNanos();
    if (nowNanos >= stallStart && nowNanos < stallEnd) {
      synchronized (stallLock) {
        long wait;
        while ((wait = stallEnd - System.nanoTime()) > 0) {
          try {
            stallLock.wait(Math.max(1, wait / 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** Busy-waits: Thread.sleep overshoots by up to a scheduler tick, which would blur the truth. */
  static void spinUntil(long deadlineNanos) {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining > 5_000_000) {
      try {
        Thread.sleep((remaining - 2_000_000) / 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    while (System.nanoTime() < deadlineNanos) {
      Thread.onSpinWait();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  /**
   * Runs a server as its own process, for {@code cmd:} targets and by hand: {@code --port=N}
   * (0: any), {@code --service-ms=N} (fixed service time), {@code --exit-after=DURATION} (the
   * process dies then, as a crashing target would). Prints one line {@code listening port=N}.
   */
  public static void main(String[] args) throws Exception {
    int port = 0;
    long serviceMillis = 1;
    Duration exitAfter = null;
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--port=")) {
        port = Integer.parseInt(value);
      } else if (arg.startsWith("--service-ms=")) {
        serviceMillis = Long.parseLong(value);
      } else if (arg.startsWith("--exit-after=")) {
        exitAfter = io.perfharness.core.config.DurationParser.parse(value);
      } else {
        System.err.println("unknown option '" + arg + "'; use --port=N --service-ms=N --exit-after=DURATION");
        System.exit(2);
      }
    }
    GroundTruthServer server = new GroundTruthServer(ServiceTime.fixed(Duration.ofMillis(serviceMillis)), null,
        Duration.ZERO, port);
    System.out.println("listening port=" + server.port());
    if (exitAfter != null) {
      Thread.sleep(exitAfter.toMillis());
      System.out.println("exiting on purpose after " + exitAfter);
      Runtime.getRuntime().halt(1);
    }
  }

  /** The known service time of the i-th request. */
  public interface ServiceTime {
    long nanosFor(long requestIndex);

    /** Every request costs the same. */
    static ServiceTime fixed(Duration each) {
      long nanos = each.toNanos();
      return i -> nanos;
    }

    /** Every hundredth request is slow: 99% x {@code fast}, 1% x {@code slow}. */
    static ServiceTime bimodal(Duration fast, Duration slow) {
      long fastNanos = fast.toNanos();
      long slowNanos = slow.toNanos();
      return i -> i % 100 == 99 ? slowNanos : fastNanos;
    }
  }
}
