#!/usr/bin/python3
"""Validates smslint's JSON output against docs/report.schema.json.

Runs `smslint check` (jsonl and json) on the bundled examples and
`smslint segments --format json` on a few bodies. Needs python3-jsonschema
(Debian), hence /usr/bin/python3.
"""
import json
import subprocess
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipped")
    sys.exit(77)

exe, root = sys.argv[1], Path(sys.argv[2])
schema = json.loads((root / "docs/report.schema.json").read_text())
jsonschema.Draft7Validator.check_schema(schema)
report = jsonschema.Draft7Validator(schema)
segments = jsonschema.Draft7Validator({**schema["definitions"]["segments"],
                                       "definitions": schema["definitions"]})
examples = root / "data/examples/messages.jsonl"
n = 0


def check(validator, obj, what):
    global n
    errors = sorted(validator.iter_errors(obj), key=lambda e: list(e.path))
    if errors:
        for e in errors[:5]:
            print(f"{what}: {list(e.path)}: {e.message}")
        sys.exit(1)
    n += 1


out = subprocess.run([exe, "check", "--format", "jsonl", str(examples)],
                     capture_output=True, text=True).stdout
lines = out.splitlines()
inputs = examples.read_text().splitlines()
if len(lines) != len(inputs):
    print(f"{len(inputs)} input lines but {len(lines)} output lines")
    sys.exit(1)
for i, line in enumerate(lines, 1):
    obj = json.loads(line)
    check(report, obj, f"jsonl line {i}")
    assert obj["line"] == i, "reports must be in input order"

# smslint batch --format jsonl: each record is a report with "row".
for csv_file, extra in [(root / "data/examples/contacts.csv", ["--region", "US"]),
                        (root / "tests/cli/data/broken.csv", ["--max-field-bytes", "64"])]:
    if not csv_file.exists():
        continue
    out = subprocess.run([exe, "batch", "--format", "jsonl", "--quiet", str(csv_file)] + extra,
                         capture_output=True, text=True).stdout
    for i, line in enumerate(out.splitlines(), 1):
        obj = json.loads(line)
        check(report, obj, f"batch {csv_file.name} record {i}")
        assert obj["row"] == i, "batch records must be in input order"

doc = json.loads(subprocess.run([exe, "check", "--format", "json", str(examples)],
                                capture_output=True, text=True).stdout)
assert doc["format_version"] == 1 and doc["tool"]["name"] == "smslint"
assert set(doc["tool"]) == {"name", "version", "phone_metadata"}, doc["tool"]
assert doc["tool"]["phone_metadata"], "phone_metadata must name a version or 'unknown'"
assert set(doc) == {"format_version", "tool", "source", "reports", "summary"}, set(doc)
assert doc["summary"]["messages"] == len(inputs)
for r in doc["reports"]:
    check(report, r, "json report")

# The number cases: every kind, reason and type of to_number/from_number.
for case in sorted((root / "tests/cli/cases").glob("check-numbers-*/stdin")):
    out = subprocess.run([exe, "check", "--format", "jsonl", "-"],
                         input=case.read_text(), capture_output=True, text=True).stdout
    for i, line in enumerate(out.splitlines(), 1):
        check(report, json.loads(line), f"{case.parent.name} line {i}")

for body in ["hello", "]" * 153, "it’s 😀 e\u0301", "a\r\nb", "中" * 71]:
    for extra in ([], ["--smart-encoding"], ["--encoding", "UCS-2"]):
        obj = json.loads(subprocess.run([exe, "segments", "--format", "json", *extra, body],
                                        capture_output=True, text=True).stdout)
        check(segments, obj, f"segments {body[:10]!r}")
print(f"{n} documents valid against docs/report.schema.json")
