#!/usr/bin/env bash
# Times `smslint batch` against the reference Python pipeline
# (bench/reference_pipeline.py: csv + python3-phonenumbers) on the same
# generated contact list, in one run, one after the other (never at once,
# so they do not share the cores), and prints rows/s, CPU seconds and peak
# RSS for each, with the ratios. See docs/batch-bench.md.
#
#   bench/batch_bench.sh [ROWS] [--memory] [--jobs-sweep] [--no-python]
#
#   ROWS          rows in the list (default 1000000)
#   --memory      also run 10,000,000 rows through smslint only and print
#                 peak RSS for ROWS vs 10 M (the list goes to a file when
#                 `df` shows room for it, else it is streamed through a FIFO)
#   --jobs-sweep  also print smslint's rows/s for --jobs 1 and --jobs 2
#   --no-python   skip the Python reference
#
# Environment:
#   SMSLINT    the binary (default build/cli/smslint)
#   FORMAT     smslint's --format for the timed runs (default jsonl; csv
#              shows how much of the time goes into writing JSON reports)
#   JOBS       passed as --jobs N to the main smslint run (default: not given)
#   PYTHON     the interpreter for the reference (default /usr/bin/python3,
#              which has python3-phonenumbers on Debian 12)
#   GENPY      the interpreter for the generator (default: python3)
#   SEED       generator seed (default 1)
#   CACHE_DIR  where generated lists are kept between runs
#              (default ${XDG_CACHE_HOME:-$HOME/.cache}/smslint-batch-bench)
#
# Needs no network. Exit status: 0, or 1 when something could not run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
smslint=${SMSLINT:-$root/build/cli/smslint}
format=${FORMAT:-jsonl}
python=${PYTHON:-/usr/bin/python3}
genpy=${GENPY:-python3}
seed=${SEED:-1}
cache=${CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/smslint-batch-bench}
sender=+14155550100  # fictitious (NANP 555-01xx); without it every row has from/missing
template='Hi {{first_name}}, your order {{order}} ships today. Track it at https://maple-and-co.com/t/{{order}} Reply STOP to opt out'

rows=1000000
memory=0
sweep=0
run_python=1
for arg in "$@"; do
  case $arg in
    --memory) memory=1 ;;
    --jobs-sweep) sweep=1 ;;
    --no-python) run_python=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    ''|*[!0-9]*) echo "batch_bench: unknown argument: $arg" >&2; exit 2 ;;
    *) rows=$arg ;;
  esac
done

die() { echo "batch_bench: $*" >&2; exit 1; }

[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
[ -x "$smslint" ] || die "no smslint binary at $smslint (ninja -C build, or SMSLINT=path)"
"$smslint" batch --help 2>&1 | grep -q -- '--template' ||
  die "$smslint has no 'batch' command yet"
if [ "$run_python" = 1 ] && ! "$python" -c 'import phonenumbers' 2>/dev/null; then
  die "$python cannot import phonenumbers (apt-get install python3-phonenumbers, or --no-python)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/batch-bench.XXXXXX")
fifo_pid=
cleanup() {
  if [ -n "$fifo_pid" ]; then kill "$fifo_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$cache"

gen_tag=$(sha1sum "$root/tools/gen_contacts.py" | cut -c1-8)

# free bytes on the file system holding $1
free_bytes() { df -P -k "$1" | awk 'NR==2 { printf "%.0f\n", $4 * 1024 }'; }

# list_for N: prints the path of a cached list of N rows, generating it
# when missing (to a temporary name first, so a killed run leaves nothing).
list_for() {
  local n=$1 f="$cache/contacts-$1-s$seed-$gen_tag.csv"
  if [ ! -s "$f" ]; then
    echo "generating $n rows -> $f" >&2
    "$genpy" "$root/tools/gen_contacts.py" "$n" --seed "$seed" --out "$f.tmp" --stats >&2
    mv "$f.tmp" "$f"
  fi
  printf '%s\n' "$f"
}

# timed NAME CMD...: runs CMD under /usr/bin/time -v; leaves NAME.time.
timed() {
  local name=$1; shift
  if ! /usr/bin/time -v -o "$work/$name.time" "$@" 2>"$work/$name.err"; then
    echo "batch_bench: '$name' failed:" >&2
    tail -n 20 "$work/$name.err" >&2
    exit 1
  fi
}

# tstat NAME KEY: wall|cpu|rss (seconds, seconds, MiB) from NAME.time
tstat() {
  awk -v key="$2" -F': ' '
    /Elapsed \(wall clock\) time/ {
      n = split($2, p, ":"); w = 0
      for (i = 1; i <= n; i++) w = w * 60 + p[i]
    }
    /User time \(seconds\)/   { u = $2 }
    /System time \(seconds\)/ { s = $2 }
    /Maximum resident set size/ { r = $2 }
    END {
      if (key == "wall") printf "%.2f", w
      else if (key == "cpu") printf "%.2f", u + s
      else printf "%.1f", r / 1024
    }' "$work/$1.time"
}

per_second() { awk -v n="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.0f", n / t; else print "inf" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "n/a" }'; }
summary_field() {
  "$python" -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2]))' "$1" "$2"
}

smslint_run() {  # NAME FILE [extra args]
  local name=$1 file=$2; shift 2
  timed "$name" "$smslint" batch "$file" --format "$format" --output /dev/null \
    --summary "$work/$name.json" --quiet --exit-zero --region US --from "$sender" \
    --template "$template" "$@"
}

list=$(list_for "$rows")
cat "$list" >/dev/null  # warm the page cache for both sides
size_mb=$(du -m "$list" | cut -f1)
jobs_args=()
[ -n "${JOBS:-}" ] && jobs_args=(--jobs "$JOBS")

echo "list: $list ($rows rows, ${size_mb} MB)"
echo "smslint: $smslint --format $format ${jobs_args[*]:-}"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo

smslint_run smslint "$list" "${jobs_args[@]}"
s_rows=$(summary_field "$work/smslint.json" rows)
s_wall=$(tstat smslint wall); s_cpu=$(tstat smslint cpu); s_rss=$(tstat smslint rss)
s_rps=$(per_second "$rows" "$s_wall")

if [ "$run_python" = 1 ]; then
  timed python "$python" "$root/bench/reference_pipeline.py" "$list" \
    --template "$template" --region US --output /dev/null \
    --summary "$work/python.json"
  p_rows=$(summary_field "$work/python.json" rows)
  p_wall=$(tstat python wall); p_cpu=$(tstat python cpu); p_rss=$(tstat python rss)
  p_rps=$(per_second "$rows" "$p_wall")
fi

fmt='%-22s %10s %9s %11s %10s %12s %10s\n'
printf "$fmt" "pipeline" "rows" "wall s" "rows/s" "CPU s" "CPU us/row" "peak MB"
printf "$fmt" "smslint batch" "$s_rows" "$s_wall" "$s_rps" "$s_cpu" \
  "$(awk -v c="$s_cpu" -v n="$rows" 'BEGIN{printf "%.2f", c*1e6/n}')" "$s_rss"
if [ "$run_python" = 1 ]; then
  printf "$fmt" "python reference" "$p_rows" "$p_wall" "$p_rps" "$p_cpu" \
    "$(awk -v c="$p_cpu" -v n="$rows" 'BEGIN{printf "%.2f", c*1e6/n}')" "$p_rss"
  echo
  echo "ratio rows/s (smslint / python):        $(ratio "$s_rps" "$p_rps")"
  echo "ratio CPU seconds (python / smslint):   $(ratio "$p_cpu" "$s_cpu")"
  for k in rows_with_errors duplicates segments_total; do
    printf '%-22s smslint %-10s python %s\n' "$k" \
      "$(summary_field "$work/smslint.json" "$k")" "$(summary_field "$work/python.json" "$k")"
  done
  # Rule counts for the rules both pipelines implement (numbers, duplicates,
  # encoding); the others (content, sender, media) are smslint's alone.
  "$python" - "$work/smslint.json" "$work/python.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])).get("rules", {})
p = json.load(open(sys.argv[2])).get("rules", {})
shared = sorted(set(s) & set(p))
diff = [r for r in shared if s[r] != p[r]]
print("rules in both: %d, same counts: %d%s" % (
    len(shared), len(shared) - len(diff),
    "" if not diff else "; differ: " + ", ".join(
        "%s %d vs %d" % (r, s[r], p[r]) for r in diff)))
if json.load(open(sys.argv[1])).get("duplicate_tracking_capped"):
    print("note: smslint's duplicate table filled up (duplicate_tracking_capped:"
          " more than 786,432 distinct recipients), so it reports fewer"
          " duplicates than the reference, which remembers every number")
only = sorted(set(s) - set(p))
if only:
    print("smslint only: " + ", ".join("%s %d" % (r, s[r]) for r in only))
PY
  [ "$s_rows" = "$rows" ] || echo "warning: smslint counted $s_rows rows, expected $rows" >&2
  [ "$p_rows" = "$rows" ] || echo "warning: python counted $p_rows rows, expected $rows" >&2
fi

if [ "$sweep" = 1 ]; then
  echo
  echo "jobs sweep ($rows rows):"
  for j in 1 2; do
    smslint_run "jobs$j" "$list" --jobs "$j"
    w=$(tstat "jobs$j" wall)
    printf '  --jobs %s  %9s rows/s  wall %6s s  CPU %6s s  peak %6s MB\n' \
      "$j" "$(per_second "$rows" "$w")" "$w" "$(tstat "jobs$j" cpu)" "$(tstat "jobs$j" rss)"
  done
fi

if [ "$memory" = 1 ]; then
  big=10000000
  echo
  bytes_per_row=$(awk -v s="$(stat -c %s "$list" 2>/dev/null || wc -c <"$list")" -v n="$rows" \
    'BEGIN { printf "%d", (n > 0 ? s / n : 80) + 1 }')
  need=$(( big * bytes_per_row * 12 / 10 ))
  big_list="$cache/contacts-$big-s$seed-$gen_tag.csv"
  if [ -s "$big_list" ] || [ "$(free_bytes "$cache")" -gt "$need" ]; then
    big_list=$(list_for "$big")
    how="file"
  else
    echo "not enough room in $cache for $((need / 1048576)) MB: streaming through a FIFO"
    mkfifo "$work/big.fifo"
    "$genpy" "$root/tools/gen_contacts.py" "$big" --seed "$seed" --out "$work/big.fifo" &
    fifo_pid=$!
    big_list=$work/big.fifo
    how="fifo; rows/s includes the generator sharing the CPU"
  fi
  smslint_run big "$big_list" "${jobs_args[@]}"
  if [ -n "$fifo_pid" ]; then wait "$fifo_pid" || true; fifo_pid=; fi
  b_wall=$(tstat big wall)
  echo "memory ($how):"
  printf '  %10s rows: peak RSS %8s MB  (%s rows/s)\n' "$rows" "$s_rss" "$s_rps"
  printf '  %10s rows: peak RSS %8s MB  (%s rows/s)\n' "$big" "$(tstat big rss)" \
    "$(per_second "$big" "$b_wall")"
  echo "  rows counted: $(summary_field "$work/big.json" rows)"
fi
