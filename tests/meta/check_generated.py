#!/usr/bin/env python3
"""Fails when a committed generated file differs from what its generator
writes now: src/gen/*.inc (tools/gen_tables.py, tools/gen_url_tables.py,
tools/gen_content_tables.py, tools/gen_content_model.py,
tools/gen_account_tables.py), the rule table's outputs (tools/gen_rules.py:
src/gen/rules.inc, src/gen/rule_ids.h, docs/rules.md, README.md's rules
table) and tests/conformance/segments.json (tools/make_conformance.py)."""
import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

root = Path(sys.argv[1])
stale = []
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, root / "tools/gen_tables.py", root / "data", tmp], check=True)
    for name in ("gsm7_table.inc", "smart_encoding.inc", "media_types.inc",
                 "mms_regions.inc"):
        if not filecmp.cmp(Path(tmp) / name, root / "src/gen" / name, shallow=False):
            stale.append("src/gen/" + name)
    for tool, names in (("gen_url_tables.py", ("url_shorteners.inc", "tlds.inc")),
                        ("gen_content_tables.py", ("content_lexicons.inc",)),
                        ("gen_content_model.py", ("content_ngram_model.inc",)),
                        ("gen_account_tables.py", ("embargo.inc", "high_risk_prefixes.inc",
                                                   "timezones.inc", "quiet_hours.inc"))):
        subprocess.run([sys.executable, root / "tools" / tool, root / "data", tmp],
                       check=True)
        for name in names:
            if not filecmp.cmp(Path(tmp) / name, root / "src/gen" / name, shallow=False):
                stale.append("src/gen/" + name)
    rules_out = Path(tmp) / "rules"
    subprocess.run([sys.executable, root / "tools/gen_rules.py", root, rules_out], check=True)
    for rel in ("src/gen/rules.inc", "src/gen/rule_ids.h", "docs/rules.md", "README.md"):
        if not filecmp.cmp(rules_out / rel, root / rel, shallow=False):
            stale.append(rel + " (tools/gen_rules.py)")
    conf = Path(tmp) / "segments.json"
    subprocess.run([sys.executable, root / "tools/make_conformance.py", conf], check=True)
    if not filecmp.cmp(conf, root / "tests/conformance/segments.json", shallow=False):
        stale.append("tests/conformance/segments.json")
if stale:
    print("stale generated files (rerun the generators):", ", ".join(stale))
    sys.exit(1)
print("generated files are current")
