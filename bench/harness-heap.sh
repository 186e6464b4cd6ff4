#!/usr/bin/env bash
# harness-heap: does the harness itself leak? Runs a soak (./perf run --shape soak: class histograms of the
# target every 15 s, alloc profile) against the sample service without faults, and every SAMPLE_SECONDS takes a
# class histogram of the HARNESS JVM (the one running Gatling; jcmd GC.class_histogram forces a full GC,
# so its total is the harness's heap after GC), then fits heap after GC against time, leaving out the
# first WARM_SECONDS (class loading, JIT, Gatling's and our buffers filling up).
#
# Usage: bench/harness-heap.sh [DURATION (default 30m)] [SAMPLE_SECONDS (default 30)] [WARM_SECONDS (default 120)]
# Writes runs/bench-harness-heap/harness-heap.csv (epochMs,elapsedSec,heapAfterGcBytes) and prints the slope.
# Runs the real harness on this machine; close other work first, these are 2 shared cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-30m}"
every="${2:-30}"
warm="${3:-120}"
out="$here/runs/bench-harness-heap"
mkdir -p "$out"
csv="$out/harness-heap.csv"
log="$out/perf.log"
echo "epochMs,elapsedSec,heapAfterGcBytes" > "$csv"

"$here/perf" run --shape soak --warmup 10s --duration "$duration" --label harness-heap --out "$out" > "$log" 2>&1 &
pid=$! # ./perf execs java: this is the harness JVM once it is built
echo "harness-heap: soak of $duration, harness pid $pid, log $log" >&2
until grep -q "measurement window started" "$log" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "harness-heap: the run ended before its window; see $log" >&2; exit 3; }
  sleep 2
done
start=$(date +%s%3N)
while kill -0 "$pid" 2>/dev/null && ! grep -q "measurement window ended" "$log"; do
  total=$(jcmd "$pid" GC.class_histogram 2>/dev/null | awk '$1 == "Total" {print $3}')
  now=$(date +%s%3N)
  if [ -n "$total" ]; then
    echo "$now,$(awk -v a="$now" -v b="$start" 'BEGIN {printf "%.1f", (a - b) / 1000}'),$total" >> "$csv"
  fi
  sleep "$every"
done
wait "$pid" || true

awk -F, -v warm="$warm" 'NR > 1 && $2 >= warm {n++; x = $2 / 3600; y = $3 / 1048576; sx += x; sy += y; sxx += x*x; sxy += x*y; syy += y*y;
    if (n == 1) first = y; last = y}
  END {
    if (n < 3) { print "harness-heap: fewer than 3 samples after the warm-up; run longer"; exit 3 }
    b = (n*sxy - sx*sy) / (n*sxx - sx*sx); vy = n*syy - sy*sy;
    r2 = vy == 0 ? 0 : (n*sxy - sx*sy)^2 / ((n*sxx - sx*sx) * vy);
    printf "harness-heap: %d samples after %ds: heap after GC %.1f -> %.1f MiB, slope %.2f MiB/hour (R^2 %.2f)\n", n, warm, first, last, b, r2
  }' "$csv"
echo "harness-heap: samples in $csv; the run: $(grep 'run directory:' "$log" | tail -1)" >&2
