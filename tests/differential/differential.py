#!/usr/bin/env python3
"""Differential test: smslint's segment engine vs npm sms-segments-calculator.

Generates random bodies with a fixed seed, runs them through segments_dump
(ours) and calc_dump.mjs (the calculator, from tools/npm-ref) and compares
every field in four modes: auto, smart, forced UCS-2, forced GSM-7.

Bodies come in two categories:
  main       built only from constructs on which grapheme-splitter 1.0.4
             (Unicode 10) and ICU 72 agree; every field must match.
  deviation  each holds one construct of a documented deviation
             (docs/segments.md): newer emoji ZWJ sequences, an emoji
             modifier after a non-E_Base character, an Indic virama
             conjunct, an oversize (>67 unit) cluster. Reported per class,
             never a failure.

  differential.py --dump build/tests/differential/segments_dump \\
      --npm-ref tools/npm-ref [--count 3000] [--seed N] [--keep DIR]
      [--bodies FILE.jsonl]   # check given bodies (all "main") instead

Exit: 0 all main bodies match, 1 a mismatch, 77 (meson's skip) when node or
the calculator's node_modules is missing.
"""

import argparse
import collections
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
MODES = ("auto", "smart", "ucs2", "gsm7")
FIELDS = ("error", "encoding", "segments", "fill", "characters",
          "code_points", "message_bits", "total_bits", "non_gsm",
          "line_break", "text")

# GSM-7 (3GPP TS 23.038 basic + extension), only to steer body lengths.
GSM_BASIC = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789"
                ":;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstu"
                "vwxyzäöñüà")
GSM_EXT = set("\f^{}\\[~]|€")

WORDS = ("the your code is order ready reply stop help call now today "
         "tomorrow thanks sale link confirm cancel meeting at pm am "
         "delivery track account balance new offer").split()
GSM_NON_ASCII = "£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤ÄÖÑÜ§¿¡äöñüà"
NON_GSM_LATIN = "çáíóúâêîôûãõąęłńśźżőűčšžřťďňğışİŁÿœŒÁÍÓÚ"
WORDS_OTHER = ["привет", "заказ", "Спасибо", "καλημέρα", "ευχαριστώ",
               "παραγγελία", "مرحبا", "شكرا", "طلبك", "شُكْرًا"]
# Unicode <= 10 emoji; alone they are one cluster for both segmenters.
EMOJI = ["😀", "😂", "🎉", "👍", "🔥", "✨", "🙏", "💯", "🚀", "😍", "🤖",
         "📦", "☀", "✈", "❤", "⌚", "☎", "🥳", "🫠"]
# E_Base in Unicode 10, so a following modifier joins in both.
EMOJI_BASE = ["👍", "👋", "🙌", "💪", "👏", "✌", "☝", "✊", "✋", "👶"]
MODIFIERS = ["\U0001F3FB", "\U0001F3FC", "\U0001F3FD", "\U0001F3FE",
             "\U0001F3FF"]
# ZWJ sequences whose every joined part is E_Base_GAZ or Glue_After_Zwj in
# Unicode 10: one cluster for grapheme-splitter and for ICU.
EMOJI_ZWJ_SAFE = ["👨‍👩‍👧‍👦", "👨‍👨‍👦", "👩‍💻", "👨‍🚀", "🏳️‍🌈",
                  "👩🏽‍💻", "👩‍❤️‍👨", "👨‍⚕️"]
REGIONAL = [chr(c) for c in range(0x1F1E6, 0x1F200)]
FLAGS = ["🇺🇸", "🇯🇵", "🇩🇪", "🇧🇷", "🇮🇹", "🇫🇷", "🇮🇳"]

DEVIATIONS = {
    # grapheme-splitter cuts these; ICU keeps each whole.
    "zwj-new": ["🫱🏻‍🫲🏿", "❤️‍🔥", "🙂‍↔️", "🐦‍🔥", "🧑‍🤝‍🧑"],
    # Unicode 11+ made modifiers Extend: ICU joins them to anything.
    "modifier-non-ebase": ["a🏽", "🫱🏽", "🥷🏿", " 🏻", "😀🏿"],
    # ICU 72 keeps the conjunct whole; Unicode 10 splits after the virama.
    "virama": ["क्ष", "स्ते", "त्रि", "ক্ষ"],
    # > 67 UTF-16 units in one cluster: packed per code point by us.
    "oversize": None,
}


def load_smart_keys(path):
    keys = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("U+"):
                keys.append(chr(int(line.split("\t", 1)[0][2:], 16)))
    return keys


class Generator:
    """All randomness comes from one random.Random(seed)."""

    def __init__(self, seed, smart_keys):
        self.rng = random.Random(seed)
        self.smart_keys = smart_keys

    # -- pieces: each returns a short string ------------------------------
    def word(self):
        r = self.rng
        w = r.choice(WORDS)
        return w.capitalize() if r.random() < 0.2 else w

    def digits(self):
        return str(self.rng.randint(0, 10 ** self.rng.randint(1, 8)))

    def gsm_other(self):
        return self.rng.choice(GSM_NON_ASCII)

    def gsm_ext(self):
        return self.rng.choice(sorted(GSM_EXT))

    def line_break(self):
        return self.rng.choice(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])

    def smart(self):
        return self.rng.choice(self.smart_keys)

    def latin(self):
        return self.rng.choice(NON_GSM_LATIN)

    def other_script(self):
        return self.rng.choice(WORDS_OTHER)

    def cjk(self):
        r = self.rng
        lo, hi = r.choice([(0x4E00, 0x9FFF), (0x3041, 0x3096),
                           (0xAC00, 0xD7A3), (0x20000, 0x2A6DF)])
        return "".join(chr(r.randint(lo, hi)) for _ in range(r.randint(1, 4)))

    def jamo(self):
        # Conjoining jamo and precomposed syllables in any order: the
        # Hangul rules GB6-GB8 decide the clusters.
        r = self.rng
        kinds = [(0x1100, 0x1112), (0x1161, 0x1175), (0x11A8, 0x11C2),
                 (0xAC00, 0xAC00), (0xAC01, 0xAC01)]
        return "".join(chr(r.randint(*r.choice(kinds)))
                       for _ in range(r.randint(1, 4)))

    def emoji(self):
        r = self.rng
        e = r.choice(EMOJI)
        return e + "\uFE0F" if r.random() < 0.3 else e

    def emoji_modified(self):
        return self.rng.choice(EMOJI_BASE) + self.rng.choice(MODIFIERS)

    def emoji_zwj(self):
        return self.rng.choice(EMOJI_ZWJ_SAFE)

    def flag(self):
        r = self.rng
        if r.random() < 0.7:
            return r.choice(FLAGS)
        return "".join(r.choice(REGIONAL) for _ in range(r.randint(1, 5)))

    def keycap(self):
        return self.rng.choice("0123456789#*") + "\uFE0F\u20E3"

    def combining(self):
        r = self.rng
        base = r.choice("aeiouAEnN" + NON_GSM_LATIN[:6] + "ж")
        return base + "".join(chr(r.randint(0x300, 0x36F))
                              for _ in range(r.randint(1, 4)))

    PROFILES = {
        # name: [(piece, weight)]
        "gsm": [("word", 10), ("digits", 2), ("gsm_other", 2),
                ("gsm_ext", 2), ("line_break", 1)],
        "gsm+smart": [("word", 10), ("digits", 2), ("gsm_other", 1),
                      ("gsm_ext", 1), ("line_break", 1), ("smart", 2)],
        "latin": [("word", 8), ("gsm_other", 2), ("gsm_ext", 1),
                  ("latin", 3), ("combining", 1), ("smart", 1),
                  ("line_break", 1)],
        "mixed": [("word", 4), ("other_script", 3), ("cjk", 2), ("jamo", 1),
                  ("latin", 1), ("gsm_ext", 1), ("emoji", 1),
                  ("emoji_modified", 1), ("emoji_zwj", 1), ("flag", 1),
                  ("keycap", 1), ("combining", 1), ("smart", 1),
                  ("line_break", 1)],
        "emoji": [("word", 3), ("emoji", 5), ("emoji_modified", 2),
                  ("emoji_zwj", 2), ("flag", 2), ("keycap", 1),
                  ("line_break", 1)],
    }
    PROFILE_WEIGHTS = {"gsm": 25, "gsm+smart": 20, "latin": 15, "mixed": 25,
                       "emoji": 15}

    def target_length(self):
        """Septets or UTF-16 units; many near the 70/160/67k/153k edges."""
        r = self.rng
        x = r.random()
        if x < 0.45:
            edge = r.choice([70, 160, 134, 201, 268, 335, 306, 459, 612])
            return max(0, edge + r.randint(-4, 4))
        if x < 0.70:
            return r.randint(0, 200)
        if x < 0.95:
            return r.randint(200, 1000)
        return r.randint(1000, 2000)

    def pieces(self, profile, target):
        r = self.rng
        names, weights = zip(*self.PROFILES[profile])
        out, septets, units, gsm = [], 0, 0, True
        while (septets if gsm else units) < target:
            p = getattr(self, r.choices(names, weights)[0])()
            if out and r.random() < 0.6:
                p = " " + p
            out.append(p)
            for ch in p:
                septets += 2 if ch in GSM_EXT else 1
                units += 2 if ord(ch) > 0xFFFF else 1
                gsm = gsm and (ch in GSM_BASIC or ch in GSM_EXT)
        return out

    def main_body(self):
        names, weights = zip(*self.PROFILE_WEIGHTS.items())
        profile = self.rng.choices(names, weights)[0]
        return profile, "".join(self.pieces(profile, self.target_length()))

    def deviation_body(self):
        r = self.rng
        cls = r.choice(sorted(DEVIATIONS))
        if cls == "oversize":
            construct = r.choice("aeж") + "\u0301" * r.randint(67, 150)
        else:
            construct = r.choice(DEVIATIONS[cls])
        parts = self.pieces(r.choice(["gsm", "mixed"]), self.target_length())
        parts.insert(r.randint(0, len(parts)), construct)
        return cls, "".join(parts)


# Known edge cases (reference §2, §6): all must match exactly.
FIXED = [
    "", "\r\n", "\n", "\r", "a\r\nb\nc", "]" * 153, "{" + "1" * 159,
    "a" * 152 + "{" + "b" * 152, "a" * 66 + "😀" + "b" * 66,
    "a" * 66 + "e\u0301" + "b" * 66, "a" * 65 + "🇮🇹" + "b" * 65,
    "a" * 80 + "\r\n" + "a" * 79, "a" * 80 + "\n" + "a" * 79,
    "…" * 161, "\t" * 161, "1" * 150 + "’", "Résumé été Été",
    "Re\u0301sume\u0301", "Page 1\fPage 2", "n\u0303", "€" * 80,
    "this is a " + "]" * 75 + "😘", "a" * 160, "a" * 161, "ж" * 70,
    "ж" * 71, "😀" * 35, "😀" * 36, "\u200b\u200c\u200d\u2060\ufeff",
]


def generate(seed, count, smart_keys):
    g = Generator(seed, smart_keys)
    bodies = [("main", "fixed", b) for b in FIXED]
    while len(bodies) < count:
        if g.rng.random() < 0.1:
            cls, body = g.deviation_body()
            bodies.append(("deviation", cls, body))
        else:
            profile, body = g.main_body()
            bodies.append(("main", profile, body))
    return bodies


def differences(ours, theirs):
    """[(mode, field, ours_value, their_value)]"""
    out = []
    for mode in MODES:
        a, b = ours.get(mode, {}), theirs.get(mode, {})
        for field in FIELDS:
            if a.get(field) != b.get(field):
                out.append((mode, field, a.get(field), b.get(field)))
        if "count" in a and a["count"] != a.get("segments"):
            out.append((mode, "count(CountSegments)", a["count"],
                        a.get("segments")))
    return out


def run(cmd, out_path):
    with open(out_path, "w", encoding="utf-8") as f:
        subprocess.run(cmd, stdout=f, check=True)
    with open(out_path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", required=True, help="segments_dump binary")
    ap.add_argument("--npm-ref", default=os.path.join(root, "tools", "npm-ref"))
    ap.add_argument("--node", default=shutil.which("node"))
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=20240617)
    ap.add_argument("--bodies", help="JSONL of bodies to check instead")
    ap.add_argument("--keep", help="write bodies and outputs to this folder")
    ap.add_argument("--show", type=int, default=20,
                    help="mismatching main bodies to print")
    args = ap.parse_args()

    if not args.node:
        print("SKIP: node not found (apt-get install nodejs npm)")
        return SKIP
    calc = os.path.join(args.npm_ref, "node_modules", "sms-segments-calculator")
    if not os.path.isdir(calc):
        print(f"SKIP: {calc} missing (npm ci --prefix tools/npm-ref)")
        return SKIP

    if args.bodies:
        with open(args.bodies, encoding="utf-8") as f:
            bodies = [("main", "given", json.loads(l)["body"])
                      for l in f if l.strip()]
    else:
        smart_keys = load_smart_keys(
            os.path.join(root, "data", "smart_encoding.tsv"))
        bodies = generate(args.seed, args.count, smart_keys)

    work = args.keep or tempfile.mkdtemp(prefix="smslint-diff-")
    os.makedirs(work, exist_ok=True)
    bodies_path = os.path.join(work, "bodies.jsonl")
    with open(bodies_path, "w", encoding="utf-8") as f:
        for category, tag, body in bodies:
            f.write(json.dumps({"body": body, "category": category,
                                "tag": tag}, ensure_ascii=False) + "\n")
    started = time.monotonic()
    ours = run([args.dump, bodies_path], os.path.join(work, "ours.jsonl"))
    theirs = run([args.node, os.path.join(here, "calc_dump.mjs"),
                  args.npm_ref, bodies_path],
                 os.path.join(work, "theirs.jsonl"))
    elapsed = time.monotonic() - started
    if not args.keep:
        shutil.rmtree(work)
    if len(ours) != len(bodies) or len(theirs) != len(bodies):
        print(f"FAIL: {len(bodies)} bodies, {len(ours)} ours, "
              f"{len(theirs)} calculator lines")
        return 1

    failures = []
    per_class = collections.defaultdict(
        lambda: {"bodies": 0, "differ": 0, "fields": collections.Counter()})
    main_count = 0
    for (category, tag, body), a, b in zip(bodies, ours, theirs):
        diffs = differences(a, b)
        if category == "main":
            main_count += 1
            if diffs:
                failures.append((tag, body, diffs))
            continue
        c = per_class[tag]
        c["bodies"] += 1
        if diffs:
            c["differ"] += 1
            c["fields"].update(f"{m}.{f}" for m, f, _, _ in diffs)

    print(f"differential-npm: {len(bodies)} bodies x {len(MODES)} modes "
          f"({elapsed:.1f} s)")
    print("documented deviations (not failures):")
    for cls in sorted(per_class):
        c = per_class[cls]
        top = ", ".join(f"{k} {v}" for k, v in c["fields"].most_common(6))
        print(f"  {cls:20s} {c['bodies']:4d} bodies, {c['differ']:4d} differ"
              + (f" ({top})" if top else ""))
    for tag, body, diffs in failures[:args.show]:
        print(f"MISMATCH [{tag}] body={json.dumps(body, ensure_ascii=True)}")
        for mode, field, x, y in diffs:
            print(f"    {mode}.{field}: ours={json.dumps(x, ensure_ascii=True)}"
                  f" calculator={json.dumps(y, ensure_ascii=True)}")
    passed = main_count - len(failures)
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
