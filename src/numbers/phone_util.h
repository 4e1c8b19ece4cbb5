// The one door to libphonenumber. Only phone_util.cc includes its headers:
// they leak macros (DCHECK, DISALLOW_COPY_AND_ASSIGN, ...), pull in protobuf
// and Abseil, and take ~2 s to compile.
// Everything here is plain C++ and smslint types.
#ifndef SMSLINT_SRC_NUMBERS_PHONE_UTIL_H_
#define SMSLINT_SRC_NUMBERS_PHONE_UTIL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "smslint/numbers.h"

namespace smslint::internal {

// Why Parse failed (libphonenumber's ErrorType, plus kNoRegion: a number
// without a country code and no region to read it in).
enum class ParseStatus {
  kOk,
  kNoRegion,
  kNotANumber,
  kInvalidCountryCode,
  kTooShortAfterIdd,
  kTooShort,
  kTooLong,
};

// libphonenumber's ValidationResult of IsPossibleNumberWithReason.
enum class Possibility {
  kPossible,
  kLocalOnly,  // long enough only for dialling inside an area
  kInvalidCountryCode,
  kTooShort,
  kTooLong,
  kInvalidLength,  // between the shortest and longest, at no valid length
};

// What libphonenumber says about one phone number.
struct PhoneFacts {
  ParseStatus parse = ParseStatus::kNotANumber;
  // The rest is set only when parse == kOk.
  std::string e164;
  std::string region;  // of the number; "001" non-geographic, "" unknown
  int country_code = 0;
  bool has_extension = false;  // "ext. 12": E.164 cannot carry it
  Possibility possibility = Possibility::kInvalidCountryCode;
  bool valid = false;
  NumberType type = NumberType::kUnknown;
};

struct ShortCodeFacts {
  bool possible = false;  // a length short numbers of the region have
  bool valid = false;     // in the region's short number metadata
};

// libphonenumber's PhoneNumberUtil singleton and a ShortNumberInfo (whose
// constructor parses the short number metadata), held once per process,
// with the fast path compiled from the same metadata (fast_phone.h).
// Immutable after construction, so every method is safe to call from many
// threads (PhoneNumberUtil's own guarantee; its regex cache takes a lock;
// the fast path takes none).
class PhoneUtil {
 public:
  // The process-wide instance, built on first use.
  static const PhoneUtil& Get();
  // Fills libphonenumber's regex cache for every region, once per process
  // (Options::warm_up_numbers); thread-safe. Without it each region's
  // patterns compile on that region's first slow-path number.
  void WarmUp() const;

  // With `fast` (Options::fast_numbers), the fast path when it handles the
  // input (fast_phone.h lists what it does not), else libphonenumber;
  // without, libphonenumber alone. The answers are the same either way;
  // tests/differential/fast_numbers_diff.cc checks that.
  PhoneFacts Analyze(std::string_view input, std::string_view region,
                     bool fast) const;
  // libphonenumber alone (the reference, and the slow path).
  PhoneFacts AnalyzeWithLibphonenumber(std::string_view input,
                                       std::string_view region) const;
  // The fast path alone: false when it does not handle the input.
  bool AnalyzeFast(std::string_view input, std::string_view region,
                   PhoneFacts* facts) const;
  // False when the fast path could not be built from the metadata:
  // Analyze is then libphonenumber alone, whatever `fast` says.
  bool fast_path_available() const;
  // How many Analyze calls went to libphonenumber, since the process
  // started (relaxed: a statistic for benchmarks, not a synchronisation).
  uint64_t slow_path_calls() const;
  ShortCodeFacts AnalyzeShortCode(std::string_view digits,
                                  std::string_view region) const;
  // A region libphonenumber has metadata for ("US", "GB"; not "001").
  bool IsSupportedRegion(std::string_view region) const;

  ~PhoneUtil();
  PhoneUtil(const PhoneUtil&) = delete;
  PhoneUtil& operator=(const PhoneUtil&) = delete;

 private:
  PhoneUtil();
  void WarmUpAllRegions() const;
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_NUMBERS_PHONE_UTIL_H_
