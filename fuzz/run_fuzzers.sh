#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzzing build for a time budget each, one
# after the other (one process: the machine is shared), then prints per
# target: executions, executions per second, new corpus entries and
# findings (crash-/leak-/timeout-/oom- files), and a total.
#
#   fuzz/run_fuzzers.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60, all)
#
# Environment:
#   BUILD      the fuzzing build directory (default build-fuzz; fuzz/README.md
#              says how to set it up)
#   FINDINGS   where findings and new corpus entries go (default
#              fuzz/findings, ignored by git): FINDINGS/<target>/crash-*,
#              FINDINGS/<target>/corpus/, FINDINGS/<target>/log
#   FUZZ_ARGS  more libFuzzer flags for every target
#   UBSAN_OPTIONS  default halt_on_error=1: undefined behaviour is a finding
#
# The committed seeds (fuzz/corpus/<target>) are read, never written. A run
# that stops on a finding is restarted with the rest of its budget, up to 3
# findings per target. Exits 1 when anything was found, 2 on a usage error.
set -uo pipefail
cd "$(dirname "$0")/.."
budget=${1:-60}
shift || true
build=${BUILD:-build-fuzz}
findings=${FINDINGS:-fuzz/findings}
# UBSan only prints by default: make undefined behaviour a finding too.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
case "$budget" in '' | *[!0-9]*) echo "usage: $0 [SECONDS] [TARGET...]" >&2; exit 2 ;; esac

# target -> corpus, dictionary, max_len. The *_fast_fuzzer variants share
# their target's seeds; they check the oracles on 1 input in 64.
corpus_of() { echo "${1%_fast}"; }
dict_of() {
  case "${1%_fast}" in
    config) echo fuzz/dicts/toml.dict ;;
    jsonl) echo fuzz/dicts/json.dict ;;
    csv) echo fuzz/dicts/csv.dict ;;
    template) echo fuzz/dicts/template.dict ;;
    segments | content) echo fuzz/dicts/content.dict ;;
  esac
}
max_len_of() {
  # Depth needs room: a 64 KB configuration or JSON line can be 30,000
  # levels deep. The body targets stay small so each run stays fast.
  case "${1%_fast}" in
    config | jsonl | csv) echo 65536 ;;
    *) echo 4096 ;;
  esac
}

targets=("$@")
if ((${#targets[@]} == 0)); then
  for bin in "$build"/fuzz/*_fuzzer; do
    [ -x "$bin" ] || continue
    name=$(basename "$bin" _fuzzer)
    targets+=("$name")
  done
fi
if ((${#targets[@]} == 0)); then
  echo "run_fuzzers.sh: no *_fuzzer in $build/fuzz; build with -Dfuzzing=true (fuzz/README.md)" >&2
  exit 2
fi

total_runs=0 total_new=0 total_found=0 total_secs=0
report=()
for t in "${targets[@]}"; do
  bin="$build/fuzz/${t}_fuzzer"
  if [ ! -x "$bin" ]; then echo "run_fuzzers.sh: no $bin" >&2; exit 2; fi
  out="$findings/$t"
  mkdir -p "$out/corpus"
  before=$(find "$out/corpus" -type f | wc -l)
  found_before=$(find "$out" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  dict=$(dict_of "$t")
  args=(-max_len="$(max_len_of "$t")" -artifact_prefix="$out/" -print_final_stats=1
        -timeout=25 -rss_limit_mb=3072)
  [ -n "$dict" ] && args+=(-dict="$dict")
  runs=0 start=$(date +%s) left=$budget finds=0
  : > "$out/log"
  while ((left > 0 && finds < 3)); do
    # shellcheck disable=SC2086  # FUZZ_ARGS is a list of flags
    "$bin" "${args[@]}" -max_total_time="$left" ${FUZZ_ARGS:-} \
        "$out/corpus" "fuzz/corpus/$(corpus_of "$t")" >> "$out/log" 2>&1
    rc=$?
    n=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/log" | tail -1 | grep -o '[0-9]*$')
    runs=$((runs + ${n:-0}))
    # Count this run once: mark the stats line as read.
    sed -i 's/stat::number_of_executed_units:/stat::counted_units:/' "$out/log"
    ((rc == 0)) && break
    finds=$((finds + 1))
    left=$((budget - ($(date +%s) - start)))
  done
  secs=$(($(date +%s) - start))
  ((secs > 0)) || secs=1
  new=$(($(find "$out/corpus" -type f | wc -l) - before))
  found=$(($(find "$out" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l) - found_before))
  report+=("$(printf '%-14s %12d %9d %8d %9d  %s' "$t" "$runs" $((runs / secs)) "$new" "$found" "$out")")
  total_runs=$((total_runs + runs)) total_new=$((total_new + new))
  total_found=$((total_found + found)) total_secs=$((total_secs + secs))
done

printf '%-14s %12s %9s %8s %9s  %s\n' target executions exec/s new findings folder
printf '%s\n' "${report[@]}"
((total_secs > 0)) || total_secs=1
printf '%-14s %12d %9d %8d %9d\n' total "$total_runs" $((total_runs / total_secs)) "$total_new" "$total_found"
((total_found == 0))
