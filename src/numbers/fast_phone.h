// The fast number path: libphonenumber's answers (PhoneUtil::Analyze's
// PhoneFacts) for the inputs send paths carry, without ICU regex, without
// locks and about 100 times faster.
//
// Source of truth: the metadata compiled into the installed libphonenumber
// (its exported metadata_get()/metadata_size(), parsed once in Build()), so
// the fast path follows any libphonenumber upgrade; smslint ships no copy.
// Every pattern of that metadata is compiled by digit_pattern.h: type and
// leading-digits patterns into one DFA per region (on the region's first
// number, thread-safely), the international and national prefixes into
// backtracking programs with ICU's priorities (in Build).
//
// Handled: input made only of ASCII digits, the separators space - . ( )
// and at most one '+' before the first digit; E.164 or international
// ("+44 20 7946 0958") with or without a default region, and national
// format ("(201) 555-0123", "020 7946 0958", "0011 44 ...") with a default
// region, including national prefixes, carrier codes and transform rules.
// Also handled: ASCII text without any digit ("", "Acme"), which is never
// a number.
// Not handled (Analyze returns false; the caller asks libphonenumber):
//   - digits with any other character: letters (vanity numbers, "ext",
//     "x"), '#', '*', ',', ';', '/', tabs, "tel:" URIs; any non-ASCII
//     byte (full-width or Arabic-Indic digits, other punctuation);
//     libphonenumber's extension, alpha and RFC 3966 rules live there;
//   - a second '+', or a '+' after a digit;
//   - more than 40 digits;
//   - '+' followed by no known country code when a default region is given
//     (libphonenumber then retries the digits as a national number);
//   - metadata the pattern compiler refuses (none in libphonenumber
//     8.12.57; the count is FastPhone::unsupported_metadata()).
#ifndef SMSLINT_SRC_NUMBERS_FAST_PHONE_H_
#define SMSLINT_SRC_NUMBERS_FAST_PHONE_H_

#include <memory>
#include <optional>
#include <string_view>

#include "numbers/phone_util.h"

namespace smslint::internal {

class FastPhone {
 public:
  // Reads the metadata of the installed libphonenumber. nullptr only if
  // that metadata cannot be read at all.
  static std::unique_ptr<const FastPhone> Build();
  // From serialized PhoneMetadataCollection bytes (tests).
  static std::unique_ptr<const FastPhone> Build(const void* data, int size);

  // Fills `facts` exactly as PhoneUtil's libphonenumber path would and
  // returns true, or returns false (facts untouched beyond reset) for input
  // outside the scope above. Thread-safe: the object is immutable.
  bool Analyze(std::string_view input, std::string_view region,
               PhoneFacts* facts) const;

  // Whether `region` is a region of the metadata (what libphonenumber's
  // GetSupportedRegions lists), for two capital letters; nullopt for any
  // other string or when the metadata has region ids of another shape.
  std::optional<bool> HasRegion(std::string_view region) const;

  // Metadata entries (regions, non-geographic codes) whose patterns did
  // not compile: numbers that need them go to libphonenumber. Compiles
  // every region's patterns (a test and bench report, not a hot path).
  int unsupported_metadata() const;
  // Compiled DFA states over all regions (for the build-cost report).
  size_t dfa_states() const;

  ~FastPhone();
  FastPhone(const FastPhone&) = delete;
  FastPhone& operator=(const FastPhone&) = delete;

 private:
  FastPhone();
  struct Data;
  std::unique_ptr<Data> d_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_NUMBERS_FAST_PHONE_H_
