#!/usr/bin/env python3
"""Writes the benchmark body sets as JSONL files, one {"body": ...} a line.

Every program that times the segment engine (segments_bench, segments_timer,
time_npm.mjs) reads these files, so all of them see identical bodies. Output
depends only on --seed: the generator uses its own random.Random and no
hash-ordered containers.

  bench/corpus.py OUT_DIR [--seed N]

writes OUT_DIR/{ascii,gsm-ext,mixed,emoji}-{short,long}.jsonl: 500 short
bodies (100-140 UTF-8 bytes, about one segment) and 100 long bodies
(1,000-1,400 bytes) per kind.

  bench/corpus.py OUT_DIR --realistic N [--seed N]

writes OUT_DIR/realistic.jsonl instead: N messages ({"to", "body"}) like
real traffic, for end-to-end `check` throughput: mostly ASCII, some
GSM extension, mixed-script and emoji bodies; 70 % up to 160 bytes, the
rest up to 5,000; links and numbers come from the phrases.
"""

import argparse
import json
import os
import random

# Realistic notification/marketing vocabulary, GSM-7 basic table only.
ASCII_PHRASES = [
    "Hi {name}, your order #{num} has shipped.",
    "Your verification code is {num}.",
    "Reply STOP to opt out, HELP for help.",
    "Msg&data rates may apply.",
    "Track it at https://ex.co/t/{tok}",
    "Your appointment with Dr. {name} is on {day} at {time}.",
    "Reply C to confirm or R to reschedule.",
    "Save 20% this weekend only: use code {tok} at checkout!",
    "Your balance is ${num}.{cents} as of {day}.",
    "Don't forget: the meeting starts at {time} (room {num}).",
    "Thanks for shopping with us, {name}!",
    "Questions? Call 1-800-555-{num} or email help@example.com.",
    "Your table for 4 is ready.",
    "Delivery window: {time} - {time}.",
    "Password reset requested; if this wasn't you, ignore this message.",
]
NAMES = ["Alex", "Maria", "Sam", "Priya", "Chen", "Olga", "Ahmed", "Lucia"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

# GSM-7 only, but heavy on the extension table (2 septets each) and on the
# non-ASCII characters of the basic table.
GSM_EXT_PHRASES = [
    "Total: {num},{cents}€ [order {tok}]",
    "{{promo}} ~{num}% off | ends {day}",
    "path: C:\\Users\\{name}\\docs",
    "x^2 + y^2 = {num} [approx]",
    "Café & crème: {num}€ ~ réservé à Zürich",
    "Größe: M | Farbe: Grün | Preis: {num}€",
    "ΔT = {num}K | Ω = {cents} [Σ {num}]",
    "¿Qué tal, {name}? ¡Hasta mañana! Ñoño",
    "Å, Æ, Ø, ß, Ü: {{ok}} | {{skip}}",
    "Prix: {num}€ ~ {cents}€ (TVA incl.) [{tok}]",
    "{{\"id\": {num}, \"tags\": [\"a\", \"b\"]}}",
    "£{num} | ¥{num} | €{cents} | §{num}",
]

# Not GSM-7: Latin with other accents, Cyrillic, Greek, CJK, Arabic and a
# few emoji.
MIXED_PHRASES = [
    "Привет, {name}! Ваш заказ №{num} готов.",
    "Код подтверждения: {num}",
    "Καλημέρα! Η παραγγελία σας στάλθηκε.",
    "Ευχαριστούμε πολύ 🙏",
    "您的验证码是{num}，五分钟内有效。",
    "ご予約ありがとうございます。{day} {time}",
    "감사합니다, 내일 뵙겠습니다.",
    "مرحبا {name}، طلبك جاهز للاستلام.",
    "شكرا لتسوقكم معنا 😊",
    "Ça coûte {num} złotych, François.",
    "Dziękujemy! Zamówienie {tok} wysłane 📦",
    "Merhaba, siparişiniz yolda 🚚",
    "Your code: {num} 👍",
    "Tiếng Việt: cảm ơn bạn rất nhiều",
]

# Emoji-heavy: ZWJ sequences, flags, skin tones, keycaps, VS16.
EMOJI = [
    "😀", "😂", "🎉", "👍", "🔥", "✨", "🙏", "💯", "🚀", "😍", "🥳", "🤖",
    "❤️", "☀️", "✔️", "1️⃣", "#️⃣",
    "👍🏽", "👋🏿", "🙌🏻", "💪🏾", "👏🏼",
    "🇺🇸", "🇯🇵", "🇩🇪", "🇧🇷", "🇮🇳", "🇫🇷",
    "👨‍👩‍👧‍👦", "👩‍💻", "🏳️‍🌈", "🧑‍🤝‍🧑", "❤️‍🔥", "🫱🏻‍🫲🏿", "👩🏽‍🚀",
    "🐦‍🔥", "🙂‍↔️",
]
EMOJI_WORDS = ["yay", "party", "go", "love it", "see you", "omg", "so good",
               "happy bday", "congrats", "wow"]


def fill(rng, template):
    return template.format(
        name=rng.choice(NAMES),
        num=rng.randint(1, 999999),
        cents=f"{rng.randint(0, 99):02d}",
        tok="".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                    for _ in range(6)),
        day=rng.choice(DAYS),
        time=f"{rng.randint(1, 12)}:{rng.choice(['00', '15', '30', '45'])}",
    )


def piece(rng, kind):
    if kind == "ascii":
        return fill(rng, rng.choice(ASCII_PHRASES))
    if kind == "gsm-ext":
        return fill(rng, rng.choice(GSM_EXT_PHRASES + ASCII_PHRASES[:4]))
    if kind == "mixed":
        return fill(rng, rng.choice(MIXED_PHRASES))
    # emoji: one to four emoji around a short word
    parts = [rng.choice(EMOJI) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.6:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(EMOJI_WORDS))
    return "".join(parts) if rng.random() < 0.5 else " ".join(parts)


def body(rng, kind, lo, hi):
    """Pieces joined by spaces or line breaks, until lo..hi UTF-8 bytes."""
    target = rng.randint(lo, hi)
    out = ""
    while len(out.encode()) < target:
        sep = "" if not out else ("\n" if rng.random() < 0.15 else " ")
        out += sep + piece(rng, kind)
    # Trim whole code points from the end back into range: a cut emoji
    # sequence is still a realistic body.
    while len(out.encode()) > hi:
        out = out[:-1]
    return out


KINDS = ["ascii", "gsm-ext", "mixed", "emoji"]
SIZES = {"short": (500, 100, 140), "long": (100, 1000, 1400)}


def realistic(rng, n):
    for i in range(n):
        kind = rng.choices(KINDS, weights=[60, 10, 15, 15])[0]
        r = rng.random()
        lo, hi = ((20, 160) if r < 0.7 else (161, 700) if r < 0.95
                  else (701, 5000))
        to = f"+1415555{rng.randint(0, 9999):04d}"
        yield {"to": to, "body": body(rng, kind, lo, hi)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--realistic", type=int, default=0, metavar="N")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    if args.realistic:
        rng = random.Random(args.seed)
        path = os.path.join(args.out_dir, "realistic.jsonl")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for rec in realistic(rng, args.realistic):
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    for k_index, kind in enumerate(KINDS):
        for s_index, (size, (count, lo, hi)) in enumerate(SIZES.items()):
            # One stream per set, so adding a set does not change the others.
            rng = random.Random(args.seed * 100 + k_index * 10 + s_index)
            path = os.path.join(args.out_dir, f"{kind}-{size}.jsonl")
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                for _ in range(count):
                    f.write(json.dumps({"body": body(rng, kind, lo, hi)},
                                       ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
