#!/usr/bin/env python3
"""Figures for the Python package (README, "Python"): the binding's cost per
message against the C++ Lint of the same message in the same process,
lint_many on 1 and 2 threads, and smslint.dask on a 2-process LocalCluster
against `smslint batch --jobs 2` on the same file. Not a test: numbers
depend on the machine and its load.

  PYTHONPATH=build/bindings/python /usr/bin/python3 bench/python_bench.py \
      [--many 100000] [--rows 100000] [--no-dask]
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import smslint
from smslint import _smslint

MESSAGE = {"to": "+14155550132", "from": "+14155550100", "body": "Your code is 123456"}
KWARGS = {"to": "+14155550132", "from_": "+14155550100", "body": "Your code is 123456"}


def best(fn, n, repeat=5):
    """The best of `repeat` runs of fn() n times, in ns of this thread's CPU
    time per call (the C++ figures are thread CPU time too: on a shared
    machine wall time measures the neighbours)."""
    times = []
    for _ in range(repeat):
        start = time.thread_time()
        for _ in range(n):
            fn()
        times.append((time.thread_time() - start) / n * 1e9)
    return min(times)


def per_message(n):
    linter = smslint.Linter()
    text = json.dumps(MESSAGE)
    cpp = [_smslint._bench_lint_cpp(linter._core, text, n) for _ in range(5)]
    lint_json_ns = min(c[0] for c in cpp)
    lint_ns = min(c[1] for c in cpp)
    parse_ns = min(c[2] for c in cpp)
    py_kwargs = best(lambda: linter.lint(**KWARGS), n)
    py_ok = best(lambda: linter.lint(**KWARGS).ok, n)
    py_text = best(lambda: linter.lint(text), n)
    print(f"one message, {n} times, best of 5 (ns of thread CPU time per message):")
    print(f"  C++ Linter::Lint (decoded Message)     {lint_ns:9.0f}")
    print(f"  C++ ParseMessage (JSON decode alone)   {parse_ns:9.0f}")
    print(f"  C++ Linter::LintJson (decode + lint)   {lint_json_ns:9.0f}")
    print(f"  Python linter.lint(**kwargs)           {py_kwargs:9.0f}"
          f"   binding overhead vs LintJson {py_kwargs - lint_json_ns:6.0f}")
    print(f"  Python linter.lint(**kwargs).ok        {py_ok:9.0f}")
    print(f"  Python linter.lint(json_text)          {py_text:9.0f}"
          f"   binding overhead vs LintJson {py_text - lint_json_ns:6.0f}")


def many(n):
    linter = smslint.Linter()
    bodies = ["Your code is 123456", "It’s 50% OFF today only! Reply STOP to opt out",
              "Hi Ann, your order has shipped: https://example.com/t/123", "a" * 200]
    rnd = random.Random(1)
    messages = [{"to": f"+1415555{rnd.randint(0, 9999):04d}", "from": "+14155550100",
                 "body": rnd.choice(bodies)} for _ in range(n)]
    times = {}
    # Wall time: the point is the threads; meaningful on an idle machine
    # only. CPU time says where the work goes on any machine: the calling
    # thread's (under the GIL) and the process's (all threads).
    for threads in (1, 2):
        runs = []
        for _ in range(3):
            start, own, cpu = time.perf_counter(), time.thread_time(), time.process_time()
            linter.lint_many(messages, threads=threads)
            runs.append((time.perf_counter() - start, time.thread_time() - own,
                         time.process_time() - cpu))
        wall, own, cpu = min(runs)
        times[threads] = wall
        print(f"lint_many {n} messages, {threads} thread(s): {wall:.2f} s, "
              f"{n / wall:,.0f} messages/s; CPU {cpu:.2f} s, {own:.2f} s of it on the "
              f"calling thread; on {threads} idle core(s) about "
              f"{max(cpu / threads, own):.2f} s")
    print(f"lint_many 2 threads / 1 thread: {times[1] / times[2]:.2f}x (wall)")


def dask_vs_batch(rows, smslint_exe):
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    from smslint.dask import lint_dataframe
    folder = tempfile.mkdtemp(prefix="smslint-bench-")
    src = os.path.join(folder, "contacts.csv")
    rnd = random.Random(1)
    with open(src, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "phone", "message"])
        for i in range(rows):
            w.writerow([i + 1, f"+1415555{rnd.randint(0, 9999):04d}",
                        rnd.choice(["Your code is 123456", "It’s 50% OFF! Reply STOP to opt out"])])
    start = time.perf_counter()
    subprocess.run([smslint_exe, "batch", "--format", "csv", "--jobs", "2", "--quiet",
                    "--exit-zero", "--output", os.path.join(folder, "batch.csv"), src],
                   check=True)
    batch_s = time.perf_counter() - start
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None, host="127.0.0.1") as cluster, Client(cluster):
        df = dd.read_csv(src, blocksize=1 << 20, dtype=str, keep_default_na=False)
        lint_dataframe(df.partitions[:1]).compute()  # workers import smslint, build a Linter
        start = time.perf_counter()
        lint_dataframe(df).to_csv(os.path.join(folder, "dask-*.csv"))
        dask_s = time.perf_counter() - start
    print(f"{rows} rows, CSV in, CSV out ({df.npartitions} partitions):")
    print(f"  smslint batch --jobs 2 (process start included) {rows / batch_s:10,.0f} rows/s")
    print(f"  smslint.dask, LocalCluster 2 processes          {rows / dask_s:10,.0f} rows/s")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=20000, help="calls per single-message timing")
    p.add_argument("--many", type=int, default=100000)
    p.add_argument("--rows", type=int, default=100000)
    p.add_argument("--no-dask", action="store_true")
    p.add_argument("--smslint", default=os.environ.get("SMSLINT", "build/cli/smslint"))
    args = p.parse_args()
    print(f"smslint {smslint.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPU(s), load {os.getloadavg()[0]:.1f}")
    per_message(args.n)
    many(args.many)
    if not args.no_dask:
        dask_vs_batch(args.rows, args.smslint)


if __name__ == "__main__":
    main()
