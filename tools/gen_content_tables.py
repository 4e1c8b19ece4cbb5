#!/usr/bin/env python3
"""Writes the content-risk tables in src/gen/ from data/content/:

  content_lexicons.inc  the patterns of data/content/lexicons/*.toml with their
                        macros expanded and whole-word wrapping applied, plus
                        the obfuscation, text-speak and invisible-character tables

Usage: tools/gen_content_tables.py DATA_DIR OUT_DIR
The outputs are committed; the meson test `generated-up-to-date` runs this
into a temporary directory and compares. Format of the data files:
data/content/README.md.
"""
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cpp_literals import camel, raw  # noqa: E402

# What the engine wraps a whole-word pattern in: a letter, digit or "_" on
# either side means the phrase is part of a longer word (RE2's \b is ASCII
# only, so "é" would count as a boundary there).
WORD_BEFORE = r"(?:^|[^\pL\pN_])"
WORD_AFTER = r"(?:[^\pL\pN_]|$)"

# The ASCII form of a pattern (issue 15: cold start). RE2 spends ~2 ms and
# ~0.5 MB compiling each Unicode property class (\\pL has ~600 ranges), so
# the full lexicon set cost ~0.35 s and ~70 MB at every start. In the ASCII
# form each property keeps its ASCII members and, where it is not negated,
# takes every non-ASCII character: it matches exactly what the pattern
# matches on ASCII text, and a superset on other text. The engine runs it
# alone on ASCII text and uses it as a prefilter, confirmed by the pattern
# itself, otherwise (src/content/phrase_engine.cc).
_NON_ASCII = r"\x{80}-\x{10FFFF}"
_PROPERTY = re.compile(r"\\([pP])(?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))")


def _ascii_members(name, where):
    if not re.fullmatch(r"[A-Z][a-z]?", name):
        fail("%s: property \\p{%s}: only general categories are supported" % (where, name))
    cats = [unicodedata.category(chr(c)) for c in range(128)]
    return {c for c in range(128) if cats[c].startswith(name)}


def _class_text(codes):
    """A character-class body for a set of ASCII code points, as ranges."""
    out, codes = [], sorted(codes)
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        esc = lambda c: chr(c) if chr(c).isalnum() else "\\x{%02X}" % c
        out.append(esc(codes[i]) if i == j else esc(codes[i]) + "-" + esc(codes[j]))
        i = j + 1
    return "".join(out)


def _property(m, where):
    """(ASCII members, whether the property is negated) of a \\p match."""
    negated = (m.group(1) == "P") != (m.group(2) == "^")
    members = _ascii_members(m.group(3) or m.group(4), where)
    if negated:
        members = set(range(128)) - members
    return members


def ascii_form(regex, where):
    out, i, n = [], 0, len(regex)
    while i < n:
        c = regex[i]
        if c == "\\":
            m = _PROPERTY.match(regex, i)
            if m:
                members = _property(m, where)
                out.append("(?:[%s]|[^\\x00-\\x7F])" % _class_text(members)
                           if members else "[^\\x00-\\x7F]")
                i = m.end()
                continue
            out.append(regex[i:i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            negated = j < n and regex[j] == "^"
            if negated:
                j += 1
            body_start = j
            if j < n and regex[j] == "]":
                j += 1  # a leading "]" is literal
            while j < n and regex[j] != "]":
                j += 2 if regex[j] == "\\" else 1
            if j >= n:
                fail("%s: unterminated class" % where)
            body = regex[body_start:j]
            props = list(_PROPERTY.finditer(body))
            if props:
                rest, last = [], 0
                for m in props:
                    rest.append(body[last:m.start()])
                    rest.append(_class_text(_property(m, where)))
                    last = m.end()
                rest.append(body[last:])
                # Negated: "not any of these" takes every non-ASCII character
                # already. Positive: add them.
                body = "".join(rest)
                if not negated:
                    # A trailing "-" is a literal hyphen; followed by the
                    # added range it would start a range ("[\pL&!-]" took
                    # "!" to U+0080, every punctuation mark): escape it.
                    if body.endswith("-") and not body.endswith("\\-"):
                        body = body[:-1] + "\\-"
                    body += _NON_ASCII
            out.append("[" + ("^" if negated else "") + body + "]")
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def fail(msg):
    sys.exit("gen_content_tables.py: " + msg)


def expand(text, macros, where):
    def sub(m):
        name = m.group(1)
        if name not in macros:
            fail("%s: unknown macro {{%s}}" % (where, name))
        return "(?:" + macros[name] + ")"
    for _ in range(10):
        new = re.sub(r"\{\{([A-Z0-9_]+)\}\}", sub, text)
        if new == text:
            return new
        text = new
    fail(where + ": macros nest too deep")


def code_point(s, where):
    m = re.fullmatch(r"U\+([0-9A-Fa-f]{4,6})", s)
    if not m:
        fail("%s: bad code point %r" % (where, s))
    return int(m.group(1), 16)


def gen_lexicons(data_dir):
    lex_dir = data_dir / "content/lexicons"
    patterns = []
    versions = []
    leet, words, separators = [], [], ""
    invisible, zwj, styled, scripts = [], None, [], []
    textspeak = []
    not_after = []
    for path in sorted(lex_dir.glob("*.toml")):
        name = path.name
        doc = tomllib.loads(path.read_text("utf-8"))
        if doc.get("format") != 1:
            fail(name + ": format must be 1")
        versions.append((name, doc["version"]))
        macros = {}
        for key, value in doc.get("macros", {}).items():
            macros[key] = expand(value, macros, "%s macro %s" % (name, key))
        for i, p in enumerate(doc.get("pattern", [])):
            where = "%s pattern %d (%s)" % (name, i + 1, p.get("rule"))
            unknown = set(p) - {"rule", "role", "re", "word", "case_sensitive",
                                "unless", "scan", "note", "own_pass"}
            if unknown:
                fail("%s: unknown keys %s" % (where, sorted(unknown)))
            body = expand(p["re"], macros, where)
            scan = p.get("scan", True)
            if p.get("word", True) and scan:
                body = WORD_BEFORE + "(" + body + ")" + WORD_AFTER
            flags = "" if p.get("case_sensitive", False) else "(?i)"
            unless = [expand(u, macros, where) for u in p.get("unless", [])]
            unless_re = (flags + "|".join("(?:" + u + ")" for u in unless)) if unless else ""
            wrapped = p.get("word", True) and scan
            patterns.append((p["rule"], p.get("role", "hit"), flags + body,
                             unless_re, scan, wrapped, name,
                             ascii_form(flags + body, where),
                             ascii_form(unless_re, where + " unless"),
                             bool(p.get("own_pass", False)) and scan))
        if "leet" in doc:
            leet = sorted(doc["leet"].items())
            words = sorted(doc["words"])
            separators = "".join(doc["separators"])
        if "textspeak" in doc:
            lower_only = set(doc.get("lower_only", []))
            between = set(doc.get("between_words", []))
            for k, v in doc["textspeak"].items():
                if not re.fullmatch(r"[a-z0-9]+", k) or k != k.lower():
                    fail("%s: text-speak token %r: lower-case letters and digits only" % (name, k))
                textspeak.append((k, v, k in lower_only, k in between))
            textspeak.sort()
            not_after = sorted(doc.get("between_words_not_after", []))
        if "code_points" in doc:
            invisible = sorted(code_point(c, name) for c in doc["code_points"])
            zwj = code_point(doc["zwj"], name)
            styled = sorted((code_point(a, name), code_point(b, name))
                            for a, b in doc["styled_ranges"])
            scripts = list(doc["confusable_scripts"])
    out = ["// GENERATED by tools/gen_content_tables.py from data/content/lexicons/;"
           " DO NOT EDIT.", ""]
    out.append("inline constexpr std::array<LexiconFile, %d> kLexiconFiles = {{" % len(versions))
    for name, version in versions:
        out.append("    {%s, %s}," % (raw(name, name), raw(version, name)))
    out.append("}};")
    out.append("")
    out.append("// {rule, rule_id, role, regex, unless, scan, wrapped, file,"
               " ascii_regex, ascii_unless, own_pass}")
    out.append("inline constexpr std::array<LexiconPattern, %d> kLexiconPatterns = {{"
               % len(patterns))
    for rule, role, body, unless, scan, wrapped, name, a_body, a_unless, own in patterns:
        out.append("    {%s, rule::k%s, %s,\n     %s,\n     %s, %s, %s, %s,\n     %s,\n     %s, %s}," % (
            raw(rule, rule), camel(rule), raw(role, rule), raw(body, rule),
            raw(unless, rule), "true" if scan else "false",
            "true" if wrapped else "false", raw(name, rule),
            raw(a_body, rule), raw(a_unless, rule), "true" if own else "false"))
    out.append("}};")
    out.append("")
    out.append("inline constexpr std::array<LeetEntry, %d> kLeet = {{" % len(leet))
    for k, v in leet:
        if len(k) != 1 or len(v) != 1:
            fail("obfuscation: leet entries map one character to one letter")
        out.append("    {%s, %s}," % (raw(k, "leet"), raw(v, "leet")))
    out.append("}};")
    out.append("inline constexpr std::array<std::string_view, %d> kObfuscationWords = {{"
               % len(words))
    for w in words:
        out.append("    %s," % raw(w, "words"))
    out.append("}};")
    out.append("inline constexpr std::string_view kObfuscationSeparators = %s;"
               % raw(separators, "separators"))
    out.append("")
    out.append("// {token, word, lower_only, between_words}, sorted by token")
    out.append("inline constexpr std::array<TextSpeakEntry, %d> kTextSpeak = {{"
               % len(textspeak))
    for k, v, lower, between in textspeak:
        out.append("    {%s, %s, %s, %s}," % (raw(k, "textspeak"), raw(v, "textspeak"),
                                            "true" if lower else "false",
                                            "true" if between else "false"))
    out.append("}};")
    out.append("inline constexpr std::array<std::string_view, %d> kTextSpeakNotAfter = {{"
               % len(not_after))
    for w in not_after:
        out.append("    %s," % raw(w, "textspeak"))
    out.append("}};")
    out.append("")
    out.append("inline constexpr std::array<char32_t, %d> kInvisibleCodePoints = {{"
               % len(invisible))
    if invisible:
        out.append("    " + ", ".join("0x%04X" % c for c in invisible) + ",")
    out.append("}};")
    out.append("inline constexpr char32_t kZeroWidthJoiner = 0x%04X;" % (zwj or 0x200D))
    out.append("inline constexpr std::array<CodePointRange, %d> kStyledRanges = {{"
               % len(styled))
    for a, b in styled:
        out.append("    {0x%04X, 0x%04X}," % (a, b))
    out.append("}};")
    out.append("inline constexpr std::array<std::string_view, %d> kConfusableScripts = {{"
               % len(scripts))
    for s in scripts:
        out.append("    %s," % raw(s, "scripts"))
    out.append("}};")
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "content_lexicons.inc").write_text(gen_lexicons(data_dir), "utf-8")


if __name__ == "__main__":
    main()
