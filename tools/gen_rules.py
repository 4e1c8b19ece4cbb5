#!/usr/bin/env python3
"""Writes everything derived from the rule table, data/rules/<area>.toml:

  src/gen/rules.inc     the RuleInfo table of src/rules/registry.cc
  src/gen/rule_ids.h    rule id constants (rule::kMediaTooMany) and grade
                        constants (grade::kContentAllCapsHigh), so a misspelt
                        id fails to compile
  docs/rules.md         every rule's documentation
  README.md             the table between <!-- rules:begin --> and
                        <!-- rules:end --> (rewritten in place)

Content rules' weights fitted on real traffic (data/content/weights.toml,
written by tools/fit_content_weights.py) replace the table's `weight`.

Usage: tools/gen_rules.py ROOT [OUT_ROOT]
Reads ROOT/data/rules, ROOT/data/content/weights.toml and ROOT/README.md; writes under OUT_ROOT (default
ROOT), so the meson test `generated-up-to-date` can write into a temporary
directory and compare. The format of the data files: data/rules/README.md.
"""
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cpp_literals import camel, raw  # noqa: E402

SEVERITIES = {"error": "Severity::kError", "warning": "Severity::kWarning",
              "info": "Severity::kInfo"}
STATUSES = ("stable", "preview", "removed")
ARG_TYPES = ("string", "integer", "decimal")
REQUIRED = {"id", "summary", "severity", "status", "since", "message", "docs"}
OPTIONAL = {"twilio_code", "fixable", "weight", "grades", "escalation", "args",
            "evidence"}
GRADE_KEYS = {"name", "weight", "when"}
ESCALATION_KEYS = {"severity", "when"}
DOC_HEADINGS = ("## What it does", "## Why", "## Example", "## Fix")
BEGIN, END = "<!-- rules:begin -->", "<!-- rules:end -->"


def fail(msg):
    sys.exit("gen_rules.py: " + msg)


def load(data_dir):
    rules = []
    files = sorted(data_dir.glob("*.toml"))
    if not files:
        fail("no rule files in %s" % data_dir)
    for path in files:
        area = path.stem
        doc = tomllib.loads(path.read_text("utf-8"))
        if doc.get("format") != 1:
            fail("%s: format must be 1" % path.name)
        if set(doc) - {"format", "rule"}:
            fail("%s: unknown top-level keys %s" % (path.name, sorted(set(doc) - {"format", "rule"})))
        prev = ""
        for r in doc.get("rule", []):
            where = "%s: %s" % (path.name, r.get("id", "(no id)"))
            missing = REQUIRED - set(r)
            if missing:
                fail("%s: missing keys %s" % (where, sorted(missing)))
            unknown = set(r) - REQUIRED - OPTIONAL
            if unknown:
                fail("%s: unknown keys %s" % (where, sorted(unknown)))
            if not re.fullmatch(r"[a-z0-9]+/[a-z0-9]+(-[a-z0-9]+)*", r["id"]):
                fail("%s: an id is <area>/<kebab-name>" % where)
            if r["id"].split("/")[0] != area:
                fail("%s: belongs in data/rules/%s.toml" % (where, r["id"].split("/")[0]))
            if r["id"] <= prev:
                fail("%s: rules are sorted by id, without duplicates" % where)
            prev = r["id"]
            if r["severity"] not in SEVERITIES:
                fail("%s: severity is one of %s" % (where, ", ".join(SEVERITIES)))
            if r["status"] not in STATUSES:
                fail("%s: status is one of %s" % (where, ", ".join(STATUSES)))
            if not re.fullmatch(r"\d+\.\d+\.\d+", r["since"]):
                fail("%s: since is a version (0.1.0)" % where)
            for key, kind in (("twilio_code", int), ("fixable", bool), ("weight", float),
                              ("evidence", str)):
                if key in r and not isinstance(r[key], kind):
                    fail("%s: %s must be a %s" % (where, key, kind.__name__))
            if "weight" in r and area != "content":
                fail("%s: only content rules have weights" % where)
            if area == "content" and "weight" not in r:
                fail("%s: a content rule has a weight" % where)
            grades = r.get("grades", [])
            if len(grades) > 1:
                fail("%s: at most one grade besides the base weight" % where)
            for g in grades:
                if set(g) != GRADE_KEYS:
                    fail("%s: a grade has exactly the keys %s" % (where, sorted(GRADE_KEYS)))
                if "weight" not in r:
                    fail("%s: grades need a weight" % where)
            esc = r.get("escalation")
            if esc is not None:
                if set(esc) != ESCALATION_KEYS:
                    fail("%s: escalation has exactly the keys %s" % (where, sorted(ESCALATION_KEYS)))
                if esc["severity"] not in SEVERITIES:
                    fail("%s: escalation severity is one of %s" % (where, ", ".join(SEVERITIES)))
            args = r.get("args", {})
            for name, kind in args.items():
                if kind not in ARG_TYPES:
                    fail("%s: argument %s: type is one of %s" % (where, name, ", ".join(ARG_TYPES)))
            used = re.findall(r"\{([a-z_0-9]+)\}", r["message"])
            if set(used) != set(args):
                fail("%s: message placeholders %s differ from args %s"
                     % (where, sorted(set(used)), sorted(args)))
            last = -1
            for h in DOC_HEADINGS:
                at = r["docs"].find(h)
                if at < last:
                    fail("%s: docs need the headings %s in order" % (where, ", ".join(DOC_HEADINGS)))
                last = at
            rules.append(r)
    rules.sort(key=lambda r: r["id"])
    return rules


def gen_table(rules):
    out = ["// GENERATED by tools/gen_rules.py from data/rules/*.toml; DO NOT EDIT.",
           "// Included by src/rules/registry.cc.", ""]
    for r in rules:
        if r.get("args"):
            out.append("constexpr RuleArgument k%sArgs[] = {%s};" % (
                camel(r["id"]), ", ".join("{%s, %s}" % (raw(n, r["id"]), raw(t, r["id"]))
                                          for n, t in r["args"].items())))
    out.append("")
    out.append("constexpr std::array<RuleInfo, %d> kRules = {{" % len(rules))
    for r in rules:
        grade = (r.get("grades") or [{}])[0]
        esc = r.get("escalation") or {}
        args = r.get("args") or {}
        out.append("    {.id = %s," % raw(r["id"], r["id"]))
        out.append("     .summary = %s," % raw(r["summary"], r["id"]))
        out.append("     .default_severity = %s," % SEVERITIES[r["severity"]])
        out.append("     .twilio_code = %d," % r.get("twilio_code", 0))
        out.append("     .fixable = %s," % ("true" if r.get("fixable", False) else "false"))
        out.append("     .status = %s," % raw(r["status"], r["id"]))
        out.append("     .since = %s," % raw(r["since"], r["id"]))
        out.append("     .message = %s," % raw(r["message"], r["id"]))
        out.append("     .docs = %s," % raw(r["docs"].strip() + "\n", r["id"]))
        out.append("     .weight = %r," % float(r.get("weight", 0.0)))
        out.append("     .weight_high = %r," % float(grade.get("weight", 0.0)))
        out.append("     .weight_high_when = %s," % raw(grade.get("when", ""), r["id"]))
        out.append("     .escalation_when = %s," % raw(esc.get("when", ""), r["id"]))
        out.append("     .escalation_severity = %s," % SEVERITIES[esc.get("severity", "error")])
        out.append("     .arguments = %s," % ("k%sArgs" % camel(r["id"]) if args else "nullptr"))
        out.append("     .argument_count = %d," % len(args))
        out.append("     .evidence = %s}," % raw(r.get("evidence", ""), r["id"]))
    out.append("}};")
    return "\n".join(out) + "\n"


def gen_ids(rules):
    out = ["// GENERATED by tools/gen_rules.py from data/rules/*.toml; DO NOT EDIT.",
           "// Rule id constants: rules emit by constant, so a misspelt id does not",
           "// compile. The value is the rule's index in AllRules().",
           "#ifndef SMSLINT_SRC_GEN_RULE_IDS_H_",
           "#define SMSLINT_SRC_GEN_RULE_IDS_H_",
           "",
           "#include <cstddef>",
           "#include <cstdint>",
           "",
           '#include "rules/rule_id.h"',
           "",
           "namespace smslint::internal {",
           "",
           "inline constexpr size_t kRuleCount = %d;" % len(rules),
           "",
           "namespace rule {"]
    for i, r in enumerate(rules):
        out.append("inline constexpr RuleId k%s{%d};  // %s" % (camel(r["id"]), i, r["id"]))
    out.append("}  // namespace rule")
    out.append("")
    out.append("// Grades: what a rule passes as Outcome::grade (0 is its base weight).")
    out.append("namespace grade {")
    for r in rules:
        for i, g in enumerate(r.get("grades", []), start=1):
            out.append("inline constexpr uint8_t k%s%s = %d;" % (camel(r["id"]), camel(g["name"]), i))
    out.append("}  // namespace grade")
    out.append("")
    out.append("}  // namespace smslint::internal")
    out.append("")
    out.append("#endif  // SMSLINT_SRC_GEN_RULE_IDS_H_")
    return "\n".join(out) + "\n"


def weight_text(w):
    return ("%.6f" % w).rstrip("0").rstrip(".")


def weight_cell(r):
    if "weight" not in r:
        return ""
    cell = weight_text(r["weight"])
    for g in r.get("grades", []):
        cell += " / " + weight_text(g["weight"])
    return cell


def gen_readme_table(rules):
    out = ["| id | severity | Twilio | weight | what |", "|---|---|---|---|---|"]
    for r in rules:
        if r["status"] == "removed":
            continue
        what = r["summary"] + (" (fix)" if r.get("fixable") else "")
        if r["status"] == "preview":
            what += " (preview)"
        out.append("| `%s` | %s | %s | %s | %s |" % (
            r["id"], r["severity"], r.get("twilio_code", "") or "", weight_cell(r), what))
    return "\n".join(out) + "\n"


def gen_docs(rules):
    out = ["# Rules", "",
           "GENERATED by tools/gen_rules.py from data/rules/*.toml; do not edit.",
           "`smslint rule ID` prints the same documentation; `smslint rules` lists",
           "the rules. Ids never change meaning and are never reused: a retired rule",
           "stays with status `removed`.", ""]
    by_area = {}
    for r in rules:
        by_area.setdefault(r["id"].split("/")[0], []).append(r)
    out.append("| area | rules |")
    out.append("|---|---|")
    for area, rs in by_area.items():
        out.append("| `%s/` | %s |" % (area, ", ".join("[`%s`](#%s)" % (
            r["id"].split("/")[1], r["id"].replace("/", "")) for r in rs)))
    out.append("")
    for r in rules:
        out.append("## %s" % r["id"])
        out.append("")
        out.append(r["summary"] + ".")
        out.append("")
        facts = ["severity **%s**" % r["severity"], "status %s" % r["status"],
                 "since %s" % r["since"]]
        if r.get("twilio_code"):
            facts.append("Twilio error %d" % r["twilio_code"])
        if "weight" in r:
            facts.append("weight %s" % weight_text(r["weight"]))
        for g in r.get("grades", []):
            facts.append("weight %s when %s" % (weight_text(g["weight"]), g["when"]))
        if r.get("escalation"):
            facts.append("%s when %s" % (r["escalation"]["severity"], r["escalation"]["when"]))
        if r.get("fixable"):
            facts.append("can carry a fix")
        if r.get("evidence"):
            facts.append("evidence grade %s" % r["evidence"])
        out.append("- " + "; ".join(facts) + ".")
        out.append("- Message: `%s`" % r["message"])
        if r.get("args"):
            out.append("- Arguments: " + ", ".join("`%s` (%s)" % (n, t) for n, t in r["args"].items()))
        out.append("")
        # Demote the rule's own headings one level under the rule's heading.
        out.append(re.sub(r"(?m)^## ", "### ", r["docs"].strip()))
        out.append("")
    return "\n".join(out)


def update_readme(text, table):
    b, e = text.find(BEGIN), text.find(END)
    if b < 0 or e < b:
        fail("README.md has no %s ... %s block" % (BEGIN, END))
    return text[:b + len(BEGIN)] + "\n" + table + text[e:]


def apply_fitted_weights(rules, path):
    """Content weights fitted by tools/fit_content_weights.py
    (data/content/weights.toml) replace the table's for the rules listed."""
    if not path.exists():
        return
    doc = tomllib.loads(path.read_text("utf-8"))
    by_id = {r["id"]: r for r in rules}
    for f in doc.get("rule", []):
        r = by_id.get(f["id"])
        if r is None or "weight" not in r:
            fail("%s: %s is not a content rule" % (path.name, f["id"]))
        r["weight"] = float(f["weight"])
        if "weight_high" in f:
            if not r.get("grades"):
                fail("%s: %s has no grade" % (path.name, f["id"]))
            r["grades"] = [dict(r["grades"][0], weight=float(f["weight_high"]))]


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    root = Path(sys.argv[1])
    out_root = Path(sys.argv[2]) if len(sys.argv) == 3 else root
    rules = load(root / "data/rules")
    apply_fitted_weights(rules, root / "data/content/weights.toml")
    outputs = {
        "src/gen/rules.inc": gen_table(rules),
        "src/gen/rule_ids.h": gen_ids(rules),
        "docs/rules.md": gen_docs(rules),
        "README.md": update_readme((root / "README.md").read_text("utf-8"),
                                   gen_readme_table(rules)),
    }
    for rel, text in outputs.items():
        path = out_root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
