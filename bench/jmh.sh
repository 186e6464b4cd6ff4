#!/usr/bin/env bash
# jmh: runs the JMH benchmarks of benchmarks/ (all, or those matching the regex arguments), e.g.
#   bench/jmh.sh LatencyRecordingBenchmark
# Results are ratios within one run; these machines are 2 shared cores and noisy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$here" && mvn -q -B -Dmaven.test.skip=true install -pl benchmarks -am) >&2
exec java -cp "$here/benchmarks/target/classes:$(cat "$here/benchmarks/target/runtime-classpath.txt")" \
  org.openjdk.jmh.Main "$@"
