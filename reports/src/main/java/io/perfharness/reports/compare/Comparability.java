package io.perfharness.reports.compare;

import io.perfharness.core.run.RunManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What makes two sides less comparable than they look: different shapes, rates, seeds, windows,
 * profiler settings or engines, JVM or harness versions, hosts, and runs left out as invalid.
 */
final class Comparability {
  private Comparability() {}

  static List<String> warnings(ComparisonSide b, ComparisonSide c) {
    List<String> out = new ArrayList<>();
    for (ComparisonSide s : List.of(b, c)) {
      if (!s.excluded().isEmpty()) {
        out.add(s.name() + ": " + s.excluded().size() + " run(s) left out as not valid for comparison: "
            + String.join("; ", s.excluded().stream().map(e -> e.runId() + " (" + String.join(", ", e.reasons()) + ")").toList()));
      }
      if (s.n() == 0) {
        out.add(s.name() + ": no valid run, so nothing can be compared");
      }
    }
    differ(out, b, c, "kind of run (load run or benchmark fork)", m -> m.target() != null && "jmh".equals(m.target().kind())
        ? "benchmark fork" : "load run");
    differ(out, b, c, "benchmark", m -> m.target() != null && "jmh".equals(m.target().kind()) ? m.target().spec().replaceAll(":.*", "") : null);
    differ(out, b, c, "shape", m -> m.load() == null ? null : m.load().shape());
    differ(out, b, c, "intended rate (req/s)", m -> m.load() == null ? null : String.valueOf(m.load().rateIntendedPerSec()));
    differ(out, b, c, "seed", m -> m.load() == null ? null : String.valueOf(m.load().seed()));
    differ(out, b, c, "warm-up (ms)", m -> m.windows() == null ? null : String.valueOf(m.windows().warmupMillis()));
    differ(out, b, c, "measurement window (ms)", m -> m.windows() == null ? null : String.valueOf(m.windows().durationMillis()));
    differ(out, b, c, "profiled events", m -> m.profiler() == null ? "none"
        : String.join(",", m.profiler().events().stream().map(e -> e.name() + "@" + e.interval()).toList()));
    differ(out, b, c, "cpu engine", m -> m.profiler() == null ? null : m.profiler().cpuEngine());
    differ(out, b, c, "profiler version", m -> m.profiler() == null ? null : m.profiler().version());
    differ(out, b, c, "target JVM", m -> m.host() == null ? null : m.host().targetJavaVersion());
    differ(out, b, c, "harness JVM", m -> m.host() == null ? null : m.host().harnessJavaVersion());
    differ(out, b, c, "processors", m -> m.host() == null ? null : String.valueOf(m.host().availableProcessors()));
    differ(out, b, c, "harness version", RunManifest::harnessVersion);
    for (ComparisonSide s : List.of(b, c)) {
      List<String> engines = ComparisonBuilder.distinct(s, r -> r.manifest().profiler() == null ? null : r.manifest().profiler().cpuEngine());
      if (engines.size() > 1) {
        out.add(s.name() + ": its runs used different cpu engines " + engines);
      }
    }
    return out;
  }

  private static void differ(List<String> out, ComparisonSide b, ComparisonSide c, String what,
                             Function<RunManifest, String> f) {
    List<String> vb = ComparisonBuilder.distinct(b, r -> f.apply(r.manifest()));
    List<String> vc = ComparisonBuilder.distinct(c, r -> f.apply(r.manifest()));
    if (!vb.isEmpty() && !vc.isEmpty() && !vb.equals(vc)) {
      out.add("different " + what + ": baseline " + String.join(" | ", vb) + ", candidate " + String.join(" | ", vc));
    } else if (vb.size() > 1) {
      out.add("baseline runs differ in " + what + ": " + String.join(" | ", vb));
    } else if (vc.size() > 1) {
      out.add("candidate runs differ in " + what + ": " + String.join(" | ", vc));
    }
  }
}
