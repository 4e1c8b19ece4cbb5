#!/usr/bin/env python3
"""smslint batch: rows in == records out, in order, on a generated broken CSV.

Usage: batch_rows_test.py SMSLINT
Writes a CSV of a few thousand rows where about one in seven is broken
(ragged, stray or unterminated quote, text after a closing quote, invalid
UTF-8, a field over --max-field-bytes) and some valid rows have quoted line
breaks, runs `smslint batch --format jsonl --jobs 2` and `--format csv`, and
checks that every input record has exactly one output record, in input
order, with the physical line it starts on, and that exactly the broken
rows are reported as input/csv-malformed.
"""
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile


def generate(n, rng):
    out = [b"id,phone,body,country\n"]
    expected = []  # (line, broken)
    line = 2
    for i in range(1, n + 1):
        phone = b"+1415555%04d" % rng.randrange(10000)
        kind = rng.randrange(16)
        broken = True
        if kind == 0:
            row = b"%d,%s,too,many,fields,here\n" % (i, phone)
        elif kind == 1:
            row = b"%d,%s\n" % (i, phone)
        elif kind == 2:
            row = b'%d,%s,5" stray quote,US\n' % (i, phone)
        elif kind == 3:
            row = b'%d,%s,"closed"then text,US\n' % (i, phone)
        elif kind == 4:
            row = b"%d,%s,bad \xff\xfe utf8,US\n" % (i, phone)
        elif kind == 5:
            row = b"%d,%s,%s,US\n" % (i, phone, b"x" * 300)
        elif kind == 7:
            # An opening quote never closed on its line: the reader cuts the
            # record at the line end and reads the next lines again.
            row = b'%d,%s,"unterminated,US\n' % (i, phone)
        elif kind == 6:
            # A quoted body with line breaks: one record over three lines.
            broken = False
            row = b'%d,%s,"line one\nline two\r\nline three",US\n' % (i, phone)
        else:
            broken = False
            row = b"%d,%s,Hello number %d,US\n" % (i, phone, i)
        expected.append((line, broken))
        line += row.count(b"\n") - row.count(b"\r\n") + row.count(b"\r\n")
        out.append(row)
    return b"".join(out), expected


def main():
    exe = sys.argv[1]
    rng = random.Random(5)
    data, expected = generate(3000, rng)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "broken.csv")
        with open(path, "wb") as f:
            f.write(data)
        env = dict(os.environ, SMSLINT_DETERMINISTIC="1")
        base = [exe, "batch", path, "--jobs", "2", "--max-field-bytes", "200",
                "--from", "+14155550100", "--exit-zero", "--quiet"]
        r = subprocess.run(base + ["--format", "jsonl"], capture_output=True,
                           env=env)
        if r.returncode != 0:
            print("jsonl run failed:", r.returncode, r.stderr.decode())
            return 1
        records = [json.loads(l) for l in r.stdout.decode().splitlines()]
        if len(records) != len(expected):
            print(f"FAIL rows in {len(expected)} != records out {len(records)}")
            failures += 1
        for k, (rec, (line, broken)) in enumerate(zip(records, expected), 1):
            malformed = any(d["rule_id"] == "input/csv-malformed"
                            for d in rec["diagnostics"])
            if rec["row"] != k or rec["line"] != line or rec["id"] != str(k) \
                    and not malformed or malformed != broken:
                print(f"FAIL record {k}: row {rec['row']} line {rec['line']} "
                      f"(want {line}) id {rec['id']!r} malformed {malformed} "
                      f"(want {broken})")
                failures += 1
                if failures > 10:
                    break
        r = subprocess.run(base + ["--format", "csv"], capture_output=True,
                           env=env)
        rows = list(csv.reader(io.StringIO(r.stdout.decode("utf-8", "replace"),
                                           newline="")))
        if len(rows) - 1 != len(expected):
            print(f"FAIL csv: rows in {len(expected)} != rows out {len(rows) - 1}")
            failures += 1
        for k, row in enumerate(rows[1:], 1):
            status = row[4]
            want = "error" if expected[k - 1][1] else None
            if row[0] != str(k) or (want and status != want):
                print(f"FAIL csv row {k}: {row[:5]}")
                failures += 1
                break
    print("ok" if failures == 0 else f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
