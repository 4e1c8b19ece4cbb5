#!/usr/bin/env python3
"""tools/gen_rules.py refuses malformed rule data: each case below edits a
copy of data/rules and expects the generator to fail naming the problem."""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

root = Path(sys.argv[1])
cases = [
    ("unknown key", 'id = "mms/unsupported-country"', "unknown keys ['colour']"),
    ("bad severity", 'severity = "error"', "severity is one of"),
    ("placeholder without argument", 'message = "MMS', "differ from args"),
    ("wrong area", 'id = "mms/unsupported-country"', "belongs in data/rules/media.toml"),
    ("bad status", 'status = "stable"', "status is one of"),
    ("weight outside content", 'since = "0.1.0"', "only content rules have weights"),
    ("bad argument type", 'party = "string"', "type is one of"),
]
replacements = {
    "unknown key": None,
    "bad severity": 'severity = "fatal"',
    "placeholder without argument": 'message = "{nope} MMS',
    "wrong area": 'id = "media/unsupported-country"',
    "bad status": 'status = "retired"',
    "weight outside content": 'since = "0.1.0"\nweight = 1.0',
    "bad argument type": 'party = "text"',
}
failed = 0
for name, old, expect in cases:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shutil.copytree(root / "data/rules", tmp / "data/rules")
        shutil.copy(root / "README.md", tmp / "README.md")
        path = tmp / "data/rules/mms.toml"
        text = path.read_text("utf-8")
        new = replacements[name] or old
        if old not in text:
            print("case %s: %r not found in mms.toml" % (name, old))
            failed += 1
            continue
        if name == "unknown key":
            text = text.replace('id = "mms/unsupported-country"',
                                'id = "mms/unsupported-country"\ncolour = "red"', 1)
        else:
            text = text.replace(old, new, 1)
        path.write_text(text, "utf-8")
        r = subprocess.run([sys.executable, root / "tools/gen_rules.py", tmp, tmp / "out"],
                           capture_output=True, text=True)
        if r.returncode == 0 or expect not in r.stderr:
            print("case %s: expected failure with %r, got exit %d: %s"
                  % (name, expect, r.returncode, r.stderr.strip()))
            failed += 1
# An unsorted file.
with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    shutil.copytree(root / "data/rules", tmp / "data/rules")
    shutil.copy(root / "README.md", tmp / "README.md")
    path = tmp / "data/rules/body.toml"
    text = path.read_text("utf-8")
    first = text.index("[[rule]]")
    second = text.index("[[rule]]", first + 1)
    path.write_text(text[:first] + text[second:] + "\n" + text[first:second], "utf-8")
    r = subprocess.run([sys.executable, root / "tools/gen_rules.py", tmp, tmp / "out"],
                       capture_output=True, text=True)
    if r.returncode == 0 or "sorted by id" not in r.stderr:
        print("case unsorted: expected failure, got", r.returncode, r.stderr.strip())
        failed += 1
if failed:
    sys.exit(1)
print("gen_rules.py refused every malformed case (%d)" % (len(cases) + 1))
