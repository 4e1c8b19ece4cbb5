// The only translation unit that includes libphonenumber (phone_util.h says
// why).
#include "numbers/phone_util.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/shortnumberinfo.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "numbers/fast_phone.h"

namespace smslint::internal {
namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;
using ::i18n::phonenumbers::ShortNumberInfo;

NumberType ToNumberType(PhoneNumberUtil::PhoneNumberType t) {
  switch (t) {
    case PhoneNumberUtil::FIXED_LINE: return NumberType::kFixedLine;
    case PhoneNumberUtil::MOBILE: return NumberType::kMobile;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
      return NumberType::kFixedLineOrMobile;
    case PhoneNumberUtil::TOLL_FREE: return NumberType::kTollFree;
    case PhoneNumberUtil::PREMIUM_RATE: return NumberType::kPremiumRate;
    case PhoneNumberUtil::SHARED_COST: return NumberType::kSharedCost;
    case PhoneNumberUtil::VOIP: return NumberType::kVoip;
    case PhoneNumberUtil::PERSONAL_NUMBER: return NumberType::kPersonalNumber;
    case PhoneNumberUtil::PAGER: return NumberType::kPager;
    case PhoneNumberUtil::UAN: return NumberType::kUan;
    case PhoneNumberUtil::VOICEMAIL: return NumberType::kVoicemail;
    case PhoneNumberUtil::UNKNOWN: return NumberType::kUnknown;
  }
  return NumberType::kUnknown;
}

ParseStatus ToParseStatus(PhoneNumberUtil::ErrorType e) {
  switch (e) {
    case PhoneNumberUtil::NO_PARSING_ERROR: return ParseStatus::kOk;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return ParseStatus::kInvalidCountryCode;
    case PhoneNumberUtil::NOT_A_NUMBER: return ParseStatus::kNotANumber;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
      return ParseStatus::kTooShortAfterIdd;
    case PhoneNumberUtil::TOO_SHORT_NSN: return ParseStatus::kTooShort;
    case PhoneNumberUtil::TOO_LONG_NSN: return ParseStatus::kTooLong;
  }
  return ParseStatus::kNotANumber;
}

Possibility ToPossibility(PhoneNumberUtil::ValidationResult r) {
  switch (r) {
    case PhoneNumberUtil::IS_POSSIBLE: return Possibility::kPossible;
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY: return Possibility::kLocalOnly;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
      return Possibility::kInvalidCountryCode;
    case PhoneNumberUtil::TOO_SHORT: return Possibility::kTooShort;
    case PhoneNumberUtil::INVALID_LENGTH: return Possibility::kInvalidLength;
    case PhoneNumberUtil::TOO_LONG: return Possibility::kTooLong;
  }
  return Possibility::kInvalidLength;
}

bool HasPlus(std::string_view s) {
  return s.find('+') != std::string_view::npos ||
         s.find("\xEF\xBC\x8B") != std::string_view::npos;  // U+FF0B
}

}  // namespace

// libphonenumber's own objects, made on first use: PhoneNumberUtil's
// metadata parse, its region list and ShortNumberInfo cost ~9.5 ms a
// process, and a send path whose numbers the fast path answers never needs
// them (issue 15's cold start).
struct Libphonenumber {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const ShortNumberInfo short_info;
  std::set<std::string> regions;
  Libphonenumber() { util.GetSupportedRegions(&regions); }
};

struct PhoneUtil::Impl {
  // Compiled from libphonenumber's own metadata (bench/fast_numbers_bench
  // prints the cost; ~1.5 ms, the rest is built per region on first use).
  std::unique_ptr<const FastPhone> fast;
  mutable std::once_flag lib_once;
  mutable std::unique_ptr<const Libphonenumber> lib;
  const Libphonenumber& Lib() const {
    std::call_once(lib_once, [this] { lib = std::make_unique<const Libphonenumber>(); });
    return *lib;
  }
  // Relaxed increments on the slow path only: the fast path writes nothing
  // shared. Its own cache line, so those writes do not evict `fast` from
  // other threads' caches.
  alignas(64) mutable std::atomic<uint64_t> slow_calls{0};
  mutable std::once_flag warmed;
};

PhoneUtil::PhoneUtil() {
  auto impl = std::make_unique<Impl>();
  impl->fast = FastPhone::Build();
  impl_ = std::move(impl);
}

PhoneUtil::~PhoneUtil() = default;

const PhoneUtil& PhoneUtil::Get() {
  // A function-local static: built once, thread-safe (C++11 magic statics).
  // Never destroyed, so lint calls from threads that outlive main() work.
  static const PhoneUtil* const instance = new PhoneUtil();
  return *instance;
}

// libphonenumber compiles each regular expression on its first use and keeps
// it in a process-wide cache; a region's first number costs 60-350 us
// (parse patterns, then that region's patterns), a warm one ~20 us. Running
// every region's example numbers of every type (and its example short
// number) once fills the cache, so no Lint call pays first-use costs and
// timings are flat. It costs 80-170 ms and ~12 MB once per process, which
// is most of a cold start now that the fast path answers the common
// numbers without libphonenumber; so it is asked for
// (Options::warm_up_numbers), not done by default (issue 15).
// It calls libphonenumber directly, not Analyze: the fast path needs no
// warming, and the inputs it leaves to libphonenumber should find the cache
// warm too.
void PhoneUtil::WarmUp() const {
  std::call_once(impl_->warmed, [this] { WarmUpAllRegions(); });
}

void PhoneUtil::WarmUpAllRegions() const {
  const PhoneNumberUtil& util = impl_->Lib().util;
  std::set<int> non_geo;
  util.GetSupportedGlobalNetworkCallingCodes(&non_geo);
  std::string e164, national;
  auto run = [&](const PhoneNumber& n, const std::string& region) {
    util.Format(n, PhoneNumberUtil::E164, &e164);
    util.Format(n, PhoneNumberUtil::NATIONAL, &national);
    AnalyzeWithLibphonenumber(e164, "");
    if (!region.empty()) AnalyzeWithLibphonenumber(national, region);
  };
  for (const std::string& region : impl_->Lib().regions) {
    std::set<PhoneNumberUtil::PhoneNumberType> types;
    util.GetSupportedTypesForRegion(region, &types);
    for (const auto type : types) {
      PhoneNumber n;
      if (util.GetExampleNumberForType(region, type, &n)) run(n, region);
    }
    AnalyzeShortCode(impl_->Lib().short_info.GetExampleShortNumber(region), region);
  }
  for (const int code : non_geo) {
    PhoneNumber n;
    if (util.GetExampleNumberForNonGeoEntity(code, &n)) run(n, "");
  }
}

PhoneFacts PhoneUtil::Analyze(std::string_view input, std::string_view region,
                              bool fast) const {
  PhoneFacts f;
  if (fast && impl_->fast != nullptr && impl_->fast->Analyze(input, region, &f)) {
    return f;
  }
  impl_->slow_calls.fetch_add(1, std::memory_order_relaxed);
  return AnalyzeWithLibphonenumber(input, region);
}

bool PhoneUtil::AnalyzeFast(std::string_view input, std::string_view region,
                            PhoneFacts* facts) const {
  return impl_->fast != nullptr && impl_->fast->Analyze(input, region, facts);
}

bool PhoneUtil::fast_path_available() const { return impl_->fast != nullptr; }

uint64_t PhoneUtil::slow_path_calls() const {
  return impl_->slow_calls.load(std::memory_order_relaxed);
}

PhoneFacts PhoneUtil::AnalyzeWithLibphonenumber(std::string_view input,
                                                std::string_view region) const {
  const PhoneNumberUtil& util = impl_->Lib().util;
  PhoneFacts f;
  PhoneNumber n;
  // "ZZ" is libphonenumber's unknown region: only "+..." numbers parse.
  const std::string region_code = region.empty() ? "ZZ" : std::string(region);
  f.parse = ToParseStatus(util.Parse(std::string(input), region_code, &n));
  if (f.parse == ParseStatus::kInvalidCountryCode && region.empty() &&
      !HasPlus(input)) {
    f.parse = ParseStatus::kNoRegion;
  }
  if (f.parse != ParseStatus::kOk) return f;
  util.Format(n, PhoneNumberUtil::E164, &f.e164);
  util.GetRegionCodeForNumber(n, &f.region);
  if (f.region == "ZZ") f.region.clear();
  f.country_code = n.country_code();
  f.has_extension = n.has_extension();
  f.possibility = ToPossibility(util.IsPossibleNumberWithReason(n));
  f.valid = util.IsValidNumber(n);
  if (f.valid) f.type = ToNumberType(util.GetNumberType(n));
  return f;
}

ShortCodeFacts PhoneUtil::AnalyzeShortCode(std::string_view digits,
                                           std::string_view region) const {
  ShortCodeFacts f;
  PhoneNumber n;
  const std::string region_code(region);
  const Libphonenumber& lib = impl_->Lib();
  if (lib.util.Parse(std::string(digits), region_code, &n) !=
      PhoneNumberUtil::NO_PARSING_ERROR) {
    return f;
  }
  f.possible = lib.short_info.IsPossibleShortNumberForRegion(n, region_code);
  f.valid = lib.short_info.IsValidShortNumberForRegion(n, region_code);
  return f;
}

bool PhoneUtil::IsSupportedRegion(std::string_view region) const {
  // The fast path's region table is read from the same metadata; it answers
  // for two capital letters (tests/unit/numbers compares every pair).
  if (std::optional<bool> known;
      impl_->fast != nullptr && (known = impl_->fast->HasRegion(region))) {
    return *known;
  }
  return impl_->Lib().regions.contains(std::string(region));
}

}  // namespace smslint::internal
