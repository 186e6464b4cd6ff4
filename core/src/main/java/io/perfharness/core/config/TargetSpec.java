package io.perfharness.core.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run loads and profiles, parsed from {@code perf.target}: the embedded sample service
 * ({@code sample}, {@code sample:fault=NAME[,NAME]}), any JVM service command with a {@code {port}}
 * placeholder ({@code cmd:java -jar app.jar --port={port}}), or an already running service
 * ({@code url:http://127.0.0.1:8080}, profiled through {@code perf.pid}, or
 * {@code jmx:127.0.0.1:9010,url:http://127.0.0.1:8080}, profiled over JMX). Immutable.
 */
public sealed interface TargetSpec {

  /** The text the user gave, reproducible as-is. */
  String spec();

  /** The embedded sample service started as a child JVM with the named faults switched on. */
  record Sample(String spec, List<String> faults) implements TargetSpec {
    public Sample {
      faults = List.copyOf(faults);
    }
  }

  /** A user command started as a child process; {@code {port}} is replaced by a free port. */
  record Command(String spec, List<String> argv) implements TargetSpec {
    public Command {
      argv = List.copyOf(argv);
    }
  }

  /**
   * A service somebody else started; we only load it and, given a PID, profile it. With a JMX
   * endpoint ({@code jmx:HOST:PORT,url:BASE_URL}) the JVM is profiled and read remotely instead, through
   * async-profiler's MBean and the platform MBeans (docs/remote-jmx.md).
   *
   * @param jmx the JMX endpoint, or null
   */
  record Url(String spec, URI baseUrl, JmxEndpoint jmx) implements TargetSpec {
    public Url(String spec, URI baseUrl) {
      this(spec, baseUrl, null);
    }
  }

  /** A JMX connector address {@code HOST:PORT} (RMI registry port). */
  record JmxEndpoint(String host, int port) {
    public JmxEndpoint {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("the jmx host must not be blank");
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("the jmx port must be 1..65535 but was " + port);
      }
    }

    /** Parses {@code HOST:PORT} ({@code [v6]:PORT} for IPv6). */
    public static JmxEndpoint parse(String text) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new IllegalArgumentException("'" + text + "' must be HOST:PORT, e.g. jmx:127.0.0.1:9010");
      }
      String host = text.substring(0, colon).trim();
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      try {
        return new JmxEndpoint(host, Integer.parseInt(text.substring(colon + 1).trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' must end in a port number, e.g. jmx:127.0.0.1:9010");
      }
    }

    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

  /**
   * Parses a target spec.
   *
   * @throws IllegalArgumentException quoting the value and the accepted forms
   */
  static TargetSpec parse(String text) {
    String spec = text == null ? "" : text.trim();
    if (spec.equals("sample")) {
      return new Sample(spec, List.of());
    }
    if (spec.startsWith("sample:")) {
      return new Sample(spec, parseSampleFaults(spec, spec.substring("sample:".length())));
    }
    if (spec.startsWith("cmd:")) {
      List<String> argv = splitCommand(spec.substring("cmd:".length()));
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("'" + spec + "' has an empty command after cmd:");
      }
      if (argv.stream().noneMatch(a -> a.contains("{port}"))) {
        throw new IllegalArgumentException("'" + spec
            + "' must contain {port} where the service takes its port, e.g. cmd:java -jar app.jar --port={port}");
      }
      return new Command(spec, argv);
    }
    if (spec.startsWith("jmx:")) {
      int url = spec.indexOf(",url:");
      if (url < 0) {
        throw new IllegalArgumentException("'" + spec
            + "' needs the HTTP side too: jmx:HOST:PORT,url:BASE_URL, e.g. jmx:127.0.0.1:9010,url:http://127.0.0.1:8080");
      }
      JmxEndpoint jmx = JmxEndpoint.parse(spec.substring("jmx:".length(), url));
      Url http = (Url) parse(spec.substring(url + 1));
      return new Url(spec, http.baseUrl(), jmx);
    }
    if (spec.startsWith("url:")) {
      String raw = spec.substring("url:".length());
      URI uri;
      try {
        uri = URI.create(raw);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + raw + "' is not a URL: " + e.getMessage());
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "'" + raw + "' must be an http(s) URL with a host, e.g. url:http://127.0.0.1:8080");
      }
      String normalized = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
      return new Url(spec, URI.create(normalized));
    }
    throw new IllegalArgumentException("'" + spec
        + "' is not a target; use sample, sample:fault=NAME[,NAME], cmd:<command with {port}>, url:<base url>"
        + " or jmx:HOST:PORT,url:<base url>");
  }

  private static List<String> parseSampleFaults(String spec, String options) {
    List<String> faults = new ArrayList<>();
    for (String option : options.split(";")) {
      if (option.isBlank()) {
        continue;
      }
      int eq = option.indexOf('=');
      String key = eq < 0 ? option.trim() : option.substring(0, eq).trim();
      if (!key.equals("fault") && !key.equals("faults")) {
        throw new IllegalArgumentException("'" + spec + "' has unknown sample option '" + key
            + "'; the sample target takes fault=NAME[,NAME]");
      }
      for (String name : option.substring(eq + 1).split(",")) {
        if (!name.isBlank()) {
          faults.add(name.trim());
        }
      }
    }
    return faults;
  }

  /** Splits on whitespace; single or double quotes keep spaces inside one argument. */
  static List<String> splitCommand(String command) {
    List<String> argv = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean inArg = false;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inArg = true;
      } else if (Character.isWhitespace(c)) {
        if (inArg) {
          argv.add(current.toString());
          current.setLength(0);
          inArg = false;
        }
      } else {
        current.append(c);
        inArg = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("'" + command + "' has an unclosed " + quote + " quote");
    }
    if (inArg) {
      argv.add(current.toString());
    }
    return argv;
  }
}
