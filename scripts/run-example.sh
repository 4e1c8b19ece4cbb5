#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build, and lint the
# bundled example messages (data/examples/messages.jsonl).
# Extra arguments go to `smslint check` (e.g. --format jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ ! -f build/build.ninja ]; then
  meson setup build --wrap-mode=nodownload >/dev/null
fi
ninja -C build cli/smslint >/dev/null
set +e
./build/cli/smslint check "$@" data/examples/messages.jsonl
code=$?
set -e
# Exit 1 means "findings at error level", which this example data has on
# purpose; only a usage or I/O error (2) fails the script.
if [ "$code" -eq 2 ]; then exit 2; fi
echo "(smslint exit code: $code; see README.md \"Exit codes\")" >&2
