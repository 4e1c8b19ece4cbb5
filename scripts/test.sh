#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run the whole
# test suite twice: a normal build (every suite) and an AddressSanitizer +
# UndefinedBehaviorSanitizer build (unit, conformance, fuzz-regress, cli).
# Ends with one plain line "N passed, N failed" over both runs; exits
# non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-node || exit 2

# The npm reference calculator for the differential test (npm registry).
# Without it that test is skipped, not failed.
if command -v npm >/dev/null && [ -f tools/npm-ref/package-lock.json ] &&
   [ ! -d tools/npm-ref/node_modules/sms-segments-calculator ]; then
  npm ci --prefix tools/npm-ref --no-audit --no-fund --loglevel=error >/dev/null 2>&1 ||
    echo "test.sh: npm ci failed; the differential test will be skipped" >&2
fi

run_suite() {  # build dir, meson setup args..., -- meson test args...
  local dir=$1; shift
  local setup=() test=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do setup+=("$1"); shift; done
  shift
  test=("$@")
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" --wrap-mode=nodownload "${setup[@]}" >/dev/null || return 2
  fi
  ninja -C "$dir" >/dev/null || { ninja -C "$dir" | tail -30; return 2; }
  meson test -C "$dir" --num-processes 2 --print-errorlogs "${test[@]}"
}

# UBSan only prints by default; make it fail the test.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
run_suite build -- || status=1
run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false \
  -Dbenchmarks=disabled -- --suite unit --suite fuzz-regress --suite cli || status=1

python3 - build/meson-logs/testlog.json build-asan/meson-logs/testlog.json <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path).read().splitlines()
    except OSError:
        failed += 1
        print(f"test.sh: no test log at {path}")
        continue
    for line in lines:
        r = json.loads(line)["result"]
        if r in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif r == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
