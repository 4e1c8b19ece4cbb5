#!/usr/bin/env python3
"""The work of bench/run_all.sh: runs each issue-15 measurement next to its
baseline, one after the other (never at once), and prints one table."""

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT, BUILD = sys.argv[1], sys.argv[2]
SMSLINT = os.environ.get("SMSLINT", os.path.join(BUILD, "cli", "smslint"))
ROWS = int(os.environ.get("ROWS", "200000"))
REPS = int(os.environ.get("REPS", "5"))
# "Now" pinned to a weekday afternoon in the US, so quiet hours (which fire
# at night for marketing messages) do not make figures depend on the time
# of the run.
NOW = ["--now", "2026-12-03T22:00:00Z"]
ROWS_OUT = []  # (figure, value, baseline, baseline value, ratio, goal)


def row(figure, value, base_name="", base_value="", ratio="", goal=""):
    ROWS_OUT.append((figure, value, base_name, base_value, ratio, goal))
    print(f"  {figure}: {value}  [{base_name} {base_value}] {ratio}",
          file=sys.stderr)


def gnu_time(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """(cpu seconds, wall seconds, peak RSS MB) of one run of cmd."""
    with tempfile.NamedTemporaryFile("r") as tf:
        t0 = time.monotonic()
        subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", tf.name] + cmd,
                       stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL,
                       check=False)
        wall = time.monotonic() - t0
        u, s, m = tf.read().split()[-3:]
        return float(u) + float(s), wall, int(m) / 1024


def median_time(cmd, reps=REPS, **kw):
    runs = [gnu_time(cmd, **kw) for _ in range(reps)]
    return (statistics.median(r[0] for r in runs),
            statistics.median(r[1] for r in runs), max(r[2] for r in runs))


def prog(name):
    p = os.path.join(BUILD, "bench", name)
    return p if os.access(p, os.X_OK) else None


def cold_start(work):
    one = os.path.join(work, "one.jsonl")
    with open(one, "w") as f:
        f.write('{"to":"+14155550132","body":"Hi Ana, your code is 4411. '
                'Reply STOP to opt out."}\n')
    base = median_time([SMSLINT, "--version"])
    chk = median_time([SMSLINT, "check", *NOW, "--format", "jsonl", "--exit-zero", one])
    row("cold start: check of one line, CPU ms (median of %d)" % REPS,
        f"{chk[0] * 1e3:.0f}", "smslint --version", f"{base[0] * 1e3:.0f} (< 1 ms counts as 1)",
        f"{chk[0] / max(base[0], 1e-3):.0f}x", "< 30 ms")
    row("cold start: check of one line, peak RSS MB", f"{chk[2]:.1f}",
        "smslint --version", f"{base[2]:.1f}",
        f"{chk[2] / base[2]:.1f}x", "< 30 MB")
    nc = median_time([SMSLINT, "check", *NOW, "--format", "jsonl", "--exit-zero",
                      "--disable", "content", one])
    row("cold start: same with --disable content, CPU ms", f"{nc[0] * 1e3:.0f}",
        "all rules", f"{chk[0] * 1e3:.0f}", f"{nc[0] / chk[0]:.2f}x")


def linter_start():
    p = prog("linter_start")
    if not p:
        row("Linter construction", "skipped (no bench/linter_start)")
        return
    runs = [json.loads(subprocess.run([p], capture_output=True, text=True,
                                      check=True).stdout) for _ in range(REPS)]
    first = statistics.median(r["first_cpu_s"] for r in runs)
    second = statistics.median(r["second_cpu_s"] for r in runs)
    row("Linter construction, first in process, CPU ms", f"{first * 1e3:.1f}",
        "", "", "", "< 20 ms")
    row("Linter construction, second in process, CPU ms", f"{second * 1e3:.2f}",
        "first", f"{first * 1e3:.1f}", f"{second / first:.5f}x", "< 5 ms")


def check_throughput(work):
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "corpus.py"),
                    work, "--realistic", "4000"], check=True)
    src = os.path.join(work, "realistic.jsonl")
    big = os.path.join(work, "realistic-x5.jsonl")
    with open(src, "rb") as f:
        data = f.read()
    with open(big, "wb") as f:
        f.write(data * 5)
    n = 20000
    res = {}
    for name, extra in (("all", []), ("no-content", ["--disable", "content"])):
        res[name] = median_time([SMSLINT, "check", *NOW, "--format", "jsonl",
                                 "--exit-zero", *extra, big], reps=3)
    all_rate = n / res["all"][0]
    row("check --format jsonl, realistic corpus, msgs/s per CPU-s",
        f"{all_rate:,.0f}", "", "", "", ">= 100k")
    nc_rate = n / res["no-content"][0]
    row("same with --disable content, msgs/s per CPU-s", f"{nc_rate:,.0f}",
        "all rules", f"{all_rate:,.0f}", f"{nc_rate / all_rate:.2f}x")
    npm = os.environ.get("NPM_REF", os.path.join(ROOT, "tools", "npm-ref"))
    if shutil.which("node") and os.path.isdir(
            os.path.join(npm, "node_modules", "sms-segments-calculator")):
        out = subprocess.run(
            ["node", os.path.join(ROOT, "bench", "time_npm.mjs"), npm,
             "--passes", "3", src], capture_output=True, text=True, check=True)
        twilio = json.loads(out.stdout.splitlines()[0])["msgs_per_s"]
        row("  vs Twilio's calculator (npm), msgs/s", f"{all_rate:,.0f}",
            "npm calculator", f"{twilio:,.0f}", f"{all_rate / twilio:.0f}x",
            ">= 150x")
    else:
        row("  vs Twilio's calculator (npm)",
            "skipped: no tools/npm-ref/node_modules (npm ci --prefix tools/npm-ref;"
            " or NPM_REF=DIR)")


def batch(work):
    lst = os.path.join(work, "contacts.csv")
    with open(lst, "w") as f:
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "gen_contacts.py"),
                        str(ROWS), "--seed", "1"], stdout=f, check=True)
    template = ("Hi {{first_name}}, your order {{order}} ships today. Track it "
                "at https://maple-and-co.com/t/{{order}} Reply STOP to opt out")
    common = ["batch", lst, *NOW, "--format", "jsonl", "--output", "/dev/null",
              "--quiet", "--exit-zero", "--region", "US", "--from",
              "+14155550100", "--template", template]
    rates = {}
    ours_sum = os.path.join(work, "ours.json")
    for jobs in (1, 2):
        cpu, wall, rss = median_time([SMSLINT, *common, "--jobs", str(jobs),
                                      "--summary", ours_sum], reps=1)
        rates[jobs] = (ROWS / wall, rss)
    dups = json.load(open(ours_sum)).get("duplicates")
    py = None
    if not os.environ.get("NO_PYTHON"):
        ref = os.path.join(ROOT, "bench", "reference_pipeline.py")
        py_sum = os.path.join(work, "python.json")
        cpu, wall, rss = gnu_time(["/usr/bin/python3", ref, lst, "--region", "US",
                                   "--template", template, "--output", "/dev/null",
                                   "--summary", py_sum])
        py = ROWS / wall
        row("batch duplicates found (exact at any size)", f"{dups:,}",
            "Python reference", f"{json.load(open(py_sum)).get('duplicates'):,}")
    for jobs in (1, 2):
        rate, rss = rates[jobs]
        row(f"batch --format jsonl --jobs {jobs}, rows/s (wall; {ROWS:,} rows;"
            f" peak {rss:.0f} MB)", f"{rate:,.0f}",
            "Python reference" if py else "", f"{py:,.0f}" if py else "",
            f"{rate / py:.1f}x" if py else "", ">= 300k (2 cores)")


def segments(work):
    p = prog("segments_timer")
    if not p:
        row("segment count", "skipped (no bench/segments_timer)")
        return
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "corpus.py"), work],
                   check=True)
    sets = [os.path.join(work, s + ".jsonl") for s in
            ("ascii-long", "mixed-long", "emoji-long")]
    def run(*extra):
        out = subprocess.run([p, "--count", "--passes", "5", *extra, *sets],
                             capture_output=True, text=True, check=True).stdout
        return {json.loads(l)["set"]: json.loads(l)["mb_per_s"] / 1e3
                for l in out.splitlines()}
    r = run()
    ref = run("--reference")  # the general per-code-point pass (the oracle)
    for name, goal in (("mixed-long", ">= 1 GB/s"), ("emoji-long", ">= 0.4 GB/s")):
        row(f"segment count, {name} bodies, GB/s", f"{r[name]:.2f}",
            "general pass", f"{ref[name]:.2f}", f"{r[name] / ref[name]:.2f}x", goal)
    row("segment count, ascii-long bodies, GB/s", f"{r['ascii-long']:.2f}",
        "general pass", f"{ref['ascii-long']:.2f}",
        f"{r['ascii-long'] / ref['ascii-long']:.2f}x")


def content():
    p = prog("content_bench")
    if not p:
        row("content scoring", "skipped (no bench/content_bench)")
        return
    out = subprocess.run(
        [p, "--benchmark_format=json", "--benchmark_min_time=0.3",
         "--benchmark_filter=/class:0$"],
        capture_output=True, text=True, check=True).stdout
    b = {x["name"].split("/")[0]: x["items_per_second"]
         for x in json.loads(out)["benchmarks"]}
    row("content scoring (Lint, body+content rules), one segment, msgs/s",
        f"{b['BM_Lint']:,.0f}", "AnalyzeSegments alone", f"{b['BM_SegmentsOnly']:,.0f}",
        f"{b['BM_Lint'] / b['BM_SegmentsOnly']:.3f}x", ">= 400k")
    row("Lint, all rules, one segment, msgs/s", f"{b['BM_LintAll']:,.0f}")
    row("Lint, content disabled, one segment, msgs/s",
        f"{b['BM_LintContentDisabled']:,.0f}", "all rules",
        f"{b['BM_LintAll']:,.0f}",
        f"{b['BM_LintContentDisabled'] / b['BM_LintAll']:.2f}x")


def main():
    with tempfile.TemporaryDirectory() as work:
        for step in (cold_start, linter_start, check_throughput, batch,
                     segments, content):
            print(f"run_all: {step.__name__}...", file=sys.stderr)
            try:
                step(work) if step.__code__.co_argcount else step()
            except (subprocess.CalledProcessError, KeyError, ValueError) as e:
                row(step.__name__, f"failed: {e}")
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs ({cpu}), "
          f"{time.strftime('%Y-%m-%d')}; binary {SMSLINT}")
    print()
    print("| figure | value | baseline | baseline value | ratio | goal |")
    print("|---|---|---|---|---|---|")
    for r in ROWS_OUT:
        print("| " + " | ".join(r) + " |")


main()
