#!/usr/bin/env python3
"""smslint batch: exact duplicate count beyond the old 786,432 cap.

Usage: batch_dup_scale_test.py SMSLINT [ROWS]
Generates ROWS (default 900,000) rows: 850,000-odd distinct E.164 numbers,
then repeats of numbers from all over the list (some written in national
format, so they only match after normalisation), some distinct and repeated
unparseable recipients, and checks that `smslint batch --summary` counts
exactly the duplicates the generator wrote. Before the table was exact it
stopped remembering new recipients at 786,432 distinct ones and reported
fewer. Most areas are disabled to keep it quick; the duplicate rule is not.
"""
import json
import os
import random
import subprocess
import sys
import tempfile


def main():
    smslint = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 900_000
    rng = random.Random(15)
    distinct = rows * 17 // 18  # past 786,432 for the default
    junk = 2_000
    lines = ["to,body\n"]
    seen = []
    for i in range(distinct - junk):
        # Distinct US numbers: 212-2xx-xxxx .. 212-9xx-xxxx style blocks.
        n = 2_122_000_000 + i * 7
        seen.append(n)
        lines.append(f"+1{n},hi\n")
    for i in range(junk):
        lines.append(f"not a number {i},hi\n")
    dups = 0
    while len(lines) - 1 < rows:
        r = rng.random()
        if r < 0.05:
            lines.append(f"  not a number {rng.randrange(junk)}\t,hi\n")
        else:
            n = rng.choice(seen)
            s = str(n)
            to = (f"({s[:3]}) {s[3:6]}-{s[6:]}" if r < 0.5 else f"+1{n}")
            lines.append(f"{to},hi\n")
        dups += 1
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "list.csv")
        with open(path, "w") as f:
            f.writelines(lines)
        summary = os.path.join(work, "summary.json")
        args = [smslint, "batch", path, "--format", "csv", "--output", os.devnull,
                "--summary", summary, "--quiet", "--exit-zero", "--region", "US",
                "--jobs", "2"]
        for area in ("content", "body", "segments", "account", "pumping",
                     "media", "from", "schedule", "callback"):
            args += ["--disable", area]
        subprocess.run(args, check=True)
        got = json.load(open(summary))
    print(f"rows {got['rows']}, duplicates {got['duplicates']} (expected {dups}), "
          f"distinct {distinct}")
    ok = (got["rows"] == rows and got["duplicates"] == dups
          and not got["duplicate_tracking_capped"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
