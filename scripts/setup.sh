#!/usr/bin/env bash
# Installs the Debian packages smslint needs, only those that are missing.
# Idempotent and non-interactive; runs as root or through sudo.
# Usage: scripts/setup.sh [--with-fuzz] [--with-node]
set -euo pipefail

packages=(meson ninja-build pkg-config g++ libphonenumber-dev libprotobuf-dev libicu-dev
          libabsl-dev libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev
          libcli11-dev libmagic-dev libtomlplusplus-dev libre2-dev liburiparser-dev python3 python3-jsonschema python3-phonenumbers
          strace  # strace: tests/offline checks that no network socket is opened
          python3-dev pybind11-dev python3-mesonpy python3-pytest python3-dask python3-distributed
          python3-pandas python3-pip patchelf  # the Python package (bindings/python), its tests, pip install .
          iproute2  # ip: the Dask test brings loopback up in its own network namespace
          chromium)  # tests/cli/html_report_test.py renders batch --report-html headless
for arg in "$@"; do
  case "$arg" in
    --with-fuzz) packages+=(clang-14 libclang-rt-14-dev) ;;
    --with-node) packages+=(nodejs npm)
                 # bindings/node needs node_api.h: nodesource's nodejs ships it, Debian's in libnode-dev.
                 [ -e /usr/include/node/node_api.h ] || packages+=(libnode-dev) ;;
    *) echo "setup.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    # A tool may be present without its Debian package (node from another source).
    case "$p" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup.sh: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
