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
# 1. Messages as JSON Lines: every check, one report per line.
# --media-root .: the example media paths are relative to the repository
# (file access from input data is off without it; README "Security notes").
# --now pins "now" for the scheduling examples (send_at), so the output
# does not change with the day it runs.
./build/cli/smslint check --media-root . --now 2026-12-03T12:00:00Z "$@" data/examples/messages.jsonl
code=$?
# 2. A messy contact list (BOM, CRLF, quoted line breaks, national formats,
#    duplicates) through `smslint batch` with a personalised template, the
#    operator's way: check, fix, send the clean list. The findings per row
#    (warnings and errors), then what can be sent (as is, after the safe
#    fixes), what is blocked and why, and the cost; the clean list, the
#    rejects and an HTML report go to out/example/.
echo
out=out/example
mkdir -p "$out"
./build/cli/smslint batch data/examples/contacts.csv --region US --now 2026-12-03T20:00:00Z \
  --from +14155550100 --kind marketing --price-per-segment 0.0083 \
  --template 'Hi {{first_name}}, your order {{order}} ships today. Track it at https://maple-and-co.com/t/{{order}} Reply STOP to opt out' \
  --fix --output "$out/clean.csv" --rejects "$out/rejects.csv" \
  --summary "$out/summary.json" --report-html "$out/report.html"
batch_code=$?
echo "(clean list: $out/clean.csv, rejects: $out/rejects.csv, report: $out/report.html, summary: $out/summary.json)"
# 3. The account (data/examples/smslint.toml: geo permissions, suppression
#    lists, 10DLC and toll-free senders, campaigns, quiet hours): one message
#    per finding. --now (noon in California) keeps the quiet-hours row
#    reproducible: marketing is checked against the recipient's local time.
echo
./build/cli/smslint check --config data/examples/smslint.toml --now 2026-12-03T20:00:00Z \
  data/examples/account.jsonl
account_code=$?
# 4. Sign-ups with SMS-pumping patterns (sequential numbers, one number
#    block, unexpected and high-risk countries, a premium-rate number).
echo
./build/cli/smslint batch data/examples/signups.csv --config data/examples/smslint.toml \
  --from +14155550100 --template 'Acme: your code is 123456'
pumping_code=$?
set -e
# Exit 1 means "findings at error level", which this example data has on
# purpose; only a usage or I/O error (2) fails the script.
if [ "$code" -eq 2 ] || [ "$batch_code" -eq 2 ] || [ "$account_code" -eq 2 ] ||
   [ "$pumping_code" -eq 2 ]; then exit 2; fi
echo "(smslint exit codes: check $code, batch $batch_code, account $account_code, pumping $pumping_code; see README.md \"Exit codes\")" >&2
