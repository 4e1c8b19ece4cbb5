#!/usr/bin/python3
"""Differential test: smslint's number facts vs python-phonenumbers.

Debian's python3-phonenumbers and libphonenumber-dev carry the same
metadata version (8.12.57), so on the same input they must agree. Generates
numbers with a fixed seed (every region's example number of every type,
last 1-4 digits replaced, 10% a digit shorter or longer, in E.164 and in
national format with the region, in international format, as tel: URIs,
and 5% random junk), runs them through numbers_dump (ours) and
python-phonenumbers, and compares: parse failure and its reason, E.164
form, region, possibility reason, validity, type.

  numbers_differential.py --dump build/tests/differential/numbers_dump
      [--count 6000] [--seed N]

Exit: 0 all agree, 1 a mismatch, 77 (meson's skip) when python3-phonenumbers
is missing. Needs /usr/bin/python3 (only it sees Debian's module).
"""

import argparse
import json
import random
import re
import subprocess
import sys

try:
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberType, ValidationResult
except ImportError:
    print("python3-phonenumbers is not installed: skipped")
    sys.exit(77)

# python-phonenumbers compiles patterns through re's cache; the default 512
# entries thrash across 245 regions (50x slower).
re._MAXCACHE = 100000

PARSE_REASONS = {
    NumberParseException.INVALID_COUNTRY_CODE: "invalid_country_code",
    NumberParseException.NOT_A_NUMBER: "not_a_number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "too_short_after_idd",
    NumberParseException.TOO_SHORT_NSN: "too_short",
    NumberParseException.TOO_LONG: "too_long",
}
POSSIBLE_REASONS = {
    ValidationResult.IS_POSSIBLE: "",
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "local_only",
    ValidationResult.INVALID_COUNTRY_CODE: "invalid_country_code",
    ValidationResult.TOO_SHORT: "too_short",
    ValidationResult.INVALID_LENGTH: "invalid_length",
    ValidationResult.TOO_LONG: "too_long",
}
TYPES = {
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


def generate(count, seed):
    rng = random.Random(seed)
    seeds = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for t in sorted(TYPES):
            n = phonenumbers.example_number_for_type(region, t)
            if n is not None:
                seeds.append((region, n))
    out = []
    while len(out) < count:
        region, n = rng.choice(seeds)
        e164 = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
        k = rng.randint(1, 4)
        digits = e164[:-k] + "".join(rng.choice("0123456789") for _ in range(k))
        r = rng.random()
        if r < 0.05:
            digits = digits[:-1]
        elif r < 0.10:
            digits += rng.choice("0123456789")
        style = rng.random()
        if style < 0.05:
            # Junk: what parse failures and odd lengths are made of.
            junk = "".join(rng.choice("+0123456789 -().x#*abc")
                           for _ in range(rng.randint(1, 20)))
            out.append((rng.choice(["", region]), junk))
            continue
        if style < 0.5:
            out.append(("", digits))
            continue
        try:
            parsed = phonenumbers.parse(digits, None)
        except NumberParseException:
            out.append(("", digits))
            continue
        if style < 0.8:
            out.append((region, phonenumbers.format_number(
                parsed, phonenumbers.PhoneNumberFormat.NATIONAL)))
        elif style < 0.95:
            out.append(("", phonenumbers.format_number(
                parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)))
        else:
            out.append(("", "tel:" + digits))
    return out


def theirs(region, text):
    try:
        n = phonenumbers.parse(text, region or None)
    except NumberParseException as e:
        reason = PARSE_REASONS[e.error_type]
        if reason == "invalid_country_code" and not region and "+" not in text:
            reason = "no_region"
        return {"e164": "", "region": "", "possible": False, "valid": False,
                "type": "unknown", "reason": reason}
    e164 = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
    reason = POSSIBLE_REASONS[phonenumbers.is_possible_number_with_reason(n)]
    # smslint adds E.164's 15-digit cap to libphonenumber's lengths.
    if not reason and len(e164) > 16:
        reason = "too_long"
    possible = not reason
    valid = possible and phonenumbers.is_valid_number(n)
    if possible and not valid:
        reason = "not_valid_for_region"
    return {"e164": e164,
            "region": phonenumbers.region_code_for_number(n) or "",
            "possible": possible, "valid": valid,
            "type": TYPES[phonenumbers.number_type(n)] if valid else "unknown",
            "reason": reason}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", required=True)
    ap.add_argument("--count", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=20261126)
    args = ap.parse_args()
    cases = generate(args.count, args.seed)
    tsv = "".join(f"{r}\t{t}\n" for r, t in cases)
    out = subprocess.run([args.dump], input=tsv, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert len(out) == len(cases), (len(out), len(cases))
    mismatches = 0
    counts = {"parsed": 0, "possible": 0, "valid": 0}
    for (region, text), line in zip(cases, out):
        ours = json.loads(line)
        ours["region"] = ours["region"] if ours["region"] != "ZZ" else ""
        want = theirs(region, text)
        counts["parsed"] += bool(want["e164"])
        counts["possible"] += want["possible"]
        counts["valid"] += want["valid"]
        if ours != want:
            mismatches += 1
            if mismatches <= 10:
                print(f"MISMATCH {region!r} {text!r}\n  ours   {ours}\n  theirs {want}")
    print(f"{len(cases)} numbers, {counts['parsed']} parsed, "
          f"{counts['possible']} possible, {counts['valid']} valid; "
          f"{mismatches} mismatch(es) (metadata {phonenumbers.__version__})")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
