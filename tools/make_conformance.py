#!/usr/bin/env python3
"""Writes tests/conformance/segments.json, the language-neutral segment cases.

Each case gives the body as pieces [text, repeat], the options, and the
expected values. Values come from ../shared/reference/segments.md (§2, §6,
§7: the calculator's outputs and live-Twilio results); where smslint departs
from the calculator on purpose (docs/segments.md), `calculator` records what
the calculator says and `expect` what smslint says.
This script is the source; the JSON is committed and read by the C++ tests.
"""
import json
import sys

A = "a"


def case(name, source, pieces, expect, options=None, calculator=None, note=None):
    c = {"name": name, "source": source, "body": pieces, "options": options or {},
         "expect": expect}
    if calculator:
        c["calculator"] = calculator
    if note:
        c["note"] = note
    return c


CASES = [
    case("empty", "§6 E1", [], {"encoding": "GSM-7", "segment_count": 1, "fill": [0],
                                 "units": 0, "characters": 0, "message_bits": 0}),
    case("form feed is an extension character", "§6 E2", [["Page 1\fPage 2\fPage 3", 1]],
         {"encoding": "GSM-7", "segment_count": 1, "units": 22}),
    case("']' x153 needs 3 segments (live Twilio: 3)", "§6 E3, #39", [["]", 153]],
         {"encoding": "GSM-7", "segment_count": 3, "fill": [152, 152, 2], "units": 306,
          "characters": 306, "code_points": 153}),
    case("'{' + 159 digits", "§6 E4", [["{", 1], ["1", 159]],
         {"encoding": "GSM-7", "segment_count": 2, "fill": [153, 8]}),
    case("escape at septet 153 moves whole", "§6 E5", [[A, 152], ["{", 1], ["b", 152]],
         {"encoding": "GSM-7", "segment_count": 3, "fill": [152, 153, 1]}),
    case("surrogate pair at unit 67 moves whole", "§6 E6", [[A, 66], ["\U0001F600", 1], ["b", 66]],
         {"encoding": "UCS-2", "segment_count": 3, "fill": [66, 67, 1], "units": 134,
          "characters": 133}),
    case("e + combining acute at unit 67 stays whole", "§6 E7",
         [[A, 66], ["e\u0301", 1], ["b", 66]],
         {"encoding": "UCS-2", "segment_count": 3, "fill": [66, 67, 1], "characters": 133,
          "code_points": 134}),
    case("flag (one 4-unit cluster) stays whole", "§6 E8",
         [[A, 65], ["\U0001F1EE\U0001F1F9", 1], ["b", 65]],
         {"encoding": "UCS-2", "segment_count": 3, "fill": [65, 67, 2]}),
    case("oversize cluster is cut per code point", "§2.1 step 5, §6 E9",
         [[A, 1], ["\u0301", 140]],
         {"encoding": "UCS-2", "segment_count": 3, "fill": [67, 67, 7], "characters": 1},
         calculator={"segment_count": 2, "fill": [0, 141]},
         note="the calculator's result is an artefact; an encoder must cut the cluster"),
    case("oversize cluster followed by text", "§2.1 step 5",
         [[A, 1], ["\u0301", 68], ["bc", 1]],
         {"encoding": "UCS-2", "segment_count": 2, "fill": [67, 4]},
         calculator={"segment_count": 2, "fill": [0, 71]}),
    case("ICU keeps a newer ZWJ emoji whole", "§5, §6 E10",
         [[A, 60], ["\U0001FAF1\U0001F3FB\u200D\U0001FAF2\U0001F3FF", 1], ["b", 65]],
         {"encoding": "UCS-2", "segment_count": 3, "fill": [60, 67, 7], "characters": 126},
         calculator={"segment_count": 2},
         note="grapheme-splitter (Unicode 10) cuts this emoji; ICU 72 does not"),
    case("NFC accents are GSM-7", "§6 N2", [["R\u00e9sum\u00e9 \u00e9t\u00e9 \u00c9t\u00e9", 1]],
         {"encoding": "GSM-7", "segment_count": 1, "units": 14}),
    case("NFD accents force UCS-2", "§6 N2",
         [["Re\u0301sume\u0301 e\u0301te\u0301 E\u0301te\u0301", 1]],
         {"encoding": "UCS-2", "segment_count": 1, "units": 20, "characters": 14}),
    case("one curly apostrophe makes 3 UCS-2 segments", "§6 S1", [["1", 150], ["\u2019", 1]],
         {"encoding": "UCS-2", "segment_count": 3, "fill": [67, 67, 17]}),
    case("smart encoding makes it 1 GSM-7 segment", "§6 S1", [["1", 150], ["\u2019", 1]],
         {"encoding": "GSM-7", "segment_count": 1, "units": 151},
         options={"smart_encoding": True}),
    case("ellipsis x161 plain", "§3.3", [["\u2026", 161]],
         {"encoding": "UCS-2", "segment_count": 3}),
    case("ellipsis x161 smart: more segments", "§3.3", [["\u2026", 161]],
         {"encoding": "GSM-7", "segment_count": 4, "units": 483},
         options={"smart_encoding": True}),
    case("tab x161 smart: 8 segments", "§3.3", [["\t", 161]],
         {"encoding": "GSM-7", "segment_count": 8, "units": 1127},
         options={"smart_encoding": True}),
    case("tab x161 plain", "§3.3", [["\t", 161]], {"encoding": "UCS-2", "segment_count": 3}),
    case("ZWJ is not in the smart map", "§3.3", [["a\u200db", 1]],
         {"encoding": "UCS-2", "segment_count": 1}, options={"smart_encoding": True}),
    case("NBSP becomes two spaces", "§3.3", [["a\u00a0b", 1]],
         {"encoding": "GSM-7", "units": 4}, options={"smart_encoding": True}),
    case("160 x a is 1 segment (live)", "§7 #66", [[A, 160]],
         {"encoding": "GSM-7", "segment_count": 1, "fill": [160]}),
    case("161 x a is 2 segments (live)", "§7 #66", [[A, 161]],
         {"encoding": "GSM-7", "segment_count": 2, "fill": [153, 8]}),
    case("70 x CJK is 1 segment (live)", "§7 #66", [["\u4e2d", 70]],
         {"encoding": "UCS-2", "segment_count": 1, "fill": [70]}),
    case("71 x CJK is 2 segments (live)", "§7 #66", [["\u4e2d", 71]],
         {"encoding": "UCS-2", "segment_count": 2, "fill": [67, 4]}),
    case("CRLF counts 2 (live: 2 segments)", "§2.1 step 7, #66", [[A, 80], ["\r\n", 1], [A, 79]],
         {"encoding": "GSM-7", "segment_count": 2, "units": 161, "line_break_style": "CRLF"}),
    case("LF counts 1 (live: 1 segment)", "§2.1 step 7, #66", [[A, 80], ["\n", 1], [A, 79]],
         {"encoding": "GSM-7", "segment_count": 1, "units": 160, "line_break_style": "LF"}),
    case("LF and CRLF", "§2.1 step 6", [["a\nb\r\nc", 1]],
         {"line_break_style": "LF+CRLF", "units": 6}),
    case("lone CR is not a line break", "§2.1 step 6", [["a\rb", 1]],
         {"line_break_style": None, "encoding": "GSM-7", "units": 3}),
    case("extension characters in UCS-2 are 1 unit (live: 2)", "§7 #18",
         [["this is a ", 1], ["]", 75], ["\U0001F618", 1]],
         {"encoding": "UCS-2", "segment_count": 2, "units": 87}),
    case("e + 3 combining acutes + 69 a (live: 2)", "§7 #17", [["e\u0301\u0301\u0301", 1], [A, 69]],
         {"encoding": "UCS-2", "segment_count": 2, "units": 73}),
    case("70 x (e + U+0301) is 3 segments (live)", "§4, #66", [["e\u0301", 70]],
         {"encoding": "UCS-2", "segment_count": 3, "fill": [66, 66, 8], "characters": 70}),
    case("1 x (e + U+0301) is 1 segment (live)", "§4, #66", [["e\u0301", 1]],
         {"encoding": "UCS-2", "segment_count": 1, "characters": 1, "code_points": 2}),
    case("small c cedilla is not GSM-7", "§3", [["\u00e7", 1]], {"encoding": "UCS-2"}),
    case("capital C cedilla is GSM-7", "§3", [["\u00c7", 1]], {"encoding": "GSM-7", "units": 1}),
    case("grave accent is not GSM-7", "§3", [["`", 1]], {"encoding": "UCS-2"}),
    case("euro is 2 septets", "§3.2", [["\u20ac", 1]], {"encoding": "GSM-7", "units": 2}),
    case("euro at the boundary", "§2.1", [[A, 159], ["\u20ac", 1]],
         {"encoding": "GSM-7", "segment_count": 2, "fill": [153, 8]}),
    case("euro within 160", "§2.1", [[A, 158], ["\u20ac", 1]],
         {"encoding": "GSM-7", "segment_count": 1, "units": 160}),
    case("Greek capitals in the table", "§3", [["\u0394\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e", 1]],
         {"encoding": "GSM-7", "units": 10}),
    case("Greek capital alpha is not", "§3", [["\u0391", 1]], {"encoding": "UCS-2"}),
    case("TAB is not GSM-7", "§3", [["\t", 1]], {"encoding": "UCS-2"}),
    case("forced UCS-2 on GSM text", "§2.1 step 3", [[A, 71]],
         {"encoding": "UCS-2", "segment_count": 2, "fill": [67, 4]},
         options={"encoding": "UCS-2"}),
    case("forced GSM-7 on non-GSM text is an error", "§2.1 step 3", [["\u4e2d", 1]],
         {"error": "incompatible"}, options={"encoding": "GSM-7"}),
    case("1,530 septets is 10 segments", "§2.2", [[A, 1530]],
         {"encoding": "GSM-7", "segment_count": 10}),
    case("1,600 basic characters is 11 segments", "§2.2", [[A, 1600]],
         {"encoding": "GSM-7", "segment_count": 11}),
    case("1,600 BMP UCS-2 characters is 24 segments", "§2.2", [["\u4e2d", 1600]],
         {"encoding": "UCS-2", "segment_count": 24}),
    case("total bits include the UDH", "§2.1 step 6", [[A, 161]],
         {"message_bits": 1127, "total_bits": 1223}),
]


def main():
    out = {"version": 1,
           "description": "Segment-engine conformance cases (see tools/make_conformance.py)",
           "cases": CASES}
    text = json.dumps(out, ensure_ascii=False, indent=1) + "\n"
    if len(sys.argv) > 1:
        open(sys.argv[1], "w", encoding="utf-8").write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
