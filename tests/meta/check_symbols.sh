#!/bin/sh
# The shared library exports only smslint's own symbols (hidden visibility
# plus SMSLINT_API): no ICU, nlohmann, or std instantiations leak.
set -eu
lib="$1"
leaks=$(nm -D --defined-only "$lib" | awk '{print $3}' | c++filt | grep -v 'smslint' || true)
if [ -n "$leaks" ]; then
  echo "symbols outside smslint exported from $lib:"
  echo "$leaks"
  exit 1
fi
echo "$(nm -D --defined-only "$lib" | wc -l) exported symbols, all smslint"
