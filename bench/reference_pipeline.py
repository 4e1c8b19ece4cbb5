#!/usr/bin/python3
"""Reference Python pipeline for `smslint batch` (the benchmark's baseline).

What a careful team would write in an afternoon with the standard library and
python3-phonenumbers, doing the same per-row work as
`smslint batch FILE --template T --format jsonl`, minus content and media
rules:

  * read the CSV with the `csv` module (UTF-8 with or without BOM, any line
    ends, quoted fields with delimiters and line breaks inside);
  * find the columns by the same header aliases as smslint
    (to/phone/mobile/number/msisdn/recipient, country/region, id, kind/type,
    body/message/text/sms, from/sender), ASCII case-insensitively;
  * parse the recipient with phonenumbers, with the row's country (or
    --region) as the default region: is_possible_number_with_reason,
    is_valid_number, number_type, format as E.164;
  * render the message template ({{column}}, `\\{{` escape), or take the body
    column;
  * count segments: GSM-7 (basic + extension table from data/gsm7.tsv,
    160/153 septets, an escape pair never split) or UCS-2 (70/67 UTF-16
    units, a surrogate pair never split);
  * flag duplicates by E.164 (every row after the first with the same number;
    a number that does not parse is keyed by its text, trimmed);
  * write one JSON record per row (JSONL) and a summary with the same keys as
    smslint's --summary.

It does not do what smslint does beyond that: no content rules (URLs,
shorteners, opt-out wording, spam phrasing), no media/MMS rules, no sender
rules, no grapheme clusters (it counts per code point, so a combining mark
or ZWJ sequence on a segment boundary may pack differently), no Smart
Encoding, no risk score. Its diagnostics use smslint's number rule ids where
they mean the same thing, so the "rules" counts are comparable for those.

Single process, on purpose: that is the honest baseline.

Usage (needs /usr/bin/python3 with python3-phonenumbers):
  bench/reference_pipeline.py FILE [--template T] [--region CC]
      [--delimiter C] [--output FILE|-] [--summary FILE] [--gsm7 PATH]
"""

import argparse
import csv
import json
import os
import sys
import time

try:
    import phonenumbers
    from phonenumbers import PhoneNumberType, NumberParseException
    from phonenumbers import ValidationResult
except ImportError:  # pragma: no cover
    sys.exit("reference_pipeline: needs python3-phonenumbers "
             "(run it with /usr/bin/python3 on Debian)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ALIASES = {
    "to": ("to", "phone", "mobile", "number", "msisdn", "recipient"),
    "from": ("from", "sender"),
    "body": ("body", "message", "text", "sms"),
    "kind": ("kind", "type"),
    "id": ("id",),
    "country": ("country", "region"),
    "first_message": ("first_message",),
}

TYPE_NAMES = {
    PhoneNumberType.FIXED_LINE: "fixed_line",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium_rate",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal_number",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
    PhoneNumberType.UNKNOWN: "unknown",
}

POSSIBLE_NAMES = {
    ValidationResult.IS_POSSIBLE: "is_possible",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "is_possible_local_only",
    ValidationResult.INVALID_COUNTRY_CODE: "invalid_country_code",
    ValidationResult.TOO_SHORT: "too_short",
    ValidationResult.INVALID_LENGTH: "invalid_length",
    ValidationResult.TOO_LONG: "too_long",
}

# Number types smslint flags (not deliverable by SMS, or maybe not mobile).
TYPE_RULES = {
    PhoneNumberType.FIXED_LINE_OR_MOBILE: ("to/fixed-line-or-mobile", "info"),
    PhoneNumberType.FIXED_LINE: ("to/fixed-line", "warning"),
    PhoneNumberType.TOLL_FREE: ("to/toll-free", "warning"),
    PhoneNumberType.PREMIUM_RATE: ("to/premium-rate", "warning"),
    PhoneNumberType.SHARED_COST: ("to/shared-cost", "warning"),
    PhoneNumberType.PAGER: ("to/pager", "warning"),
    PhoneNumberType.UAN: ("to/uan", "warning"),
    PhoneNumberType.VOICEMAIL: ("to/voicemail", "warning"),
}


# ---------------------------------------------------------------- segments

def load_gsm7(path):
    """Returns (basic, extension): sets of characters from data/gsm7.tsv."""
    basic, ext = set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("codepoint"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0].startswith("U+"):
                continue
            ch = chr(int(parts[0][2:], 16))
            (ext if len(parts[1].split()) == 2 else basic).add(ch)
    return frozenset(basic), frozenset(ext)


class Segmenter:
    def __init__(self, gsm7_path):
        self.basic, self.ext = load_gsm7(gsm7_path)
        self.all = self.basic | self.ext
        self.ext_list = tuple(self.ext)

    def count(self, text):
        """Returns (encoding, segment_count, characters)."""
        if self.all.issuperset(text):
            n_ext = 0
            for c in self.ext_list:
                if c in text:
                    n_ext += text.count(c)
            septets = len(text) + n_ext
            if septets <= 160:
                return "GSM-7", (1 if septets else 0), septets
            if not n_ext:
                return "GSM-7", -(-septets // 153), septets
            segs, fill, ext = 1, 0, self.ext
            for c in text:
                w = 2 if c in ext else 1
                if fill + w > 153:
                    segs += 1
                    fill = 0
                fill += w
            return "GSM-7", segs, septets
        chars = len(text)
        units = len(text.encode("utf-16-le")) // 2
        if units <= 70:
            return "UCS-2", 1, chars
        if units == chars:  # no surrogate pairs: nothing to keep together
            return "UCS-2", -(-units // 67), chars
        segs, fill = 1, 0
        for c in text:
            w = 2 if ord(c) > 0xFFFF else 1
            if fill + w > 67:
                segs += 1
                fill = 0
            fill += w
        return "UCS-2", segs, chars


# ---------------------------------------------------------------- template

def parse_template(tpl):
    """Splits a template into literal strings and placeholder names.

    `{{ name }}` is a placeholder (name trimmed of spaces and tabs);
    `\\{{` is a literal `{{`; `\\\\{{` is a backslash then a placeholder.
    """
    parts, lit, i, n = [], [], 0, len(tpl)
    while i < n:
        if tpl.startswith("\\\\{{", i):
            lit.append("\\")
            i += 2
            continue
        if tpl.startswith("\\{{", i):
            lit.append("{{")
            i += 3
            continue
        if tpl.startswith("{{", i):
            end = tpl.find("}}", i + 2)
            if end < 0:
                raise ValueError("template: '{{' at byte %d is not closed" % i)
            name = tpl[i + 2:end].strip(" \t")
            if not name or "{" in name or "}" in name:
                raise ValueError("template: bad placeholder at %d" % i)
            if lit:
                parts.append("".join(lit))
                lit = []
            parts.append((name,))
            i = end + 2
            continue
        lit.append(tpl[i])
        i += 1
    if lit:
        parts.append("".join(lit))
    return parts


def bind_template(parts, header):
    """Returns a list of str (literal) or int (column index), or raises."""
    keys = [h.strip(" \t").lower() for h in header]
    out, missing = [], []
    for p in parts:
        if isinstance(p, str):
            out.append(p)
            continue
        want = p[0].lower()
        if want in keys:
            out.append(keys.index(want))
        else:
            missing.append(p[0])
    if missing:
        raise ValueError("template: no column for %s" % ", ".join(missing))
    return out


# ---------------------------------------------------------------- pipeline

def find_columns(header, overrides):
    keys = [h.strip(" \t").lower() for h in header]
    cols = {}
    for key, names in ALIASES.items():
        for i, k in enumerate(keys):
            if k in names:
                cols[key] = i
                break
    for key, name in overrides.items():
        name = name.strip(" \t").lower()
        if name not in keys:
            raise ValueError("--column %s=%s: no such header" % (key, name))
        cols[key] = keys.index(name)
    return cols


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--template")
    ap.add_argument("--region", default="US")
    ap.add_argument("--delimiter", default=",")
    ap.add_argument("--column", action="append", default=[],
                    metavar="KEY=HEADER")
    ap.add_argument("--output", default="-")
    ap.add_argument("--summary")
    ap.add_argument("--gsm7", default=os.path.join(ROOT, "data", "gsm7.tsv"))
    args = ap.parse_args(argv)

    seg = Segmenter(args.gsm7)
    default_region = args.region.upper()
    overrides = dict(c.split("=", 1) for c in args.column)

    t0 = time.perf_counter()
    out = (sys.stdout if args.output == "-"
           else open(args.output, "w", encoding="utf-8", newline="\n"))
    write = out.write
    dumps = json.JSONEncoder(ensure_ascii=False,
                             separators=(",", ":")).encode

    parse = phonenumbers.parse
    possible_reason = phonenumbers.is_possible_number_with_reason
    is_valid = phonenumbers.is_valid_number
    number_type = phonenumbers.number_type
    fmt = phonenumbers.format_number
    E164 = phonenumbers.PhoneNumberFormat.E164
    IS_POSSIBLE = ValidationResult.IS_POSSIBLE

    rows = rows_with_errors = duplicates = segments_total = 0
    rules = {}
    seen = {}

    with open(args.file, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=args.delimiter)
        header = next(reader, None)
        if header is None:
            header = []
        cols = find_columns(header, overrides)
        if "to" not in cols:
            sys.exit("reference_pipeline: no recipient column in the header")
        tpl = (bind_template(parse_template(args.template), header)
               if args.template is not None else None)
        c_to, c_id = cols["to"], cols.get("id")
        c_cc, c_body = cols.get("country"), cols.get("body")
        last_line = reader.line_num
        row = 0
        for rec in reader:
            line = last_line + 1
            last_line = reader.line_num
            if not rec:  # blank line
                continue
            row += 1
            nf = len(rec)
            diags = []
            to = rec[c_to] if c_to < nf else ""
            region = default_region
            if c_cc is not None and c_cc < nf and rec[c_cc].strip():
                region = rec[c_cc].strip().upper()
            num = {"input": to, "region": region, "e164": None,
                   "possible": None, "valid": False, "type": None}
            error = False
            if not to.strip():
                diags.append({"rule_id": "to/missing", "severity": "error"})
                error = True
            else:
                try:
                    pn = parse(to, region)
                except NumberParseException:
                    pn = None
                    diags.append({"rule_id": "to/unparseable",
                                  "severity": "error"})
                    error = True
                if pn is not None:
                    reason = possible_reason(pn)
                    num["possible"] = POSSIBLE_NAMES.get(reason, str(reason))
                    e164 = fmt(pn, E164)
                    num["e164"] = e164
                    if to != e164:
                        diags.append({"rule_id": "to/not-e164",
                                      "severity": "error", "e164": e164})
                        error = True
                    if reason != IS_POSSIBLE:
                        diags.append({"rule_id": "to/not-possible",
                                      "severity": "error",
                                      "reason": num["possible"]})
                        error = True
                    elif not is_valid(pn):
                        diags.append({"rule_id": "to/not-valid",
                                      "severity": "warning"})
                    else:
                        num["valid"] = True
                        t = number_type(pn)
                        num["type"] = TYPE_NAMES.get(t, "unknown")
                        r = TYPE_RULES.get(t)
                        if r:
                            diags.append({"rule_id": r[0],
                                          "severity": r[1]})
                # Duplicates: by E.164 when the number parses (valid or
                # not), else by the text trimmed of spaces and tabs, as
                # smslint does (which stops remembering new recipients
                # after 786,432 distinct ones; this keeps them all).
                key = num["e164"] or to.strip(" \t")
                first = seen.get(key)
                if first is None:
                    seen[key] = row
                else:
                    duplicates += 1
                    diags.append({"rule_id": "input/duplicate-recipient",
                                  "severity": "warning",
                                  "first_row": first})
            if tpl is not None:
                body = "".join([p if p.__class__ is str else
                                (rec[p] if p < nf else "") for p in tpl])
            elif c_body is not None and c_body < nf:
                body = rec[c_body]
            else:
                body = ""
            enc, nseg, nchar = seg.count(body)
            segments_total += nseg
            if enc == "UCS-2":
                diags.append({"rule_id": "segments/forces-ucs2",
                              "severity": "warning"})
            for d in diags:
                rid = d["rule_id"]
                rules[rid] = rules.get(rid, 0) + 1
            if error:
                rows_with_errors += 1
            write(dumps({
                "row": row,
                "line": line,
                "id": rec[c_id] if c_id is not None and c_id < nf else None,
                "diagnostics": diags,
                "to_number": num,
                "segments": {"segment_count": nseg, "encoding": enc,
                             "characters": nchar},
            }))
            write("\n")
        rows = row
    if out is not sys.stdout:
        out.close()
    else:
        out.flush()
    elapsed = time.perf_counter() - t0
    summary = {
        "rows": rows,
        "rows_with_errors": rows_with_errors,
        "duplicates": duplicates,
        "segments_total": segments_total,
        "rules": dict(sorted(rules.items())),
        "elapsed_seconds": round(elapsed, 3),
        "rows_per_second": round(rows / elapsed, 1) if elapsed > 0 else None,
    }
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
