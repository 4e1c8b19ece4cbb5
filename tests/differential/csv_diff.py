#!/usr/bin/env python3
"""Differential test: cli::CsvReader (through csv_dump) vs Python's csv module.

Generates CSV files with a fixed seed: random fields with quotes,
delimiters (',', ';', tab), CR, LF, CRLF, spaces and non-ASCII text, quoted
when needed and often when not; CRLF, LF or lone CR record ends mixed in
one file; blank lines; a BOM on some; with and without a final line end;
the delimiter given or left to detection (well-formed files only). Each file is read by csv_dump
with a random chunk size (1 byte up to the default) and by
csv.reader(open(newline=''), strict=True).

  well-formed  every record must match: fields, blank lines (Python's []),
               and the starting line (Python's line_num after the previous
               row, plus 1); no error on our side.
  malformed    the same files with one defect injected (a quote inserted or
               removed, text after a closing quote, a cut inside a quote).
               Python stops at the first strict error; up to there records
               match, except that we flag a quote inside an unquoted field
               (Python keeps it as text: the fields still match). Where we
               report text after a closing quote or an unterminated quote,
               Python must fail on that same record.

  csv_diff.py --dump build/tests/differential/csv_dump [--count 1000] [--seed N]
      [--keep DIR]

Exit: 0 all agree, 1 a mismatch.
"""

import argparse
import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

CANDIDATES = (",", ";", "\t")
EOLS = ("\n", "\r\n", "\r")
PIECES = ["a", "b", "x", "Ann", "+14155550100", " ", "  ", '"', '""', ",",
          ";", "\t", "\n", "\r", "\r\n", "é", "€", "日本", "😀", "Zoë",
          "O'Neil", "1,5", "a;b", "\\", "#", "'", "=1+2"]


def rand_field(rng):
    n = rng.choice((0, 0, 1, 1, 2, 3, 5, 8))
    return "".join(rng.choice(PIECES) for _ in range(n))


def needs_quotes(field, delim):
    return any(c in field for c in (delim, '"', "\r", "\n"))


def encode_field(field, delim, rng, header=False):
    quote = needs_quotes(field, delim) or rng.random() < 0.25
    if header and any(c in field for c in CANDIDATES):
        quote = True  # keeps detection unambiguous
    if quote:
        return '"' + field.replace('"', '""') + '"'
    return field


def generate(rng):
    """Returns (text, delimiter, give_delimiter)."""
    delim = rng.choice(CANDIDATES)
    ncols = rng.choice((1, 2, 2, 3, 4, 6))
    nrows = rng.choice((0, 1, 2, 5, 10, 30, 60))
    give = ncols == 1 or rng.random() < 0.4
    header = [rng.choice(("name", "phone", "Body", "x y", "a,b", "q\"q", "é"))
              + str(i) for i in range(ncols)]
    records = [header]
    for _ in range(nrows):
        if rng.random() < 0.08:
            records.append(None)  # a blank line
            continue
        cols = ncols if rng.random() < 0.85 else rng.randint(1, ncols + 2)
        records.append([rand_field(rng) for _ in range(cols)])
    out = []
    if rng.random() < 0.2:
        out.append("\ufeff")
    prev_eol = ""
    for i, rec in enumerate(records):
        if rec is None:
            line = ""
        else:
            fields = [encode_field(f, delim, rng, header=(i == 0)) for f in rec]
            if fields == [""]:
                fields = ['""']  # one empty field, not a blank line
            line = delim.join(fields)
        eol = rng.choice(EOLS)
        # After a lone CR, a line starting with LF would merge into CRLF.
        if prev_eol == "\r" and (line + eol).startswith("\n"):
            eol = "\r"
        last = i == len(records) - 1
        if last and rec is not None and rng.random() < 0.4:
            eol = ""
        out.append(line + eol)
        prev_eol = eol
    return "".join(out), delim, give


def corrupt(text, rng):
    """Injects one defect into a generated file."""
    quotes = [i for i, c in enumerate(text) if c == '"']
    kind = rng.choice(("insert", "remove", "junk", "cut"))
    if kind == "remove" and quotes:
        i = rng.choice(quotes)
        return text[:i] + text[i + 1:]
    if kind == "junk" and quotes:
        i = rng.choice(quotes)
        return text[:i + 1] + rng.choice(("x", " ", "é", "'")) + text[i + 1:]
    if kind == "cut" and quotes:
        i = rng.choice(quotes)
        return text[:i + 1 + rng.randint(0, 3)]
    i = rng.randint(0, len(text))
    return text[:i] + '"' + text[i:]


def python_records(path, delim, bom):
    """[(line, fields)] and the index of the record that raised, or None."""
    rows = []
    with open(path, newline="", encoding="utf-8-sig" if bom else "utf-8") as f:
        reader = csv.reader(f, delimiter=delim, strict=True)
        prev = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return rows, None
            except csv.Error:
                return rows, len(rows)
            rows.append((prev + 1, row))
            prev = reader.line_num


def ours(dump, path, delim, give, chunk):
    cmd = [dump]
    if give:
        cmd += ["--delimiter", "\\t" if delim == "\t" else delim]
    if chunk:
        cmd += ["--chunk", str(chunk)]
    cmd.append(path)
    res = subprocess.run(cmd, capture_output=True, check=True)
    return [json.loads(line) for line in res.stdout.decode().splitlines()]


def compare(name, mine, py_rows, py_error, malformed):
    """Returns a list of problems (strings)."""
    problems = []
    for k, rec in enumerate(mine):
        err = rec["error"]
        hard = err and ("after the closing quote" in err
                        or "never closed" in err)
        if py_error is not None and k >= py_error:
            if k == py_error and err:
                return problems  # both find the record malformed
            if k == py_error:
                problems.append(f"{name}: Python fails on record {k}, "
                                f"we read {rec}")
            return problems
        if hard:
            problems.append(f"{name}: record {k}: we report {err!r}, "
                            f"Python reads {py_rows[k] if k < len(py_rows) else 'nothing'}")
            return problems
        if err and not (malformed and "quote inside an unquoted" in err):
            problems.append(f"{name}: record {k}: unexpected error {err!r}")
            return problems
        if k >= len(py_rows):
            problems.append(f"{name}: extra record {k}: {rec}")
            return problems
        line, fields = py_rows[k]
        got = [] if rec["blank"] else rec["fields"]
        if got != fields or rec["line"] != line:
            problems.append(f"{name}: record {k}: ours line {rec['line']} "
                            f"{got!r}, Python line {line} {fields!r}")
            return problems
    if py_error is not None:
        problems.append(f"{name}: Python fails on record {py_error}, "
                        f"we read only {len(mine)} records")
    elif len(mine) != len(py_rows):
        problems.append(f"{name}: {len(mine)} records, Python {len(py_rows)}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=20240515)
    ap.add_argument("--keep", help="write the files here and keep them")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    work = args.keep or tempfile.mkdtemp(prefix="smslint-csv-diff-")
    os.makedirs(work, exist_ok=True)
    problems = []
    counts = {"well-formed": 0, "malformed": 0, "records": 0,
              "python-errors": 0}
    try:
        for n in range(args.count):
            text, delim, give = generate(rng)
            malformed = n % 2 == 1
            if malformed:
                text = corrupt(text, rng)
                # A defect in the header can make any delimiter guess
                # plausible; detection is checked on the well-formed files.
                give = True
            name = f"{'bad' if malformed else 'ok'}-{n:04d}.csv"
            path = os.path.join(work, name)
            with open(path, "w", newline="", encoding="utf-8") as f:
                f.write(text)
            chunk = rng.choice((1, 2, 3, 7, 64, 4096, 0))
            mine = ours(args.dump, path, delim, give, chunk)
            py_rows, py_error = python_records(
                path, delim, text.startswith("\ufeff"))
            counts["malformed" if malformed else "well-formed"] += 1
            counts["records"] += len(mine)
            counts["python-errors"] += py_error is not None
            if not malformed and py_error is not None:
                problems.append(f"{name}: generator bug, Python fails")
                continue
            problems += compare(f"{name} (chunk {chunk or 'default'})",
                                mine, py_rows, py_error, malformed)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(f"{counts['well-formed']} well-formed and {counts['malformed']} "
          f"malformed files, {counts['records']} records, Python failed on "
          f"{counts['python-errors']}")
    for p in problems[:30]:
        print("MISMATCH", p)
    if problems:
        print(f"{len(problems)} mismatch(es)"
              + ("" if args.keep else "; rerun with --keep DIR to see the files"))
        return 1
    print("all agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
