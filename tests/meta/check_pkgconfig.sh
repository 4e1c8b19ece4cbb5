#!/bin/sh
# smslint.pc gives consumers only what they need: the installed file's Cflags
# are -I${includedir} alone (no dependency's -D or -pthread, which
# Requires.private would bring in). With the uninstalled .pc of this build
# a C++17 program and a C11 program are compiled, linked against
# libsmslint.so and run; the C program's reports must equal
# `smslint check --format jsonl` on the same lines and configuration, up to
# "line" (null in the C ABI).
# Usage: check_pkgconfig.sh BUILD_ROOT SOURCE_ROOT SMSLINT; $CC and $CXX name
# the compilers.
set -eu
build="$1"
src="$2"
smslint="$3"
here="$src/tests/meta"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

installed=$(PKG_CONFIG_PATH="$build/meson-private" PKG_CONFIG_DISABLE_UNINSTALLED=1 \
  pkg-config --cflags smslint)
includedir=$(PKG_CONFIG_PATH="$build/meson-private" PKG_CONFIG_DISABLE_UNINSTALLED=1 \
  pkg-config --variable=includedir smslint)
[ "$(echo $installed)" = "-I$includedir" ] ||
  fail "installed smslint.pc: Cflags '$installed', expected '-I$includedir'"
grep -q '^Requires' "$build/meson-private/smslint.pc" &&
  fail "installed smslint.pc has Requires: $(grep '^Requires' "$build/meson-private/smslint.pc")"

export PKG_CONFIG_PATH="$build/meson-uninstalled"
cflags=$(pkg-config --cflags smslint-uninstalled)
libs=$(pkg-config --libs smslint-uninstalled)
rpath=""
for f in $cflags; do
  case "$f" in -I*) ;; *) fail "uninstalled smslint.pc: Cflags '$cflags' has $f" ;; esac
done
for f in $libs; do
  case "$f" in -L*) rpath="$rpath -Wl,-rpath,${f#-L}" ;; esac
done

# shellcheck disable=SC2086  # flags are word lists
$CXX -std=c++17 -Wall -Wextra -Werror $cflags "$here/pkgconfig_consumer.cc" \
  -o "$tmp/cxx_consumer" $libs $rpath || fail "C++17 consumer does not build"
"$tmp/cxx_consumer" || fail "C++17 consumer"
# shellcheck disable=SC2086
$CC -std=c11 -Wall -Wextra -Wpedantic -Werror $cflags "$here/pkgconfig_consumer.c" \
  -o "$tmp/c_consumer" $libs $rpath || fail "C11 consumer does not build"

printf '[lint]\nmax_segments = 2\n\n[content]\nbrand = "Acme"\n' > "$tmp/config.toml"
input="$src/data/examples/messages.jsonl"
"$tmp/c_consumer" "$tmp/config.toml" < "$input" > "$tmp/capi.jsonl" ||
  fail "C11 consumer"
# smslint check's report of line N, with "line":null instead of N.
cli_reports() {
  "$smslint" check --format jsonl --exit-zero --config "$tmp/config.toml" "$1" |
    sed -E 's/^(\{"format_version":1,"id":"([^"\\]|\\.)*","line":)[0-9]+,/\1null,/'
}
cli_reports "$input" > "$tmp/cli.jsonl"
[ -s "$tmp/cli.jsonl" ] || fail "smslint check wrote nothing"
[ "$(wc -l < "$tmp/cli.jsonl")" = "$(wc -l < "$tmp/capi.jsonl")" ] ||
  fail "smslint check and the C ABI wrote different numbers of reports"
# Reports of input problems name the line ("line 8 is not valid JSON"),
# which is always 1 in the C ABI: those lines are compared with smslint
# check on a file holding that line alone.
n=0
single=0
while IFS= read -r capi; do
  n=$((n + 1))
  cli=$(sed -n "${n}p" "$tmp/cli.jsonl")
  if [ "$cli" != "$capi" ]; then
    sed -n "${n}p" "$input" > "$tmp/one.jsonl"
    cli=$(cli_reports "$tmp/one.jsonl")
    single=$((single + 1))
  fi
  [ "$cli" = "$capi" ] ||
    fail "line $n: the C ABI's report differs from smslint check's:
$capi
$cli"
done < "$tmp/capi.jsonl"
echo "smslint.pc ok; C++17 and C11 consumers built and ran;" \
  "$n C ABI reports equal smslint check's ($single of them on the line alone)"
