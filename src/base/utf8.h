// UTF-8 decoding and validation: the one decoder of the library and the
// CLI. Hand-written rather than ICU's U8_NEXT because the segment engine
// needs the code point, its byte length and validity in one step, inlined
// into its per-character loop; ill-formed input is handled as ICU and the
// WHATWG decoder do (one U+FFFD per maximal subpart, Unicode §3.9).
#ifndef SMSLINT_SRC_BASE_UTF8_H_
#define SMSLINT_SRC_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace smslint::base {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct Decoded {
  char32_t cp;   // the code point, or U+FFFD when !valid
  uint32_t len;  // bytes consumed (>= 1)
  bool valid;
};

// Decodes the code point at p (p < end). An ill-formed sequence yields
// U+FFFD and consumes its maximal subpart (Unicode 15 §3.9, "U+FFFD
// substitution of maximal subparts"): overlongs, surrogates, code points
// past U+10FFFF, truncated sequences and stray continuation bytes.
[[gnu::always_inline]] inline Decoded DecodeUtf8(const uint8_t* p,
                                                const uint8_t* end) {
  const uint8_t b0 = p[0];
  if (b0 < 0x80) return {b0, 1, true};
  const ptrdiff_t avail = end - p;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (avail >= 2 && (p[1] & 0xC0) == 0x80) {
      return {static_cast<char32_t>(((b0 & 0x1F) << 6) | (p[1] & 0x3F)), 2,
              true};
    }
    return {kReplacementChar, 1, false};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    // Second-byte range excludes overlongs (E0) and surrogates (ED).
    const uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const uint8_t hi = b0 == 0xED ? 0x9F : 0xBF;
    if (avail < 2 || p[1] < lo || p[1] > hi) return {kReplacementChar, 1, false};
    if (avail < 3 || (p[2] & 0xC0) != 0x80) return {kReplacementChar, 2, false};
    return {static_cast<char32_t>(((b0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) |
                                  (p[2] & 0x3F)),
            3, true};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    // Second-byte range excludes overlongs (F0) and > U+10FFFF (F4).
    const uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80;
    const uint8_t hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (avail < 2 || p[1] < lo || p[1] > hi) return {kReplacementChar, 1, false};
    if (avail < 3 || (p[2] & 0xC0) != 0x80) return {kReplacementChar, 2, false};
    if (avail < 4 || (p[3] & 0xC0) != 0x80) return {kReplacementChar, 3, false};
    return {static_cast<char32_t>(((b0 & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
                                  ((p[2] & 0x3F) << 6) | (p[3] & 0x3F)),
            4, true};
  }
  return {kReplacementChar, 1, false};  // C0, C1, F5..FF, stray continuation
}

// The code point at byte `offset` of `s` (offset < s.size()).
inline Decoded DecodeUtf8At(std::string_view s, size_t offset) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  return DecodeUtf8(p + offset, p + s.size());
}

// A continuation byte (10xxxxxx).
constexpr bool IsUtf8Continuation(uint8_t b) { return (b & 0xC0) == 0x80; }

// The sequence length a lead byte announces, by its high bits alone (1 for
// ASCII and for a stray continuation byte). For text known to be valid, or
// to step over a sequence without checking it.
constexpr uint32_t Utf8SequenceLength(uint8_t lead) {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// UTF-16 code units of a code point.
constexpr uint32_t Utf16Length(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

// The offset of the first byte of the first ill-formed sequence of `s`
// (where DecodeUtf8 first returns !valid), or std::string_view::npos.
size_t FirstInvalidUtf8(std::string_view s);

// True when `s` is well-formed UTF-8 (Unicode table 3-7).
inline bool IsValidUtf8(std::string_view s) {
  return FirstInvalidUtf8(s) == std::string_view::npos;
}

// The code points of `utf8` as "U+0041 U+00E9" (at least four hex digits,
// upper case); each ill-formed subpart shows as U+FFFD.
// Appends "U+" and the code point in upper-case hex, at least four digits
// ("U+00E9", "U+1F600"): what CodePointsLabel writes for each.
void AppendCodePointLabel(std::string* out, char32_t cp);

std::string CodePointsLabel(std::string_view utf8);

// Appends the UTF-8 form of cp (to anything with push_back(char); usable in
// constant expressions with such a type).
template <typename String>
constexpr void AppendUtf8(String& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace smslint::base

#endif  // SMSLINT_SRC_BASE_UTF8_H_
