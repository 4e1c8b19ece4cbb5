// The rule registry: every rule smslint has shipped, sorted by id. Ids are
// never reused; a retired rule stays here with status "removed".
// Message templates and documentation are data kept beside each rule's
// metadata; tests/unit/registry_test.cc checks the table (sorted, unique,
// documented, placeholders known).
#include <algorithm>
#include <array>
#include <span>
#include <string_view>

#include "smslint/rules.h"

namespace smslint {
namespace {

constexpr std::array kRules = std::to_array<RuleInfo>({
    {"body/empty", "The message has neither a body nor media",
     Severity::kError, 21602, false, "stable", "0.1.0",
     "message has no body and no media; Twilio rejects it",
     R"(## What it does
Reports a message whose body is empty and that has no media.

## Why
Twilio rejects such a request with error 21602 ("Message body is required").

## Example
`{"to": "+14155550132", "body": ""}` fires; `{"body": "Hi"}` does not, and
neither does an empty body with one media item.

## Fix
Give the message a body or at least one media item.
)"},
    {"body/invalid-utf8", "The body is not valid UTF-8", Severity::kError, 0,
     false, "stable", "0.1.0",
     "body is not valid UTF-8: ill-formed sequence at byte {offset}",
     R"(## What it does
Reports the first ill-formed UTF-8 sequence in the body, by byte offset.

## Why
An API request must carry UTF-8. Ill-formed bytes are rejected, or replaced
by U+FFFD, which forces UCS-2 encoding and shows the recipient a
replacement character. smslint analyses segments as if each maximal
ill-formed subsequence were U+FFFD.

## Example
The bytes `48 69 FF` ("Hi" followed by 0xFF) fire at byte 2; `Hi` does not.

## Fix
Decode the text from its real encoding (often Windows-1252) before sending.
)"},
    {"body/too-long", "The body is over Twilio's 1,600-character limit",
     Severity::kError, 21617, false, "stable", "0.1.0",
     "body has {count} characters (Unicode code points), over the limit of "
     "{limit}",
     R"(## What it does
Counts the body's Unicode code points and reports a body over the limit
(1,600 by default, `max_body_characters`). The span starts at the first
character past the limit.

## Why
Twilio rejects a body over 1,600 characters with error 21617. Twilio does
not say which unit it counts; smslint counts code points, as Twilio's own
segment calculator page does (`API_CHAR_LIMIT` against Unicode scalars).
`body/too-long-utf16` covers bodies that are within the limit in code
points but not in UTF-16 units.

## Example
1,601 × "a" fires; 1,600 × "a" does not.

## Fix
Shorten the body, or send it as several messages.
)"},
    {"body/too-long-utf16",
     "The body is over 1,600 in UTF-16 units though not in code points",
     Severity::kWarning, 21617, false, "stable", "0.1.0",
     "body has {utf16_units} UTF-16 code units ({count} code points); over "
     "the limit of {limit} if Twilio counts UTF-16 units",
     R"(## What it does
Reports a body of at most 1,600 code points but more than 1,600 UTF-16 code
units, which happens only with characters outside the BMP (most emoji).

## Why
Twilio's error 21617 page says non-GSM characters "can use more space and
cause the message to exceed the limit sooner than expected"; older wording
says such characters are "counted as multiple characters". Which unit the
API counts is not documented, so this is a warning, not an error.

## Example
1,590 × "a" followed by 11 × 😀 (1,601 code points) fires `body/too-long`;
1,580 × "a" followed by 11 × 😀 (1,591 code points, 1,602 units) fires this
rule; 1,600 × "a" fires neither.

## Fix
Shorten the body or remove emoji.
)"},
    {"input/invalid-json", "An input line is not valid JSON", Severity::kError,
     0, false, "stable", "0.1.0",
     "line {line} is not valid JSON: {reason} (byte {offset})",
     R"(## What it does
Reports a JSON Lines input line that does not parse as JSON, with the byte
offset in the line where parsing failed. The line still gets its own report,
and reading goes on with the next line.

## Why
Every input record gets exactly one output record, so a batch never loses
count of its messages.

## Example
`{"body": "hi"` fires; `{"body": "hi"}` does not.

## Fix
Write one JSON object per line, UTF-8 encoded.
)"},
    {"input/unknown-field", "An input object has a field smslint does not know",
     Severity::kWarning, 0, false, "stable", "0.1.0",
     "unknown field \"{name}\" on line {line}; it is ignored",
     R"(## What it does
Reports a field of an input message object that is not one of `id`, `to`,
`from`, `messaging_service_id`, `body`, `media`, `kind`, `first_message`.

## Why
A misspelt field (`"bdy"`) would otherwise be linted as a message with no
body, silently.

## Example
`{"bdy": "hi"}` fires; `{"body": "hi"}` does not.

## Fix
Rename the field, or drop it before linting.
)"},
    {"input/wrong-type", "An input field has the wrong JSON type",
     Severity::kError, 0, false, "stable", "0.1.0",
     "field \"{name}\" on line {line} must be {expected}, not {actual}",
     R"(## What it does
Reports an input field whose JSON type is not the one the message format
requires (docs/input.md), or a line that is JSON but not an object.

## Why
A number where a string is expected (`"to": 14155550132`) loses leading
zeros and a `+`; smslint does not guess.

## Example
`{"body": 5}` fires; `{"body": "5"}` does not.

## Fix
Write the field with the documented type.
)"},
    {"segments/crlf-line-breaks", "CRLF line breaks cost an extra segment",
     Severity::kWarning, 0, true, "stable", "0.1.0",
     "{crlf_count} CRLF line break(s) count as 2 characters each; with LF "
     "line breaks the body would be {segments_lf} segment(s) instead of "
     "{segments}",
     R"(## What it does
Reports a body with CR LF line breaks when replacing them by LF would make
it fewer segments. A CRLF that costs nothing is not reported.

## Why
CR and LF are each one character, so every CRLF line break costs two.
Twilio billed `80×"a" + CRLF + 79×"a"` as 2 segments and the same text with
LF as 1.

## Example
`80×"a" + "\r\n" + 79×"a"` fires; `"a\r\nb"` does not (1 segment either way).

## Fix
Replace CRLF with LF (a safe fix: the recipient sees the same line break).
)"},
    {"segments/forces-ucs2", "Characters outside GSM-7 force UCS-2 encoding",
     Severity::kWarning, 0, true, "stable", "0.1.0",
     "{count} distinct character(s) outside GSM-7 force UCS-2 encoding, "
     "{segments} segment(s): {characters}",
     R"(## What it does
Reports a body that must be sent as UCS-2 because of characters outside the
GSM-7 alphabet, naming each distinct one (the first 10, with counts) and
pointing at the first. When Twilio's Smart Encoding would make the body
GSM-7 without adding segments, a fix lists every replacement and the
segments it saves.

## Why
One character outside GSM-7 switches the whole message to UCS-2, which
fits 70 characters in one segment (67 per segment when split) instead of 160
(153). A curly apostrophe pasted from a word processor can double the cost.

## Example
`It’s here` fires (U+2019); `It's here` does not. `Привет` fires, with no
fix.

## Fix
Replace the characters with GSM-7 ones (the fix, marked unsafe because it
changes the text the recipient sees), or enable Smart Encoding on the
Messaging Service.
)"},
    {"segments/too-many-segments",
     "The message is split into more segments than allowed",
     Severity::kWarning, 0, false, "stable", "0.1.0",
     "body is {segments} segments ({encoding}), over the limit of {limit}",
     R"(## What it does
Reports a body that needs more segments than `max_segments` (10 by default).

## Why
Each segment is billed as one message, and carriers deliver long
concatenated messages less reliably (Twilio error 30019 for long UCS-2
messages). Twilio recommends at most 320 characters.

## Example
With the default limit, 1,531 × "a" (11 segments) fires; 1,530 × "a"
(10 segments) does not.

## Fix
Shorten the body, remove the characters that force UCS-2, or send a link.
)"},
});

constexpr bool Sorted() {
  for (size_t i = 1; i < kRules.size(); ++i) {
    if (!(kRules[i - 1].id < kRules[i].id)) return false;
  }
  return true;
}
static_assert(Sorted(), "keep kRules sorted by id");

}  // namespace

std::span<const RuleInfo> AllRules() { return kRules; }

const RuleInfo* FindRule(std::string_view id) {
  const auto it = std::lower_bound(
      kRules.begin(), kRules.end(), id,
      [](const RuleInfo& r, std::string_view v) { return r.id < v; });
  if (it != kRules.end() && it->id == id) return &*it;
  return nullptr;
}

}  // namespace smslint
