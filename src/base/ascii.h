// ASCII case helpers: the one set used by the library and the CLI. Only
// 'A'-'Z' and 'a'-'z' change; every other byte (UTF-8 included) is left
// alone, so these are safe on any text and independent of the C locale
// (unlike std::tolower).
#ifndef SMSLINT_SRC_BASE_ASCII_H_
#define SMSLINT_SRC_BASE_ASCII_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace smslint::base {

constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

constexpr char ToLowerAscii(char c) {
  return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char ToUpperAscii(char c) {
  return IsAsciiLower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

inline void LowerAsciiInPlace(std::string& s) {
  for (char& c : s) c = ToLowerAscii(c);
}
inline void UpperAsciiInPlace(std::string& s) {
  for (char& c : s) c = ToUpperAscii(c);
}

// True when every byte of `s` is ASCII (< 0x80). 8 bytes at a time: the
// lexicon engine asks it of every body it scans.
inline bool IsAscii(std::string_view s) {
  size_t i = 0;
  uint64_t any = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    any |= w;
  }
  for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
  return (any & 0x8080808080808080ull) == 0;
}

// Copies: "Bit.LY" -> "bit.ly"; "us" -> "US".
inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  LowerAsciiInPlace(out);
  return out;
}
inline std::string UpperAscii(std::string_view s) {
  std::string out(s);
  UpperAsciiInPlace(out);
  return out;
}

// Case-insensitive comparisons (ASCII letters only).
inline bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLowerAscii(a[i]) != ToLowerAscii(b[i])) return false;
  }
  return true;
}
inline bool StartsWithIgnoreAsciiCase(std::string_view s,
                                      std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreAsciiCase(s.substr(0, prefix.size()), prefix);
}

// The first offset where `needle` occurs in `haystack` ignoring ASCII case,
// or npos; 0 for an empty needle (as std::string_view::find).
inline size_t FindIgnoreAsciiCase(std::string_view haystack,
                                  std::string_view needle) {
  if (needle.size() > haystack.size()) return std::string_view::npos;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (EqualsIgnoreAsciiCase(haystack.substr(i, needle.size()), needle)) {
      return i;
    }
  }
  return std::string_view::npos;
}

// `s` without leading and trailing characters of `chars`.
inline std::string_view TrimAscii(std::string_view s,
                                  std::string_view chars = " \t\r\n") {
  const size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(chars) - b + 1);
}

}  // namespace smslint::base

#endif  // SMSLINT_SRC_BASE_ASCII_H_
