#!/usr/bin/env python3
"""smslint batch --fix: every row goes to exactly one of the clean list and
the rejects (never both, never neither) on broken CSV inputs, with the safe
fixes applied to the clean rows; outputs never replace the input.

Usage: batch_fix_test.py SMSLINT
"""
import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HEADER = "id,phone,message,notes\r\n"
ROWS = [
    "r01,+14155550132,Hello,plain\r\n",
    "r02,(415) 555-0147,Hello,national format: a safe fix\r\n",
    "r03,n/a,Hello,not a number\r\n",
    "r04,,Hello,missing\r\n",
    "r05,415-555-0147,Hello,duplicate of r02 after the fix\r\n",
    'r06,+14155550163,"' + "a" * 80 + '\r\n' + "a" * 79 + '",CRLF costs a segment: a safe fix\r\n',
    "r07,+1415555013,Hello,one digit short\r\n",
]
CASES = {
    "plain": HEADER + "".join(ROWS),
    "bom_blank_lines": "\ufeff" + HEADER + "\r\n" + ROWS[0] + "\r\n\r\n" + "".join(ROWS[1:]) + "\r\n",
    "missing_columns": HEADER + ROWS[0] + "r08,+14155550190\r\n" + "".join(ROWS[1:]),
    "extra_columns": HEADER + "r08,+14155550190,Hi,x,y,z\r\n" + "".join(ROWS),
    "unbalanced_quote_middle": HEADER + ROWS[0] + 'r08,+14155550190,"Hi there,x\r\n' + "".join(ROWS[1:]),
    "unbalanced_quote_last": HEADER + "".join(ROWS) + 'r08,+14155550190,"Hi,x\r\n',
    "over_long_field": HEADER + ROWS[0] + "r08,+14155550190," + "x" * 500 + ",long\r\n" + "".join(ROWS[1:]),
    "stray_quote": HEADER + 'r08,+1415"555"0190,Hi,x\r\n' + "".join(ROWS),
    "nul_and_controls": HEADER + "r08,+14155550190,Hi\x00\x1b[31m,x\r\n" + "".join(ROWS),
}

failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL " + what)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def run(exe, args, cwd):
    env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8", "SMSLINT_DETERMINISTIC": "1"}
    if "LD_LIBRARY_PATH" in os.environ:
        env["LD_LIBRARY_PATH"] = os.environ["LD_LIBRARY_PATH"]
    return subprocess.run([exe] + args, capture_output=True, cwd=cwd, env=env)


def check_case(exe, tmp, name, text):
    src = tmp / f"{name}.csv"
    src.write_bytes(text.encode("utf-8"))
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    r = run(exe, ["batch", "--quiet", "--region", "US", "--from", "+14155550100",
                  "--max-field-bytes", "200", "--format", "jsonl", "--fix",
                  "--output", "clean.csv", "--rejects", "rejects.csv",
                  "--summary", "summary.json", src.name], tmp)
    expect(r.returncode in (0, 1), f"{name}: exit {r.returncode}: {r.stderr[-500:]!r}")
    if r.returncode not in (0, 1):
        return
    expect(hashlib.sha256(src.read_bytes()).hexdigest() == before, f"{name}: input changed")
    records = r.stdout.decode().splitlines()
    summary = json.loads((tmp / "summary.json").read_text())
    clean, rejects = read_csv(tmp / "clean.csv"), read_csv(tmp / "rejects.csv")
    header = ["id", "phone", "message", "notes"]
    expect(clean[0] == header, f"{name}: clean header {clean[0]}")
    expect(rejects[0] == header + ["smslint_rules", "smslint_reasons"],
           f"{name}: rejects header {rejects[0]}")
    clean, rejects = clean[1:], rejects[1:]
    rows = summary["rows"]
    expect(len(records) == rows, f"{name}: {len(records)} records, {rows} rows")
    expect(len(clean) + len(rejects) == rows,
           f"{name}: {len(clean)} clean + {len(rejects)} rejects != {rows} rows")
    expect(summary["sendable_as_is"] + summary["sendable_after_fixes"] == len(clean),
           f"{name}: summary's sendable rows != clean rows")
    expect(summary["blocked"] == len(rejects), f"{name}: summary's blocked != rejects")
    # Never both, never neither: each record's row is in exactly one file,
    # in order (the row's id is its first field, and unique).
    ids_out = [row[0] for row in clean] + [row[0] for row in rejects]
    ids_in = []
    for line in records:
        rec = json.loads(line)
        ids_in.append(rec.get("id", ""))
    expect(sorted(ids_out) == sorted(ids_in), f"{name}: ids out {ids_out} != ids in {ids_in}")
    expect(all(len(row) == 4 for row in clean), f"{name}: a clean row is not 4 wide")
    expect(all(len(row) == 6 and row[4] for row in rejects),
           f"{name}: a reject has no rules")
    by_id = {row[0]: row for row in clean}
    rej = {row[0]: row for row in rejects}
    if name in ("plain", "bom_blank_lines"):
        expect(set(by_id) == {"r01", "r02", "r06"}, f"{name}: clean ids {sorted(by_id)}")
        expect(by_id.get("r02", [""] * 2)[1] == "+14155550147", f"{name}: r02 not in E.164")
        expect(by_id.get("r06", [""] * 3)[2] == "a" * 80 + "\n" + "a" * 79, f"{name}: r06 body not LF")
        expect("input/duplicate-recipient" in rej.get("r05", [""] * 5)[4],
               f"{name}: r05 not blocked as a duplicate")
        expect(rej.get("r03", [""] * 3)[1] == "n/a", f"{name}: a reject's field changed")
        expect(summary["sendable_as_is"] == 1 and summary["sendable_after_fixes"] == 2,
               f"{name}: sendable counts {summary['sendable_as_is']}, "
               f"{summary['sendable_after_fixes']}")
        first = summary["blocked_by_rule"].get("input/duplicate-recipient", {}).get("first_rows")
        expect(first == [5], f"{name}: duplicate first_rows {first}")
    print(f"ok {name}: {rows} rows, {len(clean)} clean, {len(rejects)} rejected")


def check_refusals(exe, tmp):
    src = tmp / "in.csv"
    src.write_bytes(CASES["plain"].encode())
    for args, what in (
            (["--output", "in.csv", "--rejects", "r.csv"], "--output is the input"),
            (["--output", "c.csv", "--rejects", "in.csv"], "--rejects is the input"),
            (["--output", "c.csv", "--rejects", "c.csv"], "--rejects is --output"),
            (["--output", "c.csv", "--rejects", "r.csv", "--report-html", "in.csv"],
             "--report-html is the input"),
            (["--output", "-", "--rejects", "r.csv"], "--output is stdout"),
            (["--output", "c.csv"], "no --rejects"),
            (["--output", "c.csv", "--rejects", "r.csv", "--block", "nope/nothing"],
             "an unknown --block")):
        r = run(exe, ["batch", "--quiet", "--fix", "--region", "US"] + args + ["in.csv"], tmp)
        expect(r.returncode == 2, f"{what}: exit {r.returncode}")
        expect(src.read_bytes() == CASES["plain"].encode(), f"{what}: the input changed")
    r = run(exe, ["batch", "--quiet", "--rejects", "r.csv", "in.csv"], tmp)
    expect(r.returncode == 2, f"--rejects without --fix: exit {r.returncode}")
    # --block an area, --no-block-duplicates
    r = run(exe, ["batch", "--quiet", "--fix", "--region", "US", "--from", "+14155550100",
                  "--output", "c.csv", "--rejects", "r.csv", "--no-block-duplicates",
                  "--block", "segments/crlf-line-breaks", "--summary", "s.json", "in.csv"], tmp)
    s = json.loads((tmp / "s.json").read_text())
    expect("input/duplicate-recipient" not in s["blocked_by_rule"],
           "--no-block-duplicates still blocks")
    print("ok refusals")


def main():
    exe = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for name, text in CASES.items():
            check_case(exe, tmp, name, text)
        check_refusals(exe, tmp)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
