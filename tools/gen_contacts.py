#!/usr/bin/env python3
"""Streams a synthetic, realistically messy contact list for `smslint batch`.

    tools/gen_contacts.py N [--seed S] [--out FILE|-] [--crlf] [--bom]

Writes a header and N rows with the columns of data/examples/contacts.csv:

    id,first_name,Phone,country,order,kind,notes

Mix of the Phone column (per row, drawn independently):

    60 %  E.164, mostly compact (+14155550132), some spaced (+44 7911 123456);
          country column filled for about half of them
    20 %  US national formats: (415) 555-0132, 415-555-0132, 415.555.0132,
          4155550132, 1-415-555-0132; country US or empty (default region)
    10 %  national formats of GB, CA, AU, DE, FR, IN, BR with the country
          column set
     5 %  junk: empty, n/a, too short, too long, letters, Excel's 4155550132.0
     5 %  duplicates: a number from the last 4096 rows again, written in
          another format (national vs international)

Names come from a pool of very different lengths and scripts (ASCII, GSM-7
accents, Latin letters outside GSM-7, Cyrillic, Greek, Arabic, CJK,
Devanagari, an emoji, empty), so the message template crosses the 160/70
boundaries on some rows. About 3 % of the notes are quoted fields with
commas, doubled quotes and line breaks inside.

Numbers other than the junk are drawn at random from ranges that
libphonenumber accepts as valid, so most rows parse as valid and unique
(random collisions are a fraction of a percent at 10 M rows). They are
synthetic: do not send anything to them.

Deterministic for a given N and --seed (random.Random), independent of
Python version for the same seed as long as random.Random's algorithm is
unchanged. Memory is flat: rows are written in blocks of 8192 and only the
last 4096 phone numbers are kept (for duplicates).
"""

import argparse
import random
import sys
import time

# -------------------------------------------------------------- value pools

US_NPA = (201, 202, 203, 205, 206, 212, 213, 214, 215, 216, 301, 302, 303,
          305, 310, 312, 313, 314, 323, 347, 404, 408, 412, 415, 469, 480,
          503, 504, 510, 512, 516, 602, 612, 615, 617, 619, 626, 646, 650,
          678, 702, 704, 713, 714, 718, 720, 773, 786, 801, 805, 808, 818,
          832, 857, 858, 904, 909, 914, 916, 917, 919, 925, 949, 954, 971,
          972, 978)
CA_NPA = (204, 236, 250, 289, 306, 343, 403, 416, 418, 438, 450, 506, 514,
          519, 587, 604, 613, 647, 705, 709, 778, 780, 807, 819, 867, 902,
          905)
GB_MOB = ("40", "41", "42", "43", "44", "47", "48", "49", "50", "51", "53",
          "54", "55", "56", "57", "58", "59", "70", "71", "72", "73", "74",
          "75", "76", "77", "80", "81", "84", "85", "86", "87", "88", "89",
          "90", "92", "94", "95", "96", "97", "98", "99")
AU_MOB = ("40", "41", "42", "43")
DE_MOB = ("160", "162", "163", "170", "171", "172", "173", "174", "175",
          "176", "177", "178", "179")
FR_MOB = ("60", "61", "62", "64", "65", "66", "67", "68")
BR_DDD = ("11", "21", "31", "41", "51", "61", "71", "81")

D4 = tuple("%04d" % i for i in range(10000))
D3 = tuple("%03d" % i for i in range(1000))
D2 = tuple("%02d" % i for i in range(100))

# (weight, name). Weights are relative; most names are plain ASCII.
NAMES_W = [
    (40, ("Ava", "Noah", "Olivia", "Liam", "Emma", "Mia", "Jack", "Leo",
          "Ivy", "Theo", "Grace", "Henry", "Ruby", "Isla", "Harry", "Sofia",
          "Lucas", "Ethan", "Amelia", "Oliver", "Charlotte", "Benjamin",
          "Hannah", "Freya", "Arthur", "Nina", "Al", "Jo", "Priya", "Mohammed",
          "Wei", "Aisha", "Carlos", "Fatima", "Yuki", "Kwame", "Ana", "Omar",
          "Sebastian", "Alexander", "Elizabeth", "Maximilian", "Christopher",
          "Anastasia", "Bartholomew", "Guadalupe")),
    (6, ("Mary-Elizabeth Fairweather-Ashcombe",
         "Krishnamurthy Venkatasubramanian",
         "Christopher Alexander Montgomery-Whitfield",
         "Maria Guadalupe Fernandez de la Torre Ruiz",
         "Sebastian Alexander Wolfgang von Habsburg",
         "Anna-Katharina Elisabeth Hohenberg-Ried",
         "Oluwaseun Adebayo-Ogunleye",
         "Jean-Baptiste Emmanuel Laurent-Dubois")),
    (4, ("José", "Björn", "Chloé", "Renée", "Søren", "Åsa", "Müller",
         "Niño", "Agnès", "Noël")),           # accents inside GSM-7 (mostly)
    (3, ("Zoë", "Łukasz", "Siobhán", "Ngọc Anh", "Çağla", "Dvořák", "Ines Šimić",
         "Nguyễn Thị Minh Khai")),          # Latin outside GSM-7: UCS-2
    (2, ("Анастасия", "Дмитрий", "Γιώργος", "محمد", "فاطمة", "陳大文", "王芳",
         "さくら", "김민준", "प्रिया", "שרה")),
    (1, ("Sam 🙂", "Dani 🌈")),
    (1, ("", "O'Brien, Pat", "\"Bobby\" Tables", " Leading Space")),
]

NOTES_PLAIN = ("", "", "", "", "", "", "", "", "", "", "", "", "VIP",
               "gift order", "prefers SMS", "web signup", "store pickup",
               "landline?", "do not call before 9am", "returning customer")
NOTES_QUOTED = (
    "Leave at door, ring twice",
    "Boston,\napt 4B,\nbuzz twice",
    "Chicago; leave at door,\r\nside entrance",
    "asked for \"express\" shipping, paid",
    "call first, then text\nif no answer",
    "Paris, bureau 3, \"accueil\"",
    "multi\nline\nnote, with, commas",
)
KINDS = ("marketing",) * 10 + ("transactional",) * 8 + ("informational",) + ("",)
JUNK = ("", "", "n/a", "N/A", "-", "0", "123", "555-0199", "415-555-CALL",
        "415-555-01xx", "4155550132.0", "+1415555013", "+1 415 555 01322",
        "tel: unknown", "see email", "+44 20 7946 01234 5", "#ERROR!",
        "1e10", "++1 415 555 0132", "(415) 555-013")


def csv_field(s):
    if s and (',' in s or '"' in s or '\n' in s or '\r' in s):
        return '"' + s.replace('"', '""') + '"'
    return s


def build_name_pool():
    pool = []
    for w, names in NAMES_W:
        for n in names:
            pool.extend([csv_field(n)] * w)
    return tuple(pool)


# ------------------------------------------------------------- generators
# Each returns (phone_as_written, country_column, canonical_key) where the
# key lets a duplicate be re-rendered in another format.

def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Stream N synthetic contact rows (CSV).")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="-")
    ap.add_argument("--crlf", action="store_true", help="CRLF line ends")
    ap.add_argument("--bom", action="store_true", help="UTF-8 BOM")
    ap.add_argument("--stats", action="store_true",
                    help="rows/s on stderr at the end")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    rnd = rng.random
    bits = rng.getrandbits
    choice = rng.choice
    eol = "\r\n" if args.crlf else "\n"
    names = build_name_pool()
    n_names = len(names)
    kinds = KINDS
    notes_plain = NOTES_PLAIN
    us_npa, ca_npa = US_NPA, CA_NPA

    def r4():
        return D4[bits(14) % 10000]

    def r3():
        return D3[bits(10) % 1000]

    def exch():
        return str(200 + bits(10) % 800)

    recent = [None] * 4096  # ring of (cc, national digits, country)
    rpos = 0

    out = (sys.stdout if args.out == "-"
           else open(args.out, "w", encoding="utf-8", newline=""))
    if args.bom:
        out.write("\ufeff")
    out.write("id,first_name,Phone,country,order,kind,notes" + eol)

    t0 = time.perf_counter()
    buf = []
    append = buf.append
    for i in range(1, args.n + 1):
        r = rnd()
        cc = None
        if r < 0.60:                                   # E.164
            s = rnd()
            if s < 0.70:
                cc, nat, ctry = "1", str(choice(us_npa)) + exch() + r4(), "US"
                phone = "+1" + nat if s < 0.60 else \
                    "+1 " + nat[:3] + " " + nat[3:6] + " " + nat[6:]
            elif s < 0.80:
                cc, ctry = "44", "GB"
                nat = "7" + choice(GB_MOB) + r3() + r4()
                phone = "+44" + nat if s < 0.76 else \
                    "+44 " + nat[:4] + " " + nat[4:]
            elif s < 0.85:
                cc, nat, ctry = "1", str(choice(ca_npa)) + exch() + r4(), "CA"
                phone = "+1" + nat
            elif s < 0.90:
                cc, ctry = "61", "AU"
                nat = choice(AU_MOB) + r3() + r4()
                phone = "+61" + nat
            elif s < 0.93:
                cc, ctry = "49", "DE"
                nat = choice(DE_MOB) + r3() + r4()
                phone = "+49" + nat
            elif s < 0.96:
                cc, ctry = "33", "FR"
                nat = choice(FR_MOB) + r3() + r4()
                phone = "+33" + nat
            elif s < 0.98:
                cc, ctry = "91", "IN"
                nat = str(6 + bits(2)) + r3() + r3() + r3()
                phone = "+91" + nat
            else:
                cc, ctry = "55", "BR"
                nat = choice(BR_DDD) + "9" + r4() + r4()
                phone = "+55" + nat
            country = ctry if bits(1) else ""
        elif r < 0.80:                                 # US national
            cc, ctry = "1", "US"
            a, b, c = str(choice(us_npa)), exch(), r4()
            nat = a + b + c
            f = bits(3)
            if f < 3:
                phone = "(" + a + ") " + b + "-" + c
            elif f < 5:
                phone = a + "-" + b + "-" + c
            elif f == 5:
                phone = a + "." + b + "." + c
            elif f == 6:
                phone = nat
            else:
                phone = "1-" + a + "-" + b + "-" + c
            country = "US" if bits(1) else ""
        elif r < 0.90:                                 # other national
            k = bits(3)
            if k <= 1:
                cc, country = "44", "GB"
                nat = "7" + choice(GB_MOB) + r3() + r4()
                phone = "0" + nat[:4] + " " + nat[4:]
            elif k == 2:
                cc, country = "1", "CA"
                a, b, c = str(choice(ca_npa)), exch(), r4()
                nat = a + b + c
                phone = "(" + a + ") " + b + "-" + c
            elif k == 3:
                cc, country = "61", "AU"
                nat = choice(AU_MOB) + r3() + r4()
                phone = "0" + nat[:3] + " " + nat[3:6] + " " + nat[6:]
            elif k == 4:
                cc, country = "49", "DE"
                nat = choice(DE_MOB) + r3() + r4()
                phone = "0" + nat[:3] + " " + nat[3:]
            elif k == 5:
                cc, country = "33", "FR"
                nat = choice(FR_MOB) + r3() + r4()
                phone = "0" + " ".join((nat[0], nat[1:3], nat[3:5], nat[5:7],
                                        nat[7:9]))
            elif k == 6:
                cc, country = "91", "IN"
                nat = str(6 + bits(2)) + r3() + r3() + r3()
                phone = nat[:5] + " " + nat[5:]
            else:
                cc, country = "55", "BR"
                ddd = choice(BR_DDD)
                n9 = "9" + r4() + r4()
                nat = ddd + n9
                phone = "(" + ddd + ") " + n9[:5] + "-" + n9[5:]
            ctry = country
        elif r < 0.95:                                 # junk
            phone = choice(JUNK)
            country = "US" if bits(2) else ""
        else:                                          # duplicate
            prev = recent[bits(12)]
            if prev is None:
                phone, country = "", ""
            else:
                pcc, nat, ctry = prev
                if pcc == "1":
                    # written the other way round: national if it was E.164
                    phone = ("+1 " + nat[:3] + "-" + nat[3:6] + "-" + nat[6:]
                             if bits(1) else
                             "(" + nat[:3] + ") " + nat[3:6] + "-" + nat[6:])
                    country = ctry if ctry != "US" else ""
                else:
                    phone = "+" + pcc + " " + nat
                    country = ctry if bits(1) else ""
        if cc is not None:
            recent[rpos] = (cc, nat, ctry)
            rpos = (rpos + 1) & 4095

        q = rnd()
        if q < 0.03:
            note = csv_field(choice(NOTES_QUOTED))
        else:
            note = notes_plain[bits(5) % 20]
        append("C" + str(i) + "," + names[bits(16) % n_names] + "," +
               csv_field(phone) + "," + country + ",MC-2026-" + D3[bits(10) % 1000] +
               D3[bits(10) % 1000] + "," + kinds[bits(5) % 20] + "," + note + eol)
        if len(buf) >= 8192:
            out.write("".join(buf))
            buf.clear()
    if buf:
        out.write("".join(buf))
    out.flush()
    if out is not sys.stdout:
        out.close()
    if args.stats:
        dt = time.perf_counter() - t0
        sys.stderr.write("gen_contacts: %d rows in %.2f s (%.0f rows/s)\n"
                         % (args.n, dt, args.n / dt if dt else 0))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.exit(0)
