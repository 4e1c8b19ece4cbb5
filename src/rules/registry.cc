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
    {"from/alphanumeric-invalid", "An alphanumeric sender id is malformed",
     Severity::kError, 21212, false, "stable", "0.1.0",
     "sender id \"{sender}\" is not a valid alphanumeric sender id: {detail} "
     "({reason})",
     R"(## What it does
Checks a `from` that contains a letter (an alphanumeric sender id such as
`Acme`): 1 to 11 characters, only A-Z, a-z, 0-9 and space, at least one
letter. `reason` is `too_long`, `bad_characters` or `no_letter`.

## Why
Twilio rejects other sender ids with error 21212 (invalid From). Hyphens,
dots, `&` and accented letters are the usual culprits; carriers strip or
refuse them.

## Example
`"from": "Acme-Corp"` and `"from": "AcmeRewardsClub"` (15 characters) fire;
`"from": "Acme Corp"` does not.

## Fix
Shorten the id to 11 characters and keep to letters, digits and spaces.
)"},
    {"from/alphanumeric-to-us-ca",
     "An alphanumeric sender id cannot send to the US or Canada",
     Severity::kError, 21612, false, "stable", "0.1.0",
     "alphanumeric sender id \"{sender}\" cannot send to {region} numbers",
     R"(## What it does
Reports an alphanumeric `from` (`Acme`) on a message whose `to` is a US or
Canadian number.

## Why
Neither the US nor Canada supports alphanumeric sender ids; Twilio refuses
the pair with error 21612 ("the To number is not reachable from this
From"). This is an error, not a warning: no carrier delivers it.

## Example
`{"to": "+14155550132", "from": "Acme"}` fires;
`{"to": "+447400123456", "from": "Acme"}` does not.

## Fix
Send US and Canadian messages from a phone number, a short code or a
messaging service.
)"},
    {"from/missing", "The message has neither from nor messaging_service_id",
     Severity::kError, 21603, false, "stable", "0.1.0",
     "message has no from and no messaging_service_id; Twilio rejects it",
     R"(## What it does
Reports a message with an empty `from` and an empty
`messaging_service_id`.

## Why
Twilio needs a sender: error 21603 ("A 'From' or 'MessagingServiceSid'
parameter is required").

## Example
`{"to": "+14155550132", "body": "Hi"}` fires; adding
`"from": "+14155550100"` or a `messaging_service_id` silences it.

## Fix
Set `from` or `messaging_service_id`.
)"},
    {"from/not-e164", "The sender number is not in E.164 format",
     Severity::kError, 21212, true, "stable", "0.1.0",
     "sender number \"{number}\" is not in E.164 format; it is {e164}",
     R"(## What it does
Reports a sender phone number that parses but is not written in strict
E.164 (`+`, country code, at most 15 digits, nothing else): national format,
spaces, dashes, dots, parentheses, `00` or `011` prefixes, a `tel:` URI.
Numbers without a country code are read in the message's `region` or the
`default_region` option. The span covers the whole field.

## Why
Twilio expects E.164 and answers other forms with error 21212 or reads them
in the wrong country. Normalising once, before sending, removes the doubt.

## Example
`"from": "(415) 555-0100"` with region `US` fires with the fix
`+14155550100`; `"from": "+14155550100"` does not.

## Fix
The fix replaces the field with the E.164 form. It is offered only when
the number is possible (see `from/not-possible`) and its E.164 form reads
back as the same number (for numbers that are not valid, libphonenumber can
take a leading 0 for a national prefix twice). It is safe for a valid number;
unsafe when an extension would be dropped or the number is not valid.
)"},
    {"from/not-possible", "The sender number cannot exist (wrong length or "
     "country code)",
     Severity::kError, 21212, false, "stable", "0.1.0",
     "sender number {number} is not a possible phone number: {detail} "
     "({reason})",
     R"(## What it does
Asks libphonenumber whether the sender number is possible for its country
and reports why not: `too_short`, `too_long`, `invalid_length`,
`invalid_country_code`, or `local_only` (a length only dialable inside an
area).

## Why
Possibility depends only on lengths and country codes, which almost never
change, so a number that fails it is wrong whatever the metadata age: Twilio
answers 21212 (invalid From).

## Example
`"from": "+1415555010"` (9 national digits) fires with `too_short`;
`"from": "+14155550100"` does not.

## Fix
Correct the number; a digit is usually missing or doubled.
)"},
    {"from/not-valid",
     "The sender number is possible but not valid in libphonenumber's "
     "metadata",
     Severity::kWarning, 21212, false, "stable", "0.1.0",
     "sender number {number} is not a valid number for {region} according "
     "to libphonenumber metadata {metadata}",
     R"(## What it does
Reports a sender number of a possible length that matches no number range
of its country in libphonenumber's metadata. The message names the metadata
version smslint was built with.

## Why
Number ranges are added every few weeks and the metadata shipped with a
Linux distribution is months or years old, so a new range can be reported
here although it works: a warning, not an error. An unassigned range is
answered by Twilio with 21212.

## Example
`"from": "+14155550100"` passes; `"from": "+11005550100"` (area code 100
does not exist) fires.

## Fix
Check the number; if it is new, update libphonenumber or disable the rule.
)"},
    {"from/short-code-not-possible",
     "A short code has a length that short numbers of the recipient's "
     "country never have",
     Severity::kError, 21212, false, "stable", "0.1.0",
     "short code {code} cannot exist in {region}",
     R"(## What it does
Checks a `from` of 3 to 8 digits (a short code) against the short number
lengths of the recipient's country (libphonenumber ShortNumberInfo). Short
codes work only inside their own country, so the recipient's country is the
one to check.

## Why
A short code of a length the country does not use can only be a typo or a
short code of another country; Twilio rejects it as an invalid From
(21212).

## Example
`{"to": "+14155550132", "from": "12"}` is not a short code (too short: it
is read as a phone number); `{"to": "+14155550132", "from": "1234567"}`
fires (no US short number has 7 digits); `"from": "898287"` does not.

## Fix
Use a short code provisioned in the recipient's country.
)"},
    {"from/short-code-unknown",
     "A short code is not in libphonenumber's short number data",
     Severity::kWarning, 0, false, "stable", "0.1.0",
     "short code {code} is not a known short number in {region} according "
     "to libphonenumber metadata {metadata}",
     R"(## What it does
Reports a short code of a possible length that matches none of the
recipient country's short number ranges in libphonenumber's metadata.

## Why
Short code ranges in the metadata are incomplete and age, so this is a
warning. But a code outside every known range (US codes never start with
1) is more often a typo or a code of another country.

## Example
`{"to": "+14155550132", "from": "12345"}` fires; `"from": "898287"` does
not.

## Fix
Check the short code; disable the rule if your code is new.
)"},
    {"from/unparseable", "The sender cannot be parsed as a phone number",
     Severity::kError, 21212, false, "stable", "0.1.0",
     "sender \"{number}\" cannot be parsed as a phone number: {detail} "
     "({reason})",
     R"(## What it does
Reports a `from` that is neither an alphanumeric id nor a short code and
that libphonenumber cannot parse, with its reason: `no_region` (no country
code and no region given), `not_a_number`, `invalid_country_code`,
`too_short_after_idd`, `too_short`, `too_long`.

## Why
Twilio answers such a From with error 21212.

## Example
`"from": "4155550100"` without a region fires with `no_region`; the same
with `"region": "US"` fires `from/not-e164` instead, with a fix.

## Fix
Write the number in E.164 (`+14155550100`), or give the message a region.
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
`from`, `messaging_service_id`, `region`, `body`, `media`, `kind`,
`first_message`.

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
    {"media/missing-content-type", "A media item has no content type",
     Severity::kError, 0, false, "stable", "0.1.0",
     "media item has no content type",
     R"(## What it does
Reports a media item whose `content_type` is empty or missing.

## Why
Twilio checks the `Content-Type` header at each media URL and rejects media
it cannot type; smslint cannot check the type allow-list either.

## Example
`{"media": [{"size_bytes": 1000}]}` fires; `{"content_type": "image/png"}`
does not.

## Fix
Give every media item its MIME type.
)"},
    {"media/not-transcoded", "A media type Twilio accepts but does not transcode",
     Severity::kWarning, 0, false, "stable", "0.1.0",
     "{content_type} ({size}) is accepted but not transcoded for the "
     "recipient's device; {carrier_note}",
     R"(## What it does
Reports media of a type Twilio accepts without converting it (audio, video,
documents, BMP, TIFF; data/media_types.tsv), with a note on carrier limits.

## Why
Only JPEG, PNG and GIF are transcoded to suit the recipient's device. Other
types are delivered as they are, and US carriers cap non-image attachments
well below 5 MB (AT&T, T-Mobile and Verizon take only 0.6 MB from toll-free
numbers), so large ones fail on delivery (Twilio error 30019).

## Example
`video/mp4` fires; `image/jpeg` does not.

## Fix
Send an image, or keep the attachment under 0.6 MB, or send a link.
)"},
    {"media/size-unknown", "A media item's size is not known", Severity::kInfo,
     0, false, "stable", "0.1.0",
     "media item size is not known; the 5 MB total cannot be checked",
     R"(## What it does
Notes a media item given without `size_bytes`, a readable `path` or bytes.

## Why
Twilio rejects a message whose media total more than 5 MB; without sizes
smslint cannot tell.

## Example
`{"content_type": "image/png"}` fires; adding `"size_bytes": 2048` does not.

## Fix
Pass the size (the Content-Length of the media URL) or the file.
)"},
    {"media/too-large", "The media total more than 5 MB", Severity::kError, 0,
     false, "stable", "0.1.0",
     "media total {total}{unknown}, over Twilio's limit of {limit}",
     R"(## What it does
Adds up the known sizes of a message's media and reports a total over 5 MB,
read as 5,000,000 bytes (the stricter reading of Twilio's "5MB").

## Why
Twilio rejects a message whose media total more than 5 MB.

## Example
Two items of 3,000,000 bytes fire; one of 4,000,000 does not.

## Fix
Compress or resize the media, or send fewer items.
)"},
    {"media/too-many", "More than 10 media items", Severity::kError, 21623,
     false, "stable", "0.1.0",
     "{count} media items; Twilio accepts at most {limit}",
     R"(## What it does
Reports a message with more than 10 media items.

## Why
Twilio rejects it with error 21623 ("Number of media files exceeds allowed
limit").

## Example
11 items fire; 10 do not.

## Fix
Send the media over several messages.
)"},
    {"media/type-mismatch", "The media's bytes are not of its declared type",
     Severity::kError, 0, false, "stable", "0.1.0",
     "declared {declared}, but the content is {actual}",
     R"(## What it does
When a media item comes with its file (`path`) or bytes, sniffs the real
type with libmagic and reports a declared content type that contradicts it.
Generic answers (text/plain, application/octet-stream, ZIP containers) are
not reported: libmagic cannot tell those apart.

## Why
Twilio compares the `Content-Type` header with the actual file and rejects
a mismatch.

## Example
A PNG file declared `image/jpeg` fires; a PNG declared `image/png` does not.

## Fix
Declare the type the file really has, or convert the file.
)"},
    {"media/unreadable", "A media file cannot be read", Severity::kError, 0,
     false, "stable", "0.1.0", "cannot read {path}: {reason}",
     R"(## What it does
Reports a media `path` that cannot be opened or read.

## Why
The file cannot be checked, and probably cannot be served to Twilio either.

## Example
`{"path": "missing.png"}` fires when the file does not exist.

## Fix
Fix the path.
)"},
    {"media/unsupported-type", "A media type Twilio does not accept for MMS",
     Severity::kError, 0, false, "stable", "0.1.0",
     "{content_type} is not a content type Twilio accepts for MMS{hint}",
     R"(## What it does
Reports a media item whose content type is not in Twilio's list of
accepted types (data/media_types.tsv).

## Why
Twilio rejects media of other types.

## Example
`application/zip` and `image/webp` (WhatsApp stickers only) fire;
`image/png` does not.

## Fix
Convert the media to an accepted type (JPEG, PNG or GIF for images).
)"},
    {"message/invalid-messaging-service-id",
     "The messaging service id is not \"MG\" and 32 hex digits",
     Severity::kError, 0, false, "stable", "0.1.0",
     "messaging_service_id \"{id}\" is not \"MG\" followed by 32 hex digits",
     R"(## What it does
Checks the form of `messaging_service_id`: `MG` then 32 hexadecimal digits
(34 characters).

## Why
Anything else cannot name a messaging service, and the request fails. The
usual mistakes are an account SID (`AC...`), a phone number SID (`PN...`),
or a truncated copy. Twilio's error code for this depends on the mistake,
so none is predicted.

## Example
`"messaging_service_id": "MG123"` fires;
`"messaging_service_id": "MG0123456789abcdef0123456789abcdef"` does not.

## Fix
Copy the service's SID from the Twilio console (Messaging > Services).
)"},
    {"message/to-equals-from", "The recipient is the sender",
     Severity::kError, 21266, false, "stable", "0.1.0",
     "to and from are the same number, {number}",
     R"(## What it does
Compares `to` and `from` after both are normalised to E.164, so
`(415) 555-0100` and `+14155550100` are the same number.

## Why
Twilio refuses a message to its own sender with error 21266 ("'To' and
'From' number cannot be the same").

## Example
`{"to": "+14155550100", "from": "+1 415 555 0100"}` fires.

## Fix
Check which field was filled from the wrong column.
)"},
    {"message/unknown-region", "The message's region is not a known region",
     Severity::kError, 0, false, "stable", "0.1.0",
     "region \"{region}\" is not an ISO 3166 region libphonenumber knows; "
     "numbers are read in the default region instead",
     R"(## What it does
Reports a message `region` that is not a region code libphonenumber has
metadata for (`US`, `GB`, `DE`; lower case is accepted). The numbers are
then read with the `default_region` option, or none.

## Why
A misspelt region (`UK` instead of `GB`) would otherwise make every
national-format number unparseable without saying why.

## Example
`"region": "UK"` fires; `"region": "GB"` and `"region": "gb"` do not.

## Fix
Use the ISO 3166-1 alpha-2 code of the country.
)"},
    {"mms/unsupported-country", "Media to or from a number outside US, CA, AU",
     Severity::kError, 0, false, "stable", "0.1.0",
     "MMS is delivered only to and from US, Canadian and Australian numbers, "
     "and the {party} is in {region}: Twilio's MMS Converter sends a link "
     "instead (when it is on), or the {count} media item(s) are dropped",
     R"(## What it does
Reports a message with media whose recipient, or whose sender number, is
not in the US, Canada or Australia (data/mms_regions.tsv).

## Why
Twilio delivers MMS only there. Elsewhere the MMS Converter (a Messaging
Service setting) turns the message into an SMS with a link to the media, or
the media is dropped, so the recipient never sees it as sent.

## Example
Media to `+447400123456` fires; media to `+14155550132` from
`+14155550100` does not.

## Fix
Send an SMS with a link to the media, or enable the MMS Converter.
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
    {"to/fixed-line", "The recipient is a fixed-line number",
     Severity::kWarning, 21614, false, "stable", "0.1.0",
     "recipient {number} is a fixed-line number in {region} (libphonenumber "
     "metadata {metadata}); most landlines cannot receive SMS",
     R"(## What it does
Reports a recipient that libphonenumber types as FIXED_LINE.

## Why
Most landlines cannot receive SMS; Twilio answers 21614 ("not a valid
mobile number") or the message is lost. A warning, not an error, because
the type comes from number ranges in metadata of a known age, some
landlines are text-enabled, and ported numbers keep their range.

## Example
`"to": "+442079460123"` (London) fires; `"to": "+447400123456"` (a UK
mobile) does not.

## Fix
Ask the recipient for a mobile number, or call instead.
)"},
    {"to/fixed-line-or-mobile",
     "The recipient may be fixed line or mobile; offline it cannot be known",
     Severity::kInfo, 0, false, "stable", "0.1.0",
     "recipient {number} ({region}) may be a fixed-line or a mobile number; "
     "libphonenumber metadata {metadata} cannot tell them apart offline",
     R"(## What it does
Notes a recipient that libphonenumber types as FIXED_LINE_OR_MOBILE: every
US and Canadian number, and some ranges of other countries.

## Why
In those countries mobile and fixed numbers share ranges, so only a
carrier lookup (a network call, which smslint never makes) can say whether
the number takes SMS. An info note, so that nobody takes silence for a
confirmed mobile.

## Example
`"to": "+14155550132"` gets the note; `"to": "+447400123456"` does not.

## Fix
Nothing to fix. Use a carrier lookup before sending if it matters.
)"},
    {"to/missing", "The message has no recipient", Severity::kError, 21604,
     false, "stable", "0.1.0", "message has no to; Twilio rejects it",
     R"(## What it does
Reports a message whose `to` is empty.

## Why
Twilio rejects it with error 21604 ("'To' phone number is required").

## Example
`{"from": "+14155550100", "body": "Hi"}` fires.

## Fix
Set `to`.
)"},
    {"to/not-e164", "The recipient number is not in E.164 format",
     Severity::kError, 21211, true, "stable", "0.1.0",
     "recipient \"{number}\" is not in E.164 format; it is {e164}",
     R"(## What it does
Reports a recipient that parses but is not written in strict E.164 (`+`,
country code, at most 15 digits, nothing else): national format, spaces,
dashes, dots, parentheses, `00` or `011` prefixes, a `tel:` URI. Numbers
without a country code are read in the message's `region` or the
`default_region` option. The span covers the whole field.

## Why
Twilio expects E.164; other forms fail with 21211 or, worse, are read in
the wrong country (`07400 123456` is British only if you know it is).

## Example
`"to": "07400 123456"` with region `GB` fires with the fix
`+447400123456`; so does `"to": "0044 7400 123456"`. `"to": "+447400123456"`
does not.

## Fix
The fix replaces the field with the E.164 form. It is offered only when
the number is possible (see `to/not-possible`) and its E.164 form reads
back as the same number (for numbers that are not valid, libphonenumber can
take a leading 0 for a national prefix twice). It is safe for a valid number;
unsafe when an extension would be dropped or the number is not valid.
)"},
    {"to/not-possible", "The recipient number cannot exist (wrong length or "
     "country code)",
     Severity::kError, 21211, false, "stable", "0.1.0",
     "recipient {number} is not a possible phone number: {detail} ({reason})",
     R"(## What it does
Asks libphonenumber whether the recipient is possible for its country and
reports why not: `too_short`, `too_long`, `invalid_length`,
`invalid_country_code`, or `local_only` (a length only dialable inside an
area: the area code is missing).

## Why
Possibility depends only on lengths and country codes, which almost never
change, so a number that fails it is wrong whatever the metadata age;
Twilio answers 21211 (invalid To).

## Example
`"to": "+1415555013"` (9 national digits) fires with `too_short`;
`"to": "+4474001234"` fires with `local_only`; `"to": "+14155550132"` does
not.

## Fix
Correct the number; a digit is usually missing or doubled.
)"},
    {"to/not-valid",
     "The recipient number is possible but not valid in libphonenumber's "
     "metadata",
     Severity::kWarning, 21211, false, "stable", "0.1.0",
     "recipient {number} is not a valid number for {region} according to "
     "libphonenumber metadata {metadata}",
     R"(## What it does
Reports a recipient of a possible length that matches no number range of
its country in libphonenumber's metadata, naming the metadata version.

## Why
Number ranges are added every few weeks and the metadata shipped with a
Linux distribution is months or years old: a new range can be reported
here although it works, so this is a warning. An unassigned range fails
with 21211.

## Example
`"to": "+11005550132"` (area code 100 does not exist) fires;
`"to": "+14155550132"` does not.

## Fix
Check the number; if the range is new, update libphonenumber or disable
the rule.
)"},
    {"to/pager", "The recipient is a pager number", Severity::kWarning, 0,
     false, "stable", "0.1.0",
     "recipient {number} is a pager number in {region} (libphonenumber "
     "metadata {metadata})",
     R"(## What it does
Reports a recipient that libphonenumber types as PAGER.

## Why
Paging networks take short numeric or text pages through their own
gateways, not ordinary SMS from an A2P sender; delivery is unlikely. A
warning, because a few paging services do accept SMS.

## Example
`"to": "+447640123456"` (a UK 076 pager) fires; `"to": "+447400123456"`
does not.

## Fix
Ask for a mobile number.
)"},
    {"to/premium-rate", "The recipient is a premium-rate number",
     Severity::kError, 0, false, "stable", "0.1.0",
     "recipient {number} is a premium-rate number in {region} "
     "(libphonenumber metadata {metadata}); premium-rate numbers do not take "
     "ordinary SMS and are a fraud pattern",
     R"(## What it does
Reports a recipient that libphonenumber types as PREMIUM_RATE.

## Why
Premium-rate numbers are services that bill the caller; they do not
receive ordinary A2P SMS. Sending to them is the signature of SMS pumping
(toll fraud through sign-up forms), which Twilio's fraud guard blocks
(30450). A demanding sender wants to stop such a list entry, hence an
error even though the type comes from metadata.

## Example
`"to": "+449061234567"` (UK 09 range) fires; `"to": "+447400123456"`
does not.

## Fix
Drop the number from the list; check the form that collected it.
)"},
    {"to/shared-cost", "The recipient is a shared-cost number",
     Severity::kWarning, 0, false, "stable", "0.1.0",
     "recipient {number} is a shared-cost number in {region} (libphonenumber "
     "metadata {metadata})",
     R"(## What it does
Reports a recipient that libphonenumber types as SHARED_COST (German
0180, French 081-084 ranges and similar).

## Why
Shared-cost numbers are call-centre lines that forward to landlines; they
rarely take SMS. A warning: the number exists, it probably just cannot
read a text.

## Example
`"to": "+33884012345"` (France) and `"to": "+4918012345"` (Germany)
fire; a mobile does not.

## Fix
Ask for a mobile number.
)"},
    {"to/toll-free", "The recipient is a toll-free number",
     Severity::kWarning, 0, false, "stable", "0.1.0",
     "recipient {number} is a toll-free number in {region} (libphonenumber "
     "metadata {metadata}); it takes SMS only if it is text-enabled",
     R"(## What it does
Reports a recipient that libphonenumber types as TOLL_FREE.

## Why
Toll-free numbers are mostly voice lines of businesses. In the US and
Canada some are text-enabled, elsewhere almost none are; messages to the
others are lost. A warning, not an error, because text-enabled toll-free
numbers exist.

## Example
`"to": "+18005550199"` fires; `"to": "+14155550132"` does not.

## Fix
Make sure the number is text-enabled, or message a mobile instead.
)"},
    {"to/uan", "The recipient is a universal access number",
     Severity::kWarning, 0, false, "stable", "0.1.0",
     "recipient {number} is a universal access number in {region} "
     "(libphonenumber metadata {metadata})",
     R"(## What it does
Reports a recipient that libphonenumber types as UAN (universal access
numbers: one national number routed to a company's offices, UK 03, French
09 ranges and the like).

## Why
They route to call centres and landlines, which do not read SMS. A
warning, because some companies route them to text-capable systems.

## Example
`"to": "+443031234567"` (UK 03) fires; `"to": "+447400123456"` does not.

## Fix
Message the person's mobile number instead.
)"},
    {"to/unparseable", "The recipient cannot be parsed as a phone number",
     Severity::kError, 21211, false, "stable", "0.1.0",
     "recipient \"{number}\" cannot be parsed as a phone number: {detail} "
     "({reason})",
     R"(## What it does
Reports a `to` that libphonenumber cannot parse, with its reason:
`no_region` (no country code and no region given), `not_a_number`,
`invalid_country_code`, `too_short_after_idd`, `too_short`, `too_long`.

## Why
Twilio answers such a To with error 21211.

## Example
`"to": "07400 123456"` without a region fires with `no_region`; with
`"region": "GB"` it fires `to/not-e164` with a fix instead. `"to": "hello"`
fires with `not_a_number`.

## Fix
Write the number in E.164 (`+447400123456`), or give the message a region.
)"},
    {"to/voicemail", "The recipient is a voicemail access number",
     Severity::kError, 0, false, "stable", "0.1.0",
     "recipient {number} is a voicemail access number in {region} "
     "(libphonenumber metadata {metadata}); nobody reads SMS there",
     R"(## What it does
Reports a recipient that libphonenumber types as VOICEMAIL (numbers that
dial straight into a mailbox, such as Italian 33x mailbox prefixes).

## Why
A voicemail access number has no handset behind it: a text to it is lost
or billed for nothing. Unlike fixed lines, no provider makes these
text-enabled, so this is an error.

## Example
`"to": "+3933101234501"` (an Italian mailbox) fires; `"to":
"+393123456789"` (a mobile) does not.

## Fix
Message the mobile number the mailbox belongs to.
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
