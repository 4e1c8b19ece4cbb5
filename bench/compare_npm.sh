#!/usr/bin/env bash
# Times smslint's segment engine (build/bench/segments_timer) and the npm
# reference calculator (tools/npm-ref, via bench/time_npm.mjs) on the same
# bodies (bench/corpus.py, fixed seed) in one run, and prints a table:
# messages/s, MB/s (10^6 UTF-8 bytes) and the ratio ours/npm per body set.
# Both sides: one warm-up pass, then the median of PASSES timed passes; they
# run one after the other, never at once, so they do not share the cores.
#
#   bench/compare_npm.sh              # PASSES=5 BUILD_DIR=build
#   SMART=1 bench/compare_npm.sh      # both with Smart Encoding on
#
# Skips (exit 0) when node or tools/npm-ref/node_modules is missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
passes=${PASSES:-5}
min_seconds=${MIN_SECONDS:-0.2}
npm_ref=$root/tools/npm-ref
timer=$build/bench/segments_timer

if ! command -v node >/dev/null 2>&1; then
  echo "compare_npm: skipped: node not found (scripts/setup.sh --with-node)"
  exit 0
fi
if [ ! -d "$npm_ref/node_modules/sms-segments-calculator" ]; then
  echo "compare_npm: skipped: no $npm_ref/node_modules (npm ci --prefix tools/npm-ref)"
  exit 0
fi
if [ ! -x "$timer" ]; then
  ninja -C "$build" bench/segments_timer >/dev/null || {
    echo "compare_npm: cannot build $timer (meson setup $build first)" >&2
    exit 1
  }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/corpus.py" "$work/corpus"
sets=()
for kind in ascii gsm-ext mixed emoji; do
  for size in short long; do sets+=("$work/corpus/$kind-$size.jsonl"); done
done
smart_flag=()
if [ -n "${SMART:-}" ]; then smart_flag=(--smart); fi

echo "compare_npm: timing smslint (${passes} passes per set)..." >&2
"$timer" --passes "$passes" --min-seconds "$min_seconds" "${smart_flag[@]}" \
  "${sets[@]}" >"$work/ours.jsonl"
echo "compare_npm: timing sms-segments-calculator (node $(node --version))..." >&2
node "$root/bench/time_npm.mjs" "$npm_ref" --passes "$passes" \
  --min-seconds "$min_seconds" "${smart_flag[@]}" "${sets[@]}" >"$work/npm.jsonl"

python3 - "$work/ours.jsonl" "$work/npm.jsonl" <<'EOF'
import json, sys
ours, npm = ([json.loads(l) for l in open(p)] for p in sys.argv[1:3])
print(f"mode: {ours[0]['mode']}, median of {ours[0]['passes']} passes")
head = ("set", "msgs", "KB", "ours msg/s", "ours MB/s", "npm msg/s",
        "npm MB/s", "ours/npm")
rows = []
tot = {"m": 0, "b": 0, "to": 0.0, "tn": 0.0}
for o, n in zip(ours, npm):
    assert o["set"] == n["set"] and o["bytes"] == n["bytes"], (o, n)
    rows.append((o["set"], o["messages"], f"{o['bytes'] / 1e3:.0f}",
                 f"{o['msgs_per_s']:,.0f}", f"{o['mb_per_s']:.1f}",
                 f"{n['msgs_per_s']:,.0f}", f"{n['mb_per_s']:.3f}",
                 f"{o['msgs_per_s'] / n['msgs_per_s']:,.0f}x"))
    tot["m"] += o["messages"]; tot["b"] += o["bytes"]
    tot["to"] += o["median_s"]; tot["tn"] += n["median_s"]
rows.append(("all", tot["m"], f"{tot['b'] / 1e3:.0f}",
             f"{tot['m'] / tot['to']:,.0f}", f"{tot['b'] / tot['to'] / 1e6:.1f}",
             f"{tot['m'] / tot['tn']:,.0f}", f"{tot['b'] / tot['tn'] / 1e6:.3f}",
             f"{tot['tn'] / tot['to']:,.0f}x"))
widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
for r in [head] + rows:
    print("  ".join(str(v).rjust(w) if i else str(v).ljust(w)
                    for i, (v, w) in enumerate(zip(r, widths))))
EOF
