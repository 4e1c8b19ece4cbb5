#include "numbers/sender_ids.h"

#include <cstdio>

#include "base/utf8.h"

namespace smslint::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsHex(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

constexpr size_t kMaxAlphanumericLength = 11;
// ClassifySender: "ext" and "x" have at most 3 letters; 7 digits is the
// shortest subscriber number with an area code in common use.
constexpr size_t kMaxExtensionLetters = 3;
constexpr size_t kMinPhoneDigits = 7;

}  // namespace

NumberKind ClassifySender(std::string_view from) {
  if (from.size() >= 4 && (from.substr(0, 4) == "tel:" ||
                           from.substr(0, 4) == "TEL:")) {
    return NumberKind::kPhone;
  }
  if (from.starts_with('+')) return NumberKind::kPhone;
  size_t letters = 0, digits = 0;
  for (const char c : from) {
    letters += IsLetter(c);
    digits += IsDigit(c);
  }
  // A few letters among many digits is a number with an extension
  // ("415 555 0100 ext 12"), not a name.
  if (letters > 0 && (digits < kMinPhoneDigits || letters > kMaxExtensionLetters)) {
    return NumberKind::kAlphanumeric;
  }
  if (digits == from.size() && from.size() >= 3 && from.size() <= 8) {
    return NumberKind::kShortCode;
  }
  return NumberKind::kPhone;
}

bool IsStrictE164(std::string_view s) {
  if (s.size() < 3 || s.size() > 16 || s[0] != '+') return false;
  if (s[1] < '1' || s[1] > '9') return false;
  for (size_t i = 2; i < s.size(); ++i) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

std::string AlphanumericProblem(std::string_view id, std::string* reason) {
  // Length in characters, not bytes: count UTF-8 lead bytes.
  size_t chars = 0;
  for (const char c : id) chars += !base::IsUtf8Continuation(static_cast<uint8_t>(c));
  if (chars > kMaxAlphanumericLength) {
    *reason = "too_long";
    return std::to_string(chars) + " characters, at most " +
           std::to_string(kMaxAlphanumericLength) + " are allowed";
  }
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (!IsLetter(c) && !IsDigit(c) && c != ' ') {
      *reason = "bad_characters";
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x20 && u < 0x7F) {
        return std::string("'") + c + "' at character " +
               std::to_string(i + 1) + " is not allowed (only A-Z, a-z, " +
               "0-9 and space)";
      }
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", u);
      return std::string("byte ") + hex + " at byte " + std::to_string(i + 1) +
             " is not allowed (only A-Z, a-z, 0-9 and space)";
    }
  }
  bool letter = false;
  for (const char c : id) letter |= IsLetter(c);
  if (!letter) {
    *reason = "no_letter";
    return "it needs at least one letter";
  }
  reason->clear();
  return "";
}

bool IsMessagingServiceId(std::string_view id) {
  if (id.size() != 34 || id.substr(0, 2) != "MG") return false;
  for (const char c : id.substr(2)) {
    if (!IsHex(c)) return false;
  }
  return true;
}

}  // namespace smslint::internal
