#!/usr/bin/python3
"""Checks `smslint batch --format sarif` against the official SARIF 2.1.0 schema.

    tests/meta/check_sarif.py SMSLINT CSVFILE [EXTRA SMSLINT ARGS...]

Runs `SMSLINT batch CSVFILE --format sarif --exit-zero [EXTRA...]`, validates
its standard output against tests/meta/sarif-schema-2.1.0.json (the OASIS
schema, JSON Schema draft 4, with format checks) and then checks what the
schema leaves optional but smslint promises:

  * every result has a ruleId, a level, a message, and exactly one location
    with a physicalLocation holding artifactLocation.uri and
    region.startLine >= 1;
  * every result has a non-empty partialFingerprints object of strings;
  * every ruleId is listed in runs[].tool.driver.rules (by id), and
    ruleIndex, when given, points at that rule;
  * the log has at least one run, and at least one result (a check on an
    example list that is known to have findings).

Exit status 0 when all hold, 1 otherwise (with one line per problem, at
most 20), 77 (meson's "skipped") when jsonschema cannot be imported.
Needs /usr/bin/python3 with python3-jsonschema (Debian 12: 4.10).
"""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "sarif-schema-2.1.0.json")
MAX_PROBLEMS = 20


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("check_sarif: SKIP: python3-jsonschema is not installed")
        return 77
    smslint, csv_file, extra = argv[1], argv[2], argv[3:]
    cmd = [smslint, "batch", csv_file, "--format", "sarif", "--exit-zero",
           "--quiet"] + extra
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        print("check_sarif: FAIL: %s exited %d:\n%s" % (
            " ".join(cmd), proc.returncode,
            proc.stderr.decode("utf-8", "replace")[-2000:]))
        return 1
    try:
        log = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        print("check_sarif: FAIL: output is not UTF-8 JSON: %s" % e)
        return 1

    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    problems = []
    for err in sorted(validator.iter_errors(log), key=lambda e: list(e.path)):
        path = "/".join(str(p) for p in err.absolute_path) or "(root)"
        problems.append("schema: at %s: %s" % (path, err.message))
        if len(problems) >= MAX_PROBLEMS:
            break

    runs = log.get("runs") if isinstance(log, dict) else None
    if not runs:
        problems.append("the log has no runs")
        runs = []
    n_results = 0
    for ri, run in enumerate(runs):
        driver = ((run or {}).get("tool") or {}).get("driver") or {}
        rules = driver.get("rules") or []
        rule_ids = [r.get("id") for r in rules if isinstance(r, dict)]
        known = set(rule_ids)
        for i, res in enumerate(run.get("results") or []):
            n_results += 1
            where = "runs[%d].results[%d]" % (ri, i)
            rid = res.get("ruleId")
            if not isinstance(rid, str) or not rid:
                problems.append("%s: no ruleId" % where)
            elif rid not in known:
                problems.append("%s: ruleId %r is not in tool.driver.rules"
                                % (where, rid))
            elif "ruleIndex" in res:
                idx = res["ruleIndex"]
                if not (isinstance(idx, int) and 0 <= idx < len(rule_ids)
                        and rule_ids[idx] == rid):
                    problems.append("%s: ruleIndex %r does not point at %r"
                                    % (where, idx, rid))
            if res.get("level") not in ("none", "note", "warning", "error"):
                problems.append("%s: no valid level (%r)"
                                % (where, res.get("level")))
            if not ((res.get("message") or {}).get("text")):
                problems.append("%s: no message.text" % where)
            locs = res.get("locations") or []
            if len(locs) != 1:
                problems.append("%s: %d locations, expected 1"
                                % (where, len(locs)))
            for loc in locs:
                phys = (loc or {}).get("physicalLocation") or {}
                uri = (phys.get("artifactLocation") or {}).get("uri")
                line = (phys.get("region") or {}).get("startLine")
                if not isinstance(uri, str) or not uri:
                    problems.append("%s: no physicalLocation."
                                    "artifactLocation.uri" % where)
                if not isinstance(line, int) or line < 1:
                    problems.append("%s: region.startLine %r is not >= 1"
                                    % (where, line))
            fp = res.get("partialFingerprints")
            if (not isinstance(fp, dict) or not fp or
                    not all(isinstance(v, str) and v for v in fp.values())):
                problems.append("%s: no partialFingerprints" % where)
            if len(problems) >= MAX_PROBLEMS:
                break
    if n_results == 0:
        problems.append("no results at all (expected findings for %s)"
                        % csv_file)

    if problems:
        print("check_sarif: FAIL: %d problem(s) in the SARIF from %s:"
              % (len(problems), " ".join(cmd)))
        for p in problems[:MAX_PROBLEMS]:
            print("  " + p)
        return 1
    print("check_sarif: OK: %d result(s) in %d run(s) valid against SARIF "
          "2.1.0 (%s)" % (n_results, len(runs), cls.__name__))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
