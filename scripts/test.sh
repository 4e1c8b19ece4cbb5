#!/usr/bin/env bash
# Quick start, command 2: install what is missing, build, and run the whole
# test suite three times: a normal build (every suite), an AddressSanitizer +
# UndefinedBehaviorSanitizer build (unit, fuzz-regress, cli) and a
# ThreadSanitizer build (unit, stress: one Linter shared by many threads).
# The tests run in a network namespace with no interface (unshare -n) when
# that is allowed (root), so a test or tool that tried the network would
# fail. Ends with one plain line "N passed, N failed, N skipped" over the
# three runs; exits non-zero on any failure.
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

# No network for the tests: a new network namespace has only a loopback
# that is down, so any connect() fails. Needs root (or user namespaces);
# without it the suites run as before and say so.
netns=()
if unshare -n true 2>/dev/null; then
  netns=(unshare -n)
else
  echo "test.sh: unshare -n is not permitted here; tests run with the network" \
       "(the offline suite skips its netns test)" >&2
fi

# The test programs of the given suites, for builds that need only those.
suite_targets() {  # build dir, suite...
  # A test's program and every target it depends on (e.g. the smslint
  # executable a Python test is given as an argument).
  local dir=$1; shift
  python3 - "$dir" "$@" <<'PY'
import json, os, subprocess, sys
d = sys.argv[1]
suites = {"smslint:" + s for s in sys.argv[2:]}
intro = lambda what: json.loads(subprocess.run(
    ["meson", "introspect", d, what], check=True, capture_output=True).stdout)
files = {t["id"]: t["filename"] for t in intro("--targets")}
out = set()
for t in intro("--tests"):
    if suites & set(t["suite"]):
        for f in [t["cmd"][0]] + [f for dep in t.get("depends", [])
                                  for f in files.get(dep, [])]:
            path = os.path.relpath(f, d)
            if not path.startswith(".."):  # not a system program (python3)
                out.add(path)
if out:
    print("\n".join(sorted(out)))
PY
}

run_suite() {  # build dir, [--only], meson setup args..., -- meson test args...
  local dir=$1; shift
  local only=0 setup=() test=() suites=() targets=()
  if [ "${1:-}" = "--only" ]; then only=1; shift; fi
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do setup+=("$1"); shift; done
  shift
  test=("$@")
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" --wrap-mode=nodownload "${setup[@]}" >/dev/null || return 2
  fi
  if ((only)); then  # build only the programs of the suites run
    # Regenerate first when a meson.build changed (a new test), so that the
    # list of programs is the current one.
    ninja -C "$dir" build.ninja >/dev/null || return 2
    while [ $# -gt 0 ]; do
      [ "$1" = "--suite" ] && suites+=("$2")
      shift
    done
    mapfile -t targets < <(suite_targets "$dir" "${suites[@]}")
  fi
  ninja -C "$dir" "${targets[@]}" >/dev/null ||
    { ninja -C "$dir" "${targets[@]}" | tail -30; return 2; }
  "${netns[@]}" meson test -C "$dir" --no-rebuild --num-processes 2 \
    --print-errorlogs "${test[@]}"
}

# UBSan only prints by default; make it fail the test.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
run_suite build -- || status=1
run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false \
  -Dbenchmarks=disabled -- --suite unit --suite fuzz-regress --suite cli || status=1
# Data races: the unit tests and the Linter stress test under TSan.
# tests/tsan.supp silences reports inside libraries that are not built with
# TSan (each entry says why); never smslint's own frames.
TSAN_OPTIONS="suppressions=$PWD/tests/tsan.supp halt_on_error=1 second_deadlock_stack=1" \
  run_suite build-tsan --only -Db_sanitize=thread -Dbenchmarks=disabled \
  -- --suite unit --suite stress || status=1

python3 - build/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
  build-tsan/meson-logs/testlog.json <<'PY'
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
