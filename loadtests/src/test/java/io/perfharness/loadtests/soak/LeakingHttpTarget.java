package io.perfharness.loadtests.soak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP target that keeps 64 KB per request forever: started with a small {@code -Xmx} it dies of
 * OutOfMemoryError within seconds of load. {@code /health} answers 200; it has no {@code /metrics}.
 * Arguments: {@code --port=N}.
 */
public final class LeakingHttpTarget {
  private static final List<byte[]> KEPT = new ArrayList<>();

  private LeakingHttpTarget() {}

  public static void main(String[] args) throws IOException {
    int port = 0;
    for (String arg : args) {
      if (arg.startsWith("--port=")) {
        port = Integer.parseInt(arg.substring("--port=".length()));
      }
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
    server.createContext("/health", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
    server.createContext("/leak", exchange -> {
      synchronized (KEPT) {
        KEPT.add(new byte[64 * 1024]);
      }
      respond(exchange, "{\"kept\":" + KEPT.size() + "}");
    });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("leaking target listening on " + port);
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
