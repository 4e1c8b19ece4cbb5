#!/bin/sh
# The shared library exports only smslint's own symbols (hidden visibility,
# SMSLINT_API and src/libsmslint.map): C symbols named smslint_* (the C ABI)
# and C++ symbols in namespace smslint (no ICU, nlohmann or std
# instantiations, not even std::vector<smslint::...>). With the C header as
# second argument, also that every function it declares is exported.
set -eu
lib="$1"
header="${2:-}"
syms=$(nm -D --defined-only "$lib" | awk '{print $3}')
bad_c=$(printf '%s\n' "$syms" | grep -v '^_Z' | grep -v '^smslint_' || true)
bad_cxx=$(printf '%s\n' "$syms" | grep '^_Z' | c++filt |
  grep -Ev '^((typeinfo|typeinfo name|vtable) for )?smslint::' || true)
if [ -n "$bad_c$bad_cxx" ]; then
  echo "symbols outside smslint exported from $lib:"
  printf '%s\n' "$bad_c" "$bad_cxx" | grep -v '^$'
  exit 1
fi
if [ -n "$header" ]; then
  missing=""
  for f in $(grep -o 'smslint_[a-z_0-9]*(' "$header" | tr -d '(' | sort -u); do
    printf '%s\n' "$syms" | grep -qx "$f" || missing="$missing $f"
  done
  if [ -n "$missing" ]; then
    echo "declared in $header but not exported:$missing"
    exit 1
  fi
fi
echo "$(printf '%s\n' "$syms" | wc -l) exported symbols," \
  "$(printf '%s\n' "$syms" | grep -c '^smslint_') of them C, all smslint"
