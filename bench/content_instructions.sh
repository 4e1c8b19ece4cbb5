#!/usr/bin/env bash
# Instructions per Linter::Lint of content scoring (content_bench's four
# body classes), counted by callgrind: the steady-state cost, as
# (I(60 rounds) - I(20 rounds)) / (40 rounds x bodies), so start-up and
# first-use work cancel out. With BASELINE (another checkout whose
# build/ has libsmslint built) the same program is built against it and
# counted in the same run, with the ratio.
#
#   bench/content_instructions.sh                 # this tree's build/
#   bench/content_instructions.sh /work/old-tree  # and a baseline
#   BUILD_DIR=build-rel bench/content_instructions.sh
#
# Needs valgrind and a C++ compiler. Exit 2 on a missing tool or build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-build}
baseline=${1:-}
command -v valgrind >/dev/null || { echo "content_instructions: valgrind is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Builds bench/content_instr.cc against the tree $1 (its $build/src
# libsmslint and headers) as $2.
make_driver() {
  local tree=$1 out=$2
  local lib="$tree/$build/src"
  [ -e "$lib/libsmslint.so" ] || { echo "content_instructions: no $lib/libsmslint.so (build it first)" >&2; exit 2; }
  c++ -std=c++20 -O2 -I "$root/bench" -I "$tree/include" -I "$tree/$build/include" \
    "$root/bench/content_instr.cc" -L "$lib" -lsmslint -Wl,-rpath,"$lib" -o "$out"
}

# Instructions per Lint of driver $1 on class $2.
per_lint() {
  local n bodies
  bodies=$(case $2 in 0|1) echo 8;; *) echo 2;; esac)
  count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      '--toggle-collect=smslint::Linter::Lint(*' "$1" "$2" "$3" 2>&1 |
      awk '/Collected/ {print $NF}'
  }
  local a b
  a=$(count "$1" "$2" 20)
  b=$(count "$1" "$2" 60)
  echo $(( (b - a) / (40 * bodies) ))
}

make_driver "$root" "$tmp/current"
[ -n "$baseline" ] && make_driver "$baseline" "$tmp/baseline"
names=("one segment" "one segment + link" "three segments" "three segments + links")
echo "| class | instructions per Lint | baseline | ratio (baseline / this) |"
echo "|---|---|---|---|"
for c in 0 1 2 3; do
  cur=$(per_lint "$tmp/current" $c)
  if [ -n "$baseline" ]; then
    base=$(per_lint "$tmp/baseline" $c)
    ratio=$(awk -v a="$base" -v b="$cur" 'BEGIN {printf "%.3f", a / b}')
    echo "| $c ${names[$c]} | $cur | $base | ${ratio}x |"
  else
    echo "| $c ${names[$c]} | $cur | | |"
  fi
done
