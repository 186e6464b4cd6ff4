#!/usr/bin/env bash
# generator-capacity: see io.perfharness.loadtests.bench.GeneratorCapacityBench for what it measures and how.
# Options are --key=value (an unknown one lists them). Runs the real harness on this
# machine; close other work first, these are 2 shared cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PERF_MAIN_CLASS=io.perfharness.loadtests.bench.GeneratorCapacityBench exec "$here/perf" "$@"
