#!/usr/bin/env bash
# sensitivity: how often does `perf experiment` detect a CPU regression of known strength? For each
# repetition and each strength F it runs one experiment, baseline = the sample service's all-in-one jar,
# candidate = the same jar with --cpu-scale=F (every request costs F times its own request-thread CPU,
# docs/faults.md "Knobs"), both as cmd: targets, --runs-per-side runs each (ABBA), profiler events cpu,
# the harness's default windows and rate unless --warmup/--duration/--rate are given. A detection is a
# REGRESSION verdict (the right direction for F > 1) on the metric; it reads comparison.json of each
# experiment for cpu.app.perRequest, cpu.perRequest and latency.p50. Optional A/A experiments (the same
# jar on both sides) count false detections.
#
# Every experiment is its own: the strengths do not share baseline runs (so each experiment is exactly
# what `perf experiment` does, and the experiments of one strength are independent replicates), and
# repetition k uses arrival seed SEED+k-1 on both sides of all its experiments. The order of the
# strengths rotates from one repetition to the next, so a slow drift of the machine falls on all alike.
#
# Usage: bench/sensitivity.sh [--experiments=10] [--strengths=1.1,1.3] [--runs-per-side=5] [--aa=2]
#          [--seed=1] [--out=runs/bench-sensitivity] [--warmup=DUR] [--duration=DUR] [--rate=N]
#          [--no-calibration]
# Resumable: results go to OUT/results.tsv one line per experiment as it ends; run the same command
# again and it skips what finished (an interrupted experiment's folder is kept as *.interrupted-<time>
# and that experiment runs again). The final table is printed and written to OUT/sensitivity.md.
# A full run (10 x 2 experiments of 10 runs, plus the A/A) takes hours; runs the real harness on this
# machine: close other work first, these are 2 shared cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

experiments=10
strengths=1.1,1.3
runs_per_side=5
aa=2
seed=1
out="$here/runs/bench-sensitivity"
warmup=""
duration=""
rate=""
no_calibration=""

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}
problems=()
for arg in "$@"; do
  value="${arg#*=}"
  case "$arg" in
    --experiments=*) experiments="$value" ;;
    --strengths=*) strengths="$value" ;;
    --runs-per-side=*) runs_per_side="$value" ;;
    --aa=*) aa="$value" ;;
    --seed=*) seed="$value" ;;
    --out=*) out="$value" ;;
    --warmup=*) warmup="$value" ;;
    --duration=*) duration="$value" ;;
    --rate=*) rate="$value" ;;
    --no-calibration) no_calibration=1 ;;
    --help|-h) usage; exit 0 ;;
    *) problems+=("unknown option '$arg'; the options are --experiments= --strengths= --runs-per-side= --aa= --seed= --out= --warmup= --duration= --rate= --no-calibration --help") ;;
  esac
done
[[ "$experiments" =~ ^[1-9][0-9]*$ ]] || problems+=("--experiments was '$experiments' but it must be a whole number of at least 1")
[[ "$runs_per_side" =~ ^[1-9][0-9]*$ ]] || problems+=("--runs-per-side was '$runs_per_side' but it must be a whole number of at least 1")
[[ "$aa" =~ ^[0-9]+$ ]] || problems+=("--aa was '$aa' but it must be a whole number (0 for no A/A experiments)")
[[ "$seed" =~ ^[0-9]+$ ]] || problems+=("--seed was '$seed' but it must be a whole number")
IFS=, read -r -a strength_list <<< "$strengths"
[ "${#strength_list[@]}" -gt 0 ] || problems+=("--strengths was '$strengths' but it must list factors, e.g. 1.1,1.3")
for s in "${strength_list[@]}"; do
  if ! [[ "$s" =~ ^[0-9]{1,2}(\.[0-9]{1,6})?$ ]] || ! awk -v f="$s" 'BEGIN {exit !(f > 1 && f <= 10)}'; then
    problems+=("--strengths has '$s' but each must be a number above 1.0 and at most 10 (--cpu-scale of the candidate)")
  fi
done
[ "${#problems[@]}" -eq 0 ] && [ "$aa" -gt "$experiments" ] \
  && problems+=("--aa was '$aa' but it must be at most --experiments ($experiments): A/A experiments go into repetitions")
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
case "$out" in *\'*|*\ *) problems+=("--out was '$out' but the path must not contain spaces or quotes (it goes into a cmd: target)") ;; esac
if [ "${#problems[@]}" -gt 0 ]; then
  for p in "${problems[@]}"; do echo "sensitivity: $p" >&2; done
  exit 2
fi
command -v python3 >/dev/null || { echo "sensitivity: python3 is needed to read comparison.json" >&2; exit 3; }

mkdir -p "$out"
results="$out/results.tsv"
conf="$out/bench.conf"
jar="$out/perf-harness-service.jar"

# the options that make the experiments comparable; a resume must not change them
settings="runs-per-side=$runs_per_side warmup=${warmup:-default} duration=${duration:-default} rate=${rate:-default} events=cpu calibration=${no_calibration:+none}${no_calibration:-default} seed=$seed"
if [ -f "$conf" ] && [ "$(cat "$conf")" != "$settings" ]; then
  echo "sensitivity: $out holds experiments made with other settings:" >&2
  echo "  there:    $(cat "$conf")" >&2
  echo "  this run: $settings" >&2
  echo "  use another --out, or the same settings to resume" >&2
  exit 2
fi

# Build once, then freeze: the service jar is copied into OUT (a resume uses the same jar) and ./perf is
# told not to rebuild, so sources edited during a bench of hours do not change it half-way.
if [ ! -f "$jar" ]; then
  echo "sensitivity: building the sample service (mvn -q -B -DskipTests package -pl service -am) ..." >&2
  (cd "$here" && mvn -q -B -DskipTests package -pl service -am) >&2
  cp "$here/service/target/perf-harness-service-0.1.0-SNAPSHOT-all.jar" "$jar"
else
  echo "sensitivity: resuming with the service jar of the first start: $jar" >&2
fi
# builds the harness if sources changed (its output kept: a failed build is shown, picocli's chatter is not)
if ! "$here/perf" experiment --help > "$out/build.log" 2>&1; then
  cat "$out/build.log" >&2
  echo "sensitivity: the harness did not build; see above ($out/build.log)" >&2
  exit 3
fi
export PERF_SKIP_BUILD=1
echo "$settings" > "$conf"
[ -f "$results" ] || printf 'kind\tstrength\trep\tseed\tstatus\texitCode\tseconds\tbaselineRuns\tcandidateRuns\tmetric\tverdict\tratio\tratioLower\tratioUpper\tpValue\tnoiseBand\tbaselineMedian\tcandidateMedian\texperiment\n' > "$results"

target() { # $1: the --cpu-scale value, or empty for none
  local knob=""
  [ -n "$1" ] && knob=" --cpu-scale=$1"
  echo "cmd:java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar '$jar' --port={port} --quiet-requests$knob"
}

# The plan: repetition by repetition, the strengths in rotating order; the A/A experiments spread evenly
# over the repetitions (with --aa=2 of 10: in repetitions 5 and 10).
plan=()
for ((rep = 1; rep <= experiments; rep++)); do
  n=${#strength_list[@]}
  for ((i = 0; i < n; i++)); do
    plan+=("x${strength_list[$(( (i + rep - 1) % n ))]}:$rep")
  done
  for ((j = 1; j <= aa; j++)); do
    [ $(( (j * experiments + aa - 1) / aa )) -eq "$rep" ] && plan+=("aa:$rep")
  done
done

done_already() { # kind rep: true when results.tsv's last line for it says ok
  awk -F'\t' -v k="$1" -v r="$2" '$1 == k && $3 == r {s = $5} END {exit s != "ok"}' "$results"
}

# one summary line per metric of an experiment's comparison.json (appended to results.tsv by the caller)
record() { # kind strength rep seed status exit seconds dir
  python3 - "$@" <<'PY'
import glob, json, os, sys
kind, strength, rep, seed, status, code, seconds, folder = sys.argv[1:9]
files = sorted(glob.glob(os.path.join(folder, "experiments", "*", "comparison.json")))
metrics = ["cpu.app.perRequest", "cpu.perRequest", "latency.p50"]
def fmt(v):
    return "" if v is None else ("%.6g" % v if isinstance(v, float) else str(v))
if not files:
    for m in metrics:
        print("\t".join([kind, strength, rep, seed, "failed", code, seconds, "", "", m, "NO COMPARISON"] + [""] * 7 + [folder]))
    sys.exit(0)
c = json.load(open(files[-1]))
by_id = {m["metric"]["id"]: m for m in c.get("metrics", [])}
for m in metrics:
    r = by_id.get(m, {})
    print("\t".join([kind, strength, rep, seed, status, code, seconds,
                     fmt(c["baseline"].get("runs")), fmt(c["candidate"].get("runs")), m,
                     r.get("verdict", "MISSING")] + [fmt(r.get(k)) for k in
                     ("ratio", "ratioLower", "ratioUpper", "pValue", "noiseBand", "baselineMedian", "candidateMedian")]
                    + [os.path.dirname(files[-1])]))
PY
}

summary() {
  python3 - "$results" "$out/sensitivity.md" "$settings" "$runs_per_side" <<'PY'
import csv, statistics, sys
from math import comb
path, md, settings, runs_per_side = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = list(csv.DictReader(open(path), delimiter="\t"))
last = {}
for r in rows:  # a failed experiment run again later: its last line counts
    last[(r["kind"], r["rep"], r["metric"])] = r

def binom_cdf(k, n, p):
    return sum(comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k + 1))

def clopper_pearson(k, n):
    """Exact 95% interval of a binomial proportion, by bisection on the binomial tails."""
    def solve(f):
        lo, hi = 0.0, 1.0
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if f(mid) else (lo, mid)
        return (lo + hi) / 2
    low = 0.0 if k == 0 else solve(lambda p: 1 - binom_cdf(k - 1, n, p) < 0.025)
    high = 1.0 if k == n else solve(lambda p: binom_cdf(k, n, p) > 0.025)
    return low, high

metrics = [("cpu.app.perRequest", "app CPU/request"), ("cpu.perRequest", "CPU/request"), ("latency.p50", "p50")]
kinds = sorted({k for (k, _, _) in last}, key=lambda k: (k == "aa", float(k[1:]) if k != "aa" else 0))
lines = ["# perf experiment sensitivity to a CPU regression (bench/sensitivity.sh)", "",
         "Settings: " + settings + "; a detection is a REGRESSION verdict on the metric (for A/A: any"
         " REGRESSION or IMPROVEMENT); rate k/n with its exact 95% interval (Clopper-Pearson); ratio = median"
         " over the experiments of the Hodges-Lehmann ratio candidate/baseline; [min-max] over experiments.", "",
         "| candidate | experiments | " + " | ".join(
             "%s detected | %s ratio" % (label, label) for _, label in metrics) + " | failed | short of runs |",
         "|---|---:|" + "---:|---:|" * len(metrics) + "---:|---:|"]
for kind in kinds:
    cells = []
    reps = sorted({rep for (k, rep, _) in last if k == kind}, key=int)
    ok_reps = [rep for rep in reps if last[(kind, rep, metrics[0][0])]["status"] == "ok"]
    n = len(ok_reps)
    for metric, _ in metrics:
        rs = [last[(kind, rep, metric)] for rep in ok_reps if (kind, rep, metric) in last]
        if kind == "aa":
            hits = sum(r["verdict"] in ("REGRESSION", "IMPROVEMENT") for r in rs)
        else:
            hits = sum(r["verdict"] == "REGRESSION" for r in rs)
        wrong = sum(r["verdict"] == "IMPROVEMENT" for r in rs) if kind != "aa" else 0
        ratios = [float(r["ratio"]) for r in rs if r["ratio"]]
        if n:
            lo, hi = clopper_pearson(hits, n)
            rate = "%d/%d = %.0f%% (%.0f-%.0f%%)" % (hits, n, 100.0 * hits / n, 100 * lo, 100 * hi)
            if wrong:
                rate += ", %d in the wrong direction" % wrong
        else:
            rate = "-"
        ratio = ("%.3f [%.3f-%.3f]" % (statistics.median(ratios), min(ratios), max(ratios))) if ratios else "-"
        cells += [rate, ratio]
    name = "A/A (false detections)" if kind == "aa" else "--cpu-scale=" + kind[1:]
    short = sum(1 for rep in ok_reps if min(int(last[(kind, rep, metrics[0][0])][side] or 0)
                                            for side in ("baselineRuns", "candidateRuns")) < runs_per_side)
    lines.append("| %s | %d | %s | %d | %d |" % (name, n, " | ".join(cells), len(reps) - n, short))
lines += ["", "failed: experiments without a comparison (left out of the rates, listed in results.tsv); short of"
          " runs: experiments where a side had fewer valid runs than asked (runs the generator could not keep"
          " up with are left out by the harness), counted in the rates as they came out.",
          "", "Per experiment: results.tsv (verdict, ratio and interval, p, noise band, medians, folder)."]
text = "\n".join(lines) + "\n"
open(md, "w").write(text)
print(text, end="")
PY
}

total=${#plan[@]}
todo=()
for item in "${plan[@]}"; do
  done_already "${item%%:*}" "${item##*:}" || todo+=("$item")
done
[ "${#todo[@]}" -lt "$total" ] && echo "sensitivity: $(( total - ${#todo[@]} )) of $total experiments already done in $results" >&2
started=$(date +%s)
finished_now=0
spent_now=0
for ((i = 0; i < ${#todo[@]}; i++)); do
  kind="${todo[$i]%%:*}"
  rep="${todo[$i]##*:}"
  run_seed=$(( seed + rep - 1 ))
  number=$(( total - ${#todo[@]} + i + 1 ))
  if [ "$kind" = "aa" ]; then
    strength=""
    candidate="$(target "")"
    folder="$out/aa/rep-$(printf %02d "$rep")"
  else
    strength="${kind#x}"
    candidate="$(target "$strength")"
    folder="$out/$kind/rep-$(printf %02d "$rep")"
  fi
  if [ -d "$folder" ]; then
    mv "$folder" "$folder.interrupted-$(date -u +%Y%m%dT%H%M%SZ)"
  fi
  mkdir -p "$folder"
  eta="unknown"
  if [ "$finished_now" -gt 0 ]; then
    eta="$(( spent_now * (${#todo[@]} - i) / finished_now / 60 )) min"
  fi
  echo "sensitivity: [$number/$total] ${kind/aa/A\/A} repetition $rep seed $run_seed: started $(date -u +%H:%M:%SZ), elapsed $(( ($(date +%s) - started) / 60 )) min, ETA $eta; log $folder/perf.log" >&2
  args=(experiment --baseline "$(target "")" --candidate "$candidate" --runs "$runs_per_side" --events cpu
        --seed "$run_seed" --label "sensitivity-$kind-rep$rep" --out "$folder")
  [ -n "$warmup" ] && args+=(--warmup "$warmup")
  [ -n "$duration" ] && args+=(--duration "$duration")
  [ -n "$rate" ] && args+=(--rate "$rate")
  [ -n "$no_calibration" ] && args+=(--no-calibration)
  t0=$(date +%s)
  code=0
  "$here/perf" "${args[@]}" > "$folder/perf.log" 2>&1 || code=$?
  seconds=$(( $(date +%s) - t0 ))
  if [ "$code" -eq 2 ]; then
    echo "sensitivity: perf experiment refused its options (exit 2); see $folder/perf.log:" >&2
    tail -5 "$folder/perf.log" >&2
    exit 2
  fi
  status=ok
  [ "$code" -eq 0 ] || status=failed
  record "$kind" "${strength:-1.0}" "$rep" "$run_seed" "$status" "$code" "$seconds" "$folder" > "$folder/result.tsv"
  cat "$folder/result.tsv" >> "$results"
  finished_now=$(( finished_now + 1 ))
  spent_now=$(( spent_now + seconds ))
  echo "sensitivity: [$number/$total] ${kind/aa/A\/A} repetition $rep: $status (exit $code) in $(( seconds / 60 )) min $(( seconds % 60 )) s: $(
    awk -F'\t' '{line = line sep $10 " " $11 ($12 == "" ? "" : sprintf(" x%.3f", $12)); sep = ", "; runs = $8 "+" $9}
      END {print line (runs == "+" ? "; see perf.log" : " (" runs " valid runs)")}' "$folder/result.tsv")" >&2
done

echo "sensitivity: all $total experiments done; table in $out/sensitivity.md" >&2
summary
