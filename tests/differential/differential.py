#!/usr/bin/env python3
"""Differential test: smslint's segment engine vs npm sms-segments-calculator.

Generates random bodies with a fixed seed, runs them through segments_dump
(ours) and calc_dump.mjs (the calculator, from tools/npm-ref) and compares
every field in four modes: auto, smart, forced UCS-2, forced GSM-7.

Bodies come in two categories:
  main       built only from constructs on which grapheme-splitter 1.0.4
             (Unicode 10) and ICU 72 agree; every field must match.
  deviation  each holds one construct of a known deviation: newer emoji
             ZWJ sequences, an emoji modifier after a non-E_Base
             character, an Indic virama conjunct, an oversize (>67 unit)
             cluster (all in docs/segments.md), and a grapheme-splitter
             bug after flags (gs-ri-extend), all in docs/segments.md.
             Reported per class, never a failure.

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
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

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
    # A grapheme-splitter 1.0.4 bug, not a Unicode-version difference: after
    # a flag (an even run of regional indicators) it ends the cluster at the
    # second Extend/SpacingMark/ZWJ; UAX #29 (GB9, GB9a) and ICU keep it.
    # Not in docs/segments.md yet, so reported apart from the others.
    "gs-ri-extend": ["🇺🇸\ufe0f\u0301", "🇯🇵\u0301\u0301", "🇩🇪\u200c\u20e3",
                     "🇫🇷\u0e33\u0301"],
}
UNDOCUMENTED: set = set()  # every class is in docs/segments.md
# A flag (regional indicators in pairs from the start of the run), then the
# two characters that follow it.
RI_PAIRS_THEN_TWO = re.compile(
    "(?<![\U0001F1E6-\U0001F1FF])(?:[\U0001F1E6-\U0001F1FF]{2})+(.)(.)",
    re.DOTALL)


def has_ri_extend(text):
    """True when `text` has the gs-ri-extend construct."""
    for m in RI_PAIRS_THEN_TWO.finditer(text):
        if all(unicodedata.category(c) in ("Mn", "Me", "Mc") or
               c in "\u200c\u200d\u0e33" or 0x1F3FB <= ord(c) <= 0x1F3FF
               for c in m.groups()):
            return True
    return False


def load_smart_map(path):
    """{character: replacement} from data/smart_encoding.tsv."""
    smart = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("U+"):
                cp, replacement, _ = line.split("\t", 2)
                smart[chr(int(cp[2:], 16))] = json.loads(replacement)
    return smart


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

    # Single code points that interact at cluster boundaries, without
    # spaces between them. No ZWJ and no free emoji modifier: those are
    # the documented deviations.
    SOUP = (["a", "1", "é", "€", "{", "\r", "\n", "\f", "\t", "\x00", "\u0301",
             "\u0302", "\u200c", "\u200b", "\ufe0f", "\u20e3", "ж", "😀",
             "\U00020000", "\u00a0", "’", "…", "\u2028", "#", "\u0e33"] +
            [chr(c) for c in (0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01)] +
            REGIONAL[:3])

    def soup(self):
        r = self.rng
        if r.random() < 0.1:
            return self.emoji_modified()
        return "".join(r.choice(self.SOUP) for _ in range(r.randint(1, 6)))

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
        "soup": [("soup", 3), ("word", 1)],
    }
    PROFILE_WEIGHTS = {"gsm": 22, "gsm+smart": 18, "latin": 13, "mixed": 22,
                       "emoji": 13, "soup": 12}

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


def generate(seed, count, smart_map):
    g = Generator(seed, sorted(smart_map))
    bodies = [("main", "fixed", b) for b in FIXED]
    while len(bodies) < count:
        if g.rng.random() < 0.1:
            cls, body = g.deviation_body()
            bodies.append(("deviation", cls, body))
            continue
        profile, body = g.main_body()
        # Random pieces can form the gs-ri-extend construct, also once
        # Smart Encoding has removed a character between them.
        smart = "".join(smart_map.get(c, c) for c in body)
        if has_ri_extend(body) or has_ri_extend(smart):
            bodies.append(("deviation", "gs-ri-extend", body))
        else:
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
        # Ours only: the cheap CountSegments must equal the full count.
        if "count" in a and a["count"] != a.get("segments"):
            out.append((mode, "CountSegments", a["count"], a.get("segments")))
    return out


def write_bodies(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for category, tag, body in rows:
            f.write(json.dumps({"body": body, "category": category,
                                "tag": tag}, ensure_ascii=False) + "\n")
    return path


def run_all(commands):
    """Runs (cmd, out_path) pairs at once; returns each output's lines."""
    procs = []
    for cmd, out_path in commands:
        with open(out_path, "w", encoding="utf-8") as f:
            procs.append(subprocess.Popen(cmd, stdout=f))
    for p, (cmd, _) in zip(procs, commands):
        if p.wait() != 0:
            raise SystemExit(f"FAIL: {cmd[0]} exited {p.returncode}")
    results = []
    for _, out_path in commands:
        # newline="\n": a JSON line may hold a raw U+2028 or U+0085.
        with open(out_path, encoding="utf-8", newline="\n") as f:
            results.append([json.loads(line) for line in f if line.strip()])
    return results


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

    if not os.access(args.dump, os.X_OK):
        print(f"FAIL: {args.dump} is not an executable (ninja -C build)")
        return 1
    if args.bodies:
        with open(args.bodies, encoding="utf-8", newline="\n") as f:
            bodies = [("main", "given", json.loads(l)["body"])
                      for l in f if l.strip()]
    else:
        smart_map = load_smart_map(
            os.path.join(root, "data", "smart_encoding.tsv"))
        bodies = generate(args.seed, args.count, smart_map)

    work = args.keep or tempfile.mkdtemp(prefix="smslint-diff-")
    os.makedirs(work, exist_ok=True)
    bodies_path = write_bodies(os.path.join(work, "bodies.jsonl"), bodies)
    # The calculator is ~50x slower than ours: it runs in two shards, one
    # per core, next to our dump.
    half = (len(bodies) + 1) // 2
    shards = [write_bodies(os.path.join(work, f"shard{i}.jsonl"), rows)
              for i, rows in enumerate([bodies[:half], bodies[half:]])]
    calc_dump = os.path.join(here, "calc_dump.mjs")
    started = time.monotonic()
    ours, *theirs = run_all(
        [([args.dump, bodies_path], os.path.join(work, "ours.jsonl"))] +
        [([args.node, calc_dump, args.npm_ref, shard],
          os.path.join(work, f"theirs{i}.jsonl"))
         for i, shard in enumerate(shards)])
    theirs = [line for shard in theirs for line in shard]
    elapsed = time.monotonic() - started
    if not args.keep:
        shutil.rmtree(work)
    if len(ours) != len(bodies) or len(theirs) != len(bodies):
        print(f"FAIL: {len(bodies)} bodies, {len(ours)} ours, "
              f"{len(theirs)} calculator lines")
        return 1

    failures = []
    per_class = collections.defaultdict(
        lambda: {"bodies": 0, "differ": 0, "segments": 0,
                 "fields": collections.Counter()})
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
            c["segments"] += any(f == "segments" for _, f, _, _ in diffs)
            c["fields"].update(f"{m}.{f}" for m, f, _, _ in diffs)

    print(f"differential-npm: {len(bodies)} bodies x {len(MODES)} modes "
          f"({elapsed:.1f} s)")
    for title, classes in (
            ("documented deviations (not failures):",
             sorted(set(per_class) - UNDOCUMENTED)),
            ("UNDOCUMENTED deviations, calculator bugs (not failures):",
             sorted(set(per_class) & UNDOCUMENTED))):
        print(title)
        for cls in classes:
            c = per_class[cls]
            top = ", ".join(f"{k} {v}" for k, v in c["fields"].most_common(4))
            print(f"  {cls:19s} {c['bodies']:4d} bodies, {c['differ']:4d} "
                  f"differ, {c['segments']:3d} in a segment count"
                  + (f" ({top}, ...)" if top else ""))
    for tag, body, diffs in failures[:args.show]:
        # ascii(): code points as escapes, so the body can be pasted back.
        print(f"MISMATCH [{tag}] body={ascii(body)}")
        for mode, field, x, y in diffs:
            other = "segments" if field == "CountSegments" else "calculator"
            print(f"    {mode}.{field}: ours={ascii(x)} {other}={ascii(y)}")
    passed = main_count - len(failures)
    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
