package io.perfharness.reports.compare;

import io.perfharness.profiling.capture.CaptureSettings;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many count units of an event's collapsed profile make one profiler sample, read from run.json's
 * interval text: cpu and wall count samples (1); alloc counts bytes, one sample per allocation interval
 * ({@code 512KiB}); lock counts nanoseconds, one recorded wait per threshold ({@code 10us threshold}).
 * The per-frame test filters and smooths in samples. Stateless.
 */
final class SampleUnits {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s)\\b.*", Pattern.CASE_INSENSITIVE);

  private SampleUnits() {}

  /** Count units per sample; the capture defaults when the interval text is absent or unreadable. */
  static double countsPerSample(String event, String intervalText) {
    switch (event) {
      case "alloc":
        return parse(SIZE, intervalText, CaptureSettings.DEFAULT_ALLOC_INTERVAL_BYTES);
      case "lock":
        return parse(TIME, intervalText, CaptureSettings.DEFAULT_LOCK_THRESHOLD_NANOS);
      default:
        return 1;
    }
  }

  private static double parse(Pattern pattern, String text, double fallback) {
    if (text == null) {
      return fallback;
    }
    Matcher m = pattern.matcher(text.strip());
    if (!m.matches()) {
      return fallback;
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    double scale = switch (unit) {
      case "k", "kb", "kib" -> 1024;
      case "m", "mb", "mib" -> 1024.0 * 1024;
      case "g", "gb", "gib" -> 1024.0 * 1024 * 1024;
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      default -> 1;
    };
    double units = value * scale;
    return units > 0 ? units : fallback;
  }
}
