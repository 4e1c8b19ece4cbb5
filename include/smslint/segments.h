// File: smslint/segments.h
//
// The segment calculator: how a body is encoded (GSM-7 or UCS-2) and split
// into SMS segments, exactly as Twilio's reference calculator
// (npm sms-segments-calculator 1.3.0) does, with the documented exceptions
// in docs/segments.md (ICU grapheme clusters, oversize clusters).
//
//   smslint::SegmentInfo info = smslint::AnalyzeSegments("hello");
//   // info.encoding == smslint::Encoding::kGsm7
//   // info.segment_count == 1 && info.units == 5
//
//   smslint::SegmentOptions o;
//   o.smart_encoding = true;
//   info = smslint::AnalyzeSegments("it’s", o);   // "it's", GSM-7
//
// Thread-safe: every function here may be called concurrently.
#ifndef SMSLINT_SEGMENTS_H_
#define SMSLINT_SEGMENTS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "smslint/diagnostic.h"
#include "smslint/export.h"

namespace smslint {

// smslint::Encoding
enum class Encoding {
  kGsm7,  // 3GPP TS 23.038 default alphabet + extension table, 7-bit
  kUcs2,  // UTF-16 code units (surrogate pairs count 2)
};

// "GSM-7" or "UCS-2" (the calculator's names).
SMSLINT_API std::string_view EncodingName(Encoding e);

// smslint::EncodingChoice
enum class EncodingChoice {
  kAuto,   // GSM-7 when every character is in GSM-7, otherwise UCS-2
  kGsm7,   // force GSM-7; an error when the text has other characters
  kUcs2,   // force UCS-2
};

// smslint::LineBreakStyle
//
// As the calculator reports it: a lone CR is not a line break.
enum class LineBreakStyle {
  kNone,     // no "\n" at all
  kLf,       // only lone "\n"
  kCrlf,     // only "\r\n"
  kLfCrlf,   // both
};

// "", "LF", "CRLF", "LF+CRLF".
SMSLINT_API std::string_view LineBreakStyleName(LineBreakStyle s);

// smslint::SegmentOptions
//
//   smart_encoding (false)   apply Twilio's Smart Encoding map first
//   encoding (kAuto)         force an encoding
struct SegmentOptions {
  bool smart_encoding = false;
  EncodingChoice encoding = EncodingChoice::kAuto;
};

// smslint::SegmentSpan
//
// One segment: where it is in the analysed text, how full it is, and its
// capacity (160/153 septets, 70/67 units).
struct SegmentSpan {
  Span span;
  uint32_t fill = 0;      // septets (GSM-7) or UTF-16 units (UCS-2)
  uint32_t capacity = 0;
};

// smslint::NonGsmCharacter
//
// A grapheme cluster that is not a single GSM-7 character, where it is.
struct NonGsmCharacter {
  std::string text;  // the whole cluster, UTF-8
  Span span;
};

// smslint::SegmentError
enum class SegmentError {
  kOk,
  kIncompatibleWithGsm7,  // forced GSM-7 on text with other characters
};

// smslint::SegmentInfo
struct SegmentInfo {
  SegmentError error = SegmentError::kOk;
  Encoding encoding = Encoding::kGsm7;
  uint32_t segment_count = 1;          // >= 1; the empty body is 1 segment
  uint64_t units = 0;                  // septets (GSM-7) or UTF-16 units (UCS-2)
  uint64_t message_bits = 0;           // units * 7 or * 16, UDH excluded
  uint64_t total_bits = 0;             // with a 48-bit UDH per segment when > 1
  uint64_t characters = 0;             // calculator's numberOfCharacters:
                                       // septets (GSM-7), clusters (UCS-2)
  uint64_t code_points = 0;            // Unicode scalars
  uint64_t utf16_units = 0;            // UTF-16 length of the text
  uint64_t bytes = 0;                  // UTF-8 length of the text
  LineBreakStyle line_break_style = LineBreakStyle::kNone;
  std::vector<SegmentSpan> segments;   // in order; spans cover the text
  std::vector<NonGsmCharacter> non_gsm;  // in order, duplicates kept
  // Set when smart encoding was applied: the text that was analysed.
  bool smart_encoded = false;
  std::string smart_text;
  // Set when the input was not valid UTF-8: the byte offset of the first
  // ill-formed sequence. Each maximal ill-formed subsequence is analysed as
  // U+FFFD, as a UTF-8 decoder that substitutes would send it.
  bool invalid_utf8 = false;
  size_t invalid_utf8_offset = 0;
};

// Analyses `utf8` and returns every reported value.
SMSLINT_API SegmentInfo AnalyzeSegments(std::string_view utf8,
                                        const SegmentOptions& options = {});

// Just the segment count (cheaper: no lists are built). 0 when forced GSM-7
// cannot encode the text.
SMSLINT_API uint32_t CountSegments(std::string_view utf8,
                                   const SegmentOptions& options = {});

// Applies Smart Encoding to `utf8` (one pass per code point; nothing is
// re-scanned). Invalid UTF-8 is copied through unchanged.
SMSLINT_API std::string SmartEncode(std::string_view utf8);

}  // namespace smslint

#endif  // SMSLINT_SEGMENTS_H_
