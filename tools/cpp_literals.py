"""What the generators in tools/ share: C++ raw string literals and the rule
id constant names of src/gen/rule_ids.h."""
import re
import sys


def raw(s, what):
    """A C++ raw string literal holding s."""
    for delim in ("", "x", "re", "smslint"):
        if ")" + delim + '"' not in s:
            return 'R"' + delim + "(" + s + ")" + delim + '"'
    sys.exit("cannot quote " + what + " as a C++ raw string")


def camel(rule_id):
    """content/all-caps -> ContentAllCaps (the constant is k + this)."""
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[/_-]", rule_id) if p)
