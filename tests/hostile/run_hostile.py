#!/usr/bin/env python3
"""Hostile-input regression cases: the built smslint against inputs that once
lost data, read what they should not, hung, crashed or grew without bound.

Usage: run_hostile.py SMSLINT [CASE ...]     run cases (all by default)
       run_hostile.py --list                 print the case names

Each case (cases.py) is one entry: the smslint arguments, an input generated
at test time in a fresh temporary folder, and what must hold. Every case
checks the exit code and that the input file is unchanged (SHA-256 before
and after); a case may also check records in = records out, peak RSS under a
stated bound (os.wait4's rusage of that one child), the output size, and
anything else with a `check` function. Time is never asserted: the timeout
only turns a hang into a failure.
"""
import csv
import hashlib
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cases as case_list  # noqa: E402


class Result:
    def __init__(self, tmp, input_path, exit_code, stdout_path, stderr, rss_mb, timed_out):
        self.tmp = tmp
        self.input_path = input_path
        self.exit_code = exit_code
        self.stdout_path = stdout_path
        self.stderr = stderr
        self.rss_mb = rss_mb
        self.timed_out = timed_out

    def stdout(self):
        return self.stdout_path.read_bytes()

    def lines(self):
        return self.stdout().decode("utf-8", "replace").splitlines()


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def run(exe, case, tmp):
    """Runs one case's command; returns the Result."""
    input_path = case.make_input(tmp) if case.make_input else None
    if case.setup:
        case.setup(tmp)
    subst = {"input": str(input_path) if input_path else "", "tmp": str(tmp)}
    args = [a.format(**subst) for a in case.args]
    before = sha256(input_path) if input_path else None
    stdout_path, stderr_path = tmp / "stdout", tmp / "stderr"
    stdin = open(input_path, "rb") if case.stdin_input else subprocess.DEVNULL
    env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"}
    if "LD_LIBRARY_PATH" in os.environ:
        env["LD_LIBRARY_PATH"] = os.environ["LD_LIBRARY_PATH"]
    with open(case.stdout_file or stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        proc = subprocess.Popen([exe] + args, stdin=stdin, stdout=out, stderr=err,
                                cwd=case.cwd or tmp, env=env)
        timed_out = []
        timer = threading.Timer(case.timeout, lambda: (timed_out.append(1), proc.kill()))
        timer.start()
        # wait4 gives this one child's peak RSS (RUSAGE_CHILDREN would be
        # the maximum over every case run so far).
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    if case.stdin_input:
        stdin.close()
    if input_path and sha256(input_path) != before:
        raise AssertionError(f"the input file {input_path} was changed")
    return Result(tmp, input_path, proc.returncode, stdout_path,
                  stderr_path.read_text("utf-8", "replace"),
                  usage.ru_maxrss / 1024.0, bool(timed_out))


def count_records(kind, path):
    """Records in the input: "lines" (JSON Lines), "csv" (data rows) or a number."""
    if isinstance(kind, int):
        return kind
    if kind == "lines":
        return len(path.read_bytes().splitlines())
    if kind == "csv":
        with open(path, newline="", encoding="utf-8") as f:
            return sum(1 for _ in csv.reader(f)) - 1
    raise ValueError(kind)


def verify(case, r):
    if r.timed_out:
        raise AssertionError(f"no result within {case.timeout} s (a hang): killed")
    if r.exit_code != case.exit_code:
        raise AssertionError(f"exit code {r.exit_code}, expected {case.exit_code}; "
                             f"stderr: {r.stderr[-2000:]}")
    if case.records is not None:
        want, got = count_records(case.records, r.input_path), len(r.lines())
        if got != want:
            raise AssertionError(f"{want} records in, {got} out")
    if case.max_rss_mb is not None and r.rss_mb > case.max_rss_mb:
        raise AssertionError(f"peak RSS {r.rss_mb:.0f} MB over the bound of "
                             f"{case.max_rss_mb} MB")
    if case.max_output_bytes is not None:
        size = r.stdout_path.stat().st_size
        if size > case.max_output_bytes:
            raise AssertionError(f"{size} bytes of output, over {case.max_output_bytes}")
    if case.check:
        case.check(r)


def main():
    if sys.argv[1:] == ["--list"]:
        print("\n".join(c.name for c in case_list.CASES))
        return 0
    exe = os.path.abspath(sys.argv[1])
    wanted = set(sys.argv[2:])
    selected = [c for c in case_list.CASES if not wanted or c.name in wanted]
    unknown = wanted - {c.name for c in case_list.CASES}
    if unknown:
        print(f"unknown case(s): {', '.join(sorted(unknown))}")
        return 1
    failed = 0
    for case in selected:
        with tempfile.TemporaryDirectory(prefix="smslint-hostile-") as d:
            tmp = Path(d)
            try:
                r = run(exe, case, tmp)
                verify(case, r)
                print(f"ok {case.name} (exit {r.exit_code}, peak RSS {r.rss_mb:.0f} MB)")
            except AssertionError as e:
                failed += 1
                print(f"FAIL {case.name}: {e}")
    print(f"{len(selected) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
