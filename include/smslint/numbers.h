// File: smslint/numbers.h
//
// Defines smslint::NumberInfo, what the linter learnt about a message's `to`
// and `from` (Report::to_number, Report::from_number), and
// smslint::PhoneMetadataVersion().
//
//   smslint::Report r = linter.Lint(m);   // m.to = "(415) 555-0132", region "US"
//   // r.to_number->e164 == "+14155550132"
//   // r.to_number->region == "US" && r.to_number->country_code == 1
//   // r.to_number->type == smslint::NumberType::kFixedLineOrMobile
//
// Number facts come from libphonenumber's offline metadata, which ages:
// PhoneMetadataVersion() says which one. No libphonenumber type appears here.
#ifndef SMSLINT_NUMBERS_H_
#define SMSLINT_NUMBERS_H_

#include <string>
#include <string_view>

#include "smslint/export.h"

namespace smslint {

// smslint::NumberKind
//
// What a `to` or `from` value is.
enum class NumberKind {
  kPhone,             // a phone number (E.164 or not)
  kShortCode,         // 3 to 8 digits, no "+": a short code
  kAlphanumeric,      // a sender id with a letter in it ("Acme")
  kMessagingService,  // no from; a messaging service id ("MG" + 32 hex)
};

// "phone", "short_code", "alphanumeric", "messaging_service".
SMSLINT_API std::string_view NumberKindName(NumberKind kind);

// smslint::NumberType
//
// libphonenumber's number type. kUnknown when the number is not valid.
enum class NumberType {
  kUnknown,
  kFixedLine,
  kMobile,
  kFixedLineOrMobile,  // all US and CA numbers: not knowable offline
  kTollFree,
  kPremiumRate,
  kSharedCost,
  kVoip,
  kPersonalNumber,
  kPager,
  kUan,                // universal access number (company number)
  kVoicemail,
};

// "unknown", "fixed_line", "mobile", "fixed_line_or_mobile", "toll_free",
// "premium_rate", "shared_cost", "voip", "personal_number", "pager", "uan",
// "voicemail".
SMSLINT_API std::string_view NumberTypeName(NumberType type);

// smslint::NumberInfo
//
// Everything known about one number. Strings are empty when unknown.
struct NumberInfo {
  std::string input;      // the field as given
  NumberKind kind = NumberKind::kPhone;
  std::string e164;       // "+14155550132": phones that parse; else ""
  std::string region;     // ISO 3166 code ("US") libphonenumber assigns,
                          // "001" for non-geographic numbers, "" when it
                          // cannot tell (an invalid +1 or +44 number); for
                          // short codes, the recipient's region checked
  int country_code = 0;   // 1, 44, ...; 0 when unknown
  NumberType type = NumberType::kUnknown;
  bool possible = false;  // libphonenumber IsPossibleNumber (phones);
                          // possible short code; well-formed id
  bool valid = false;     // libphonenumber IsValidNumber (phones); valid
                          // short code; well-formed id
  // Why the value is not possible or not valid, "" when it is valid:
  // "no_region", "not_a_number", "invalid_country_code",
  // "too_short_after_idd", "too_short", "too_long", "invalid_length",
  // "local_only", "not_valid_for_region", "bad_characters",
  // "no_letter", "bad_format".
  std::string reason;
};

// The libphonenumber metadata number facts come from: the Debian package
// version found when smslint was configured ("8.12.57+ds-3"), or "unknown".
SMSLINT_API std::string_view PhoneMetadataVersion();

}  // namespace smslint

#endif  // SMSLINT_NUMBERS_H_
