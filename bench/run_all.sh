#!/usr/bin/env bash
# Prints every figure of issue 15 with its baseline measured in the same run
# and the ratio (bench/run_all.py does the work; docs/performance.md reads
# the table). Builds the programs it needs in BUILD_DIR (default build; a
# release or debugoptimized build configured with benchmarks enabled).
#
#   bench/run_all.sh                 # everything, ROWS=200000 batch rows
#   ROWS=1000000 bench/run_all.sh    # a bigger batch list
#   NO_PYTHON=1 bench/run_all.sh     # skip the Python batch reference
#   NPM_REF=DIR bench/run_all.sh     # tools/npm-ref installed elsewhere
#
# Figures are CPU seconds (getrusage / GNU time) where the machine is shared,
# wall time only for batch --jobs 2. Exit status 0 unless smslint is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
targets=(cli/smslint)
for t in bench/linter_start bench/segments_timer bench/content_bench; do
  if ninja -C "$build" -t query "$t" >/dev/null 2>&1; then targets+=("$t"); fi
done
ninja -C "$build" "${targets[@]}" >/dev/null
exec python3 "$root/bench/run_all.py" "$root" "$build"
