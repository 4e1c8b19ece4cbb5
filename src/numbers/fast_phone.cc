// The fast number path (fast_phone.h says what it handles). Each step below
// names the libphonenumber step it reproduces (phonenumberutil.cc, 8.12.x):
// the rules are reimplemented from that behaviour, the data is the library's
// own metadata.
#include "numbers/fast_phone.h"

#include <phonenumbers/phonemetadata.pb.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/once.h"
#include "numbers/digit_pattern.h"

// libphonenumber exports its compiled-in metadata (the serialized
// PhoneMetadataCollection) but installs no header declaring it.
namespace i18n::phonenumbers {
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace smslint::internal {
namespace {

using ::i18n::phonenumbers::PhoneMetadata;
using ::i18n::phonenumbers::PhoneMetadataCollection;
using ::i18n::phonenumbers::PhoneNumberDesc;

// libphonenumber's limits (PhoneNumberUtil::kMinLengthForNsn, ...).
constexpr size_t kMinLengthForNsn = 2;
constexpr size_t kMaxLengthForNsn = 17;
constexpr size_t kMaxLengthCountryCode = 3;
// Longer input is not a send-path number; libphonenumber decides.
constexpr size_t kMaxDigits = 40;

// The bit of each number description in a region's DFA, in the order
// GetNumberTypeHelper tests them, then leading digits (a prefix match).
enum Bit {
  kGeneral,
  kPremiumRate,
  kTollFree,
  kSharedCost,
  kVoip,
  kPersonalNumber,
  kPager,
  kUan,
  kVoicemail,
  kFixedLine,
  kMobile,
  kDescCount,
  kLeadingDigits = kDescCount,
};

const PhoneNumberDesc& DescFor(const PhoneMetadata& m, int bit) {
  switch (bit) {
    case kGeneral: return m.general_desc();
    case kPremiumRate: return m.premium_rate();
    case kTollFree: return m.toll_free();
    case kSharedCost: return m.shared_cost();
    case kVoip: return m.voip();
    case kPersonalNumber: return m.personal_number();
    case kPager: return m.pager();
    case kUan: return m.uan();
    case kVoicemail: return m.voicemail();
    case kFixedLine: return m.fixed_line();
    default: return m.mobile();
  }
}

// What IsNumberMatchingDesc needs besides the pattern: the desc's own
// possible lengths, when it lists any.
struct DescLengths {
  bool listed = false;
  uint32_t mask = 0;  // bit L: length L is possible
};

// One PhoneMetadata entry, compiled.
struct Meta {
  std::string id;  // "US", or "001" for a non-geographic entity
  int country_code = 0;
  std::string country_code_digits;
  bool ok = true;  // every pattern read at Build compiled

  DigitProgram international_prefix;
  bool has_national_prefix_for_parsing = false;
  DigitProgram national_prefix_for_parsing;
  int national_prefix_groups = 0;
  // national_prefix_transform_rule as literal text and group references.
  struct Piece {
    std::string text;
    int group = 0;  // > 0: the group's text instead
  };
  std::vector<Piece> transform;
  bool has_leading_digits = false;
  bool same_mobile_and_fixed_line_pattern = false;

  // The type and leading-digits patterns, parsed and compiled to a DFA on
  // the region's first number (Dfa()): building all ~250 at start was most
  // of a cold start (issue 15), and a send path meets a handful of regions.
  // Parsing them into NFAs up front still cost ~10 ms a process, so the
  // entry itself is kept (in Data::collection) until then. A pattern that
  // does not parse makes the DFA nullptr, which every caller of Dfa()
  // already reads as "ask libphonenumber".
  struct LazyDfa {
    base::OnceFlag once;
    const PhoneMetadata* source = nullptr;  // owned by Data::collection
    std::unique_ptr<const DigitDfa> dfa;
  };
  std::unique_ptr<LazyDfa> lazy = std::make_unique<LazyDfa>();
  std::array<DescLengths, kDescCount> lengths{};
  // The general desc's possible lengths, as listed (TestNumberLength reads
  // the first and the last entry as minimum and maximum).
  std::vector<int> general_lengths;
  std::vector<int> general_local_only;
};

struct CountryCode {
  std::vector<int> metas;  // regions in libphonenumber's order, main first
  bool ok = false;
};

bool ParseTransform(const std::string& rule, int groups,
                    std::vector<Meta::Piece>* out) {
  // ICU replacement syntax: "$n" is group n, "\" escapes. The metadata only
  // writes digits and "$1"/"$2"; anything else is refused.
  Meta::Piece literal;
  for (size_t i = 0; i < rule.size(); ++i) {
    const char c = rule[i];
    if (c == '$') {
      if (i + 1 >= rule.size() || rule[i + 1] < '1' || rule[i + 1] > '9') {
        return false;
      }
      if (i + 2 < rule.size() && rule[i + 2] >= '0' && rule[i + 2] <= '9') {
        return false;
      }
      const int g = rule[i + 1] - '0';
      if (g > groups) return false;
      if (!literal.text.empty()) out->push_back(std::move(literal));
      literal = {};
      out->push_back({"", g});
      ++i;
    } else if (c >= '0' && c <= '9') {
      literal.text.push_back(c);
    } else {
      return false;
    }
  }
  if (!literal.text.empty()) out->push_back(std::move(literal));
  return true;
}

Meta Compile(const PhoneMetadata& pm) {
  Meta m;
  m.id = pm.id();
  m.country_code = pm.country_code();
  m.country_code_digits = std::to_string(pm.country_code());
  m.same_mobile_and_fixed_line_pattern =
      pm.same_mobile_and_fixed_line_pattern();

  // The empty international prefix of non-geographic entities is never
  // used: they cannot be a default region.
  if (auto p = DigitPattern::Parse(pm.international_prefix())) {
    if (p->group_count() > DigitProgram::kMaxGroups) m.ok = false;
    m.international_prefix = DigitProgram(*p);
  } else {
    m.ok = false;
  }
  const std::string& npfp = pm.national_prefix_for_parsing();
  m.has_national_prefix_for_parsing = !npfp.empty();
  if (m.has_national_prefix_for_parsing) {
    if (auto p = DigitPattern::Parse(npfp);
        p && p->group_count() <= DigitProgram::kMaxGroups) {
      m.national_prefix_for_parsing = DigitProgram(*p);
      m.national_prefix_groups = p->group_count();
    } else {
      m.ok = false;
    }
  }
  if (!pm.national_prefix_transform_rule().empty() &&
      !ParseTransform(pm.national_prefix_transform_rule(),
                      m.national_prefix_groups, &m.transform)) {
    m.ok = false;
  }

  m.lazy->source = &pm;
  for (int bit = 0; bit < kDescCount; ++bit) {
    const PhoneNumberDesc& desc = DescFor(pm, bit);
    DescLengths& l = m.lengths[bit];
    l.listed = desc.possible_length_size() > 0;
    for (const int len : desc.possible_length()) {
      if (len >= 0 && len < 32) l.mask |= 1u << len;
    }
  }
  m.has_leading_digits = pm.has_leading_digits();

  const PhoneNumberDesc& general = pm.general_desc();
  m.general_lengths.assign(general.possible_length().begin(),
                           general.possible_length().end());
  m.general_local_only.assign(general.possible_length_local_only().begin(),
                              general.possible_length_local_only().end());
  // libphonenumber reads possible_length(0) unconditionally.
  if (m.general_lengths.empty()) m.ok = false;
  return m;
}

// The region's DFA, built on first use (thread-safe); nullptr when it
// cannot be built (then the region's numbers go to libphonenumber).
const DigitDfa* Dfa(const Meta& m) {
  Meta::LazyDfa& l = *m.lazy;
  l.once.Call([&l] {
    const PhoneMetadata& pm = *l.source;
    DigitDfa::Builder builder;
    for (int bit = 0; bit < kDescCount; ++bit) {
      const std::string& pattern = DescFor(pm, bit).national_number_pattern();
      // An empty pattern matches nothing (RegexBasedMatcher's rule).
      if (pattern.empty()) continue;
      auto p = DigitPattern::Parse(pattern);
      if (!p || !builder.Add(*p, bit)) return;  // dfa stays nullptr
    }
    if (pm.has_leading_digits()) {
      auto p = DigitPattern::Parse(pm.leading_digits());
      if (!p || !builder.Add(*p, kLeadingDigits)) return;
    }
    l.dfa = builder.Build();
  });
  return l.dfa.get();
}

bool Digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

struct FastPhone::Data {
  // The parsed metadata, kept for the patterns each region compiles on its
  // first number (Meta::LazyDfa::source points into it).
  PhoneMetadataCollection collection;
  std::vector<Meta> metas;
  // Geographic regions by their two letters ("US" -> index), -1 if none.
  std::array<int16_t, 26 * 26> region_index;
  bool odd_region_ids = false;  // a region id that is not two capitals
  std::array<CountryCode, 1000> country_codes;
  int unsupported = 0;

  const Meta* Region(std::string_view region) const {
    if (region.size() != 2 || region[0] < 'A' || region[0] > 'Z' ||
        region[1] < 'A' || region[1] > 'Z') {
      return nullptr;
    }
    const int i = region_index[(region[0] - 'A') * 26 + (region[1] - 'A')];
    return i < 0 ? nullptr : &metas[i];
  }

  const Meta& Main(int country_code) const {
    return metas[country_codes[country_code].metas.front()];
  }

  // GetNumberTypeHelper over one DFA scan.
  static NumberType TypeOf(const Meta& m, size_t length, uint32_t full) {
    auto matches = [&](int bit) {
      if (((full >> bit) & 1) == 0) return false;
      const DescLengths& l = m.lengths[bit];
      return !l.listed || (length < 32 && ((l.mask >> length) & 1) != 0);
    };
    if (!matches(kGeneral)) return NumberType::kUnknown;
    if (matches(kPremiumRate)) return NumberType::kPremiumRate;
    if (matches(kTollFree)) return NumberType::kTollFree;
    if (matches(kSharedCost)) return NumberType::kSharedCost;
    if (matches(kVoip)) return NumberType::kVoip;
    if (matches(kPersonalNumber)) return NumberType::kPersonalNumber;
    if (matches(kPager)) return NumberType::kPager;
    if (matches(kUan)) return NumberType::kUan;
    if (matches(kVoicemail)) return NumberType::kVoicemail;
    if (matches(kFixedLine)) {
      if (m.same_mobile_and_fixed_line_pattern || matches(kMobile)) {
        return NumberType::kFixedLineOrMobile;
      }
      return NumberType::kFixedLine;
    }
    if (!m.same_mobile_and_fixed_line_pattern && matches(kMobile)) {
      return NumberType::kMobile;
    }
    return NumberType::kUnknown;
  }

  // IsMatch(general_desc): the pattern alone, no length test.
  static bool GeneralMatch(const Meta& m, std::string_view digits) {
    return (Dfa(m)->Scan(digits).full >> kGeneral) & 1;
  }

  // TestNumberLength for the general desc (type UNKNOWN).
  static Possibility TestLength(const Meta& m, size_t length) {
    const std::vector<int>& lengths = m.general_lengths;
    const int len = static_cast<int>(length);
    if (lengths[0] == -1) return Possibility::kInvalidLength;
    if (std::find(m.general_local_only.begin(), m.general_local_only.end(),
                  len) != m.general_local_only.end()) {
      return Possibility::kLocalOnly;
    }
    if (lengths[0] == len) return Possibility::kPossible;
    if (lengths[0] > len) return Possibility::kTooShort;
    if (lengths.back() < len) return Possibility::kTooLong;
    return std::find(lengths.begin() + 1, lengths.end(), len) != lengths.end()
               ? Possibility::kPossible
               : Possibility::kInvalidLength;
  }

  // MaybeStripNationalPrefixAndCarrierCode: the number after the national
  // prefix (and carrier code) is removed or transformed, or `number` itself.
  // A transformed number is kept in *storage.
  static std::string_view StripNationalPrefix(const Meta& m,
                                              std::string_view number,
                                              std::string* storage) {
    if (number.empty() || !m.has_national_prefix_for_parsing) return number;
    DigitProgram::Match match;
    if (!m.national_prefix_for_parsing.LookingAt(number, &match)) {
      return number;
    }
    const bool viable = GeneralMatch(m, number);
    // With a transform rule, the prefix's last of its first two groups
    // (Consume with two outputs needs two groups, else one) is what stays.
    if (!m.transform.empty() && m.national_prefix_groups >= 1) {
      const std::string_view captured =
          match.Group(number, m.national_prefix_groups >= 2 ? 2 : 1);
      if (!captured.empty()) {
        storage->clear();
        for (const Meta::Piece& piece : m.transform) {
          if (piece.group > 0) {
            storage->append(match.Group(number, piece.group));
          } else {
            storage->append(piece.text);
          }
        }
        storage->append(number.substr(match.end));
        if (viable && !GeneralMatch(m, *storage)) return number;
        return *storage;
      }
    }
    const std::string_view stripped = number.substr(match.end);
    if (viable && !GeneralMatch(m, stripped)) return number;
    return stripped;
  }

  // ExtractCountryCode: 0 when no known code starts `digits`.
  int ExtractCountryCode(std::string_view digits,
                         std::string_view* rest) const {
    if (digits.empty() || digits[0] == '0') return 0;
    int code = 0;
    for (size_t i = 1; i <= kMaxLengthCountryCode && i <= digits.size(); ++i) {
      code = code * 10 + (digits[i - 1] - '0');
      if (!country_codes[code].metas.empty()) {
        *rest = digits.substr(i);
        return code;
      }
    }
    return 0;
  }
};

FastPhone::FastPhone() : d_(std::make_unique<Data>()) {}
FastPhone::~FastPhone() = default;

std::unique_ptr<const FastPhone> FastPhone::Build() {
  return Build(::i18n::phonenumbers::metadata_get(),
               ::i18n::phonenumbers::metadata_size());
}

std::unique_ptr<const FastPhone> FastPhone::Build(const void* data,
                                                  int size) {
  auto fast = std::unique_ptr<FastPhone>(new FastPhone());
  Data& d = *fast->d_;
  const PhoneMetadataCollection& collection = d.collection;
  if (data == nullptr || !d.collection.ParseFromArray(data, size)) {
    return nullptr;
  }
  d.region_index.fill(-1);
  std::map<int, int> non_geographic;  // country code -> meta
  std::map<std::string, int> odd_regions;
  // The country code -> regions lists, built as PhoneNumberUtil's
  // constructor does: in metadata order, a main country pushed to the front.
  std::array<std::vector<std::string>, 1000> lists;
  for (const PhoneMetadata& pm : collection.metadata()) {
    if (pm.id() == "ZZ") continue;
    const int cc = pm.country_code();
    if (cc <= 0 || cc >= 1000) {
      ++d.unsupported;
      continue;
    }
    const int index = static_cast<int>(d.metas.size());
    d.metas.push_back(Compile(pm));
    const Meta& m = d.metas.back();
    if (!m.ok) ++d.unsupported;
    if (pm.id() == "001") {
      non_geographic.emplace(cc, index);  // the first one wins, as there
    } else if (pm.id().size() == 2 && pm.id()[0] >= 'A' &&
               pm.id()[0] <= 'Z' && pm.id()[1] >= 'A' && pm.id()[1] <= 'Z') {
      int16_t& slot =
          d.region_index[(pm.id()[0] - 'A') * 26 + (pm.id()[1] - 'A')];
      if (slot < 0) slot = static_cast<int16_t>(index);
    } else {
      d.odd_region_ids = true;
      odd_regions.emplace(pm.id(), index);
    }
    std::vector<std::string>& list = lists[cc];
    if (!list.empty() && pm.main_country_for_code()) {
      list.insert(list.begin(), pm.id());
    } else {
      list.push_back(pm.id());
    }
  }
  // Each listed region reads the metadata libphonenumber's look-ups
  // return: the first entry of that id (GetMetadataForRegionOrCallingCode).
  for (int cc = 1; cc < 1000; ++cc) {
    CountryCode& c = d.country_codes[cc];
    c.ok = !d.odd_region_ids;
    for (const std::string& id : lists[cc]) {
      int index = -1;
      if (id == "001") {
        index = non_geographic.at(cc);
        // A code shared by "001" and a region breaks libphonenumber's own
        // region look-up; leave such a code to it.
        if (lists[cc].size() > 1) c.ok = false;
      } else if (const Meta* m = d.Region(id)) {
        index = static_cast<int>(m - d.metas.data());
      } else {
        index = odd_regions.at(id);
      }
      c.metas.push_back(index);
      if (!d.metas[index].ok) c.ok = false;
    }
  }
  return fast;
}

std::optional<bool> FastPhone::HasRegion(std::string_view region) const {
  if (d_->odd_region_ids || region.size() != 2 || region[0] < 'A' ||
      region[0] > 'Z' || region[1] < 'A' || region[1] > 'Z') {
    return std::nullopt;
  }
  return d_->Region(region) != nullptr;
}

int FastPhone::unsupported_metadata() const {
  int n = d_->unsupported;
  for (const Meta& m : d_->metas) {
    if (m.ok && Dfa(m) == nullptr) ++n;
  }
  return n;
}

size_t FastPhone::dfa_states() const {
  size_t n = 0;
  for (const Meta& m : d_->metas) {
    if (const DigitDfa* dfa = Dfa(m)) n += dfa->state_count();
  }
  return n;
}

bool FastPhone::Analyze(std::string_view input, std::string_view region,
                        PhoneFacts* facts) const {
  const Data& d = *d_;
  PhoneFacts& f = *facts;
  f = PhoneFacts();

  // The characters in scope, and what ExtractPossibleNumber keeps: from the
  // first '+' or digit to the last digit (separators at either end go).
  char buffer[kMaxDigits];
  size_t n = 0;
  bool plus = false;
  bool out_of_scope = false;  // another ASCII character, or a late '+'
  size_t first = std::string_view::npos;
  size_t last = 0;
  for (size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (Digit(c)) {
      if (n == kMaxDigits) return false;
      buffer[n++] = c;
      if (first == std::string_view::npos) first = i;
      last = i;
    } else if (c == '+') {
      if (plus || n > 0) out_of_scope = true;
      plus = true;
      if (first == std::string_view::npos) first = i;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return false;  // maybe a full-width or Arabic-Indic digit
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      out_of_scope = true;
    }
  }
  // ASCII without a digit ("", "Acme", "n/a") is never viable: every
  // reading libphonenumber tries needs two digits.
  if (n == 0) {
    f.parse = ParseStatus::kNotANumber;
    return true;
  }
  if (out_of_scope) return false;
  // IsViablePhoneNumber: two digits alone, or at least three digits among
  // punctuation after optional plus signs.
  if (!(n >= 3 || (n == 2 && !plus && last == first + 1))) {
    f.parse = ParseStatus::kNotANumber;
    return true;
  }
  const Meta* def = d.Region(region);
  if (def == nullptr && d.odd_region_ids) return false;
  // CheckRegionForParsing: without a known region, only "+..." parses.
  if (def == nullptr && !plus) {
    f.parse = region.empty() ? ParseStatus::kNoRegion
                             : ParseStatus::kInvalidCountryCode;
    return true;
  }
  if (def != nullptr && (!def->ok || Dfa(*def) == nullptr)) return false;

  const std::string_view digits(buffer, n);
  std::string transformed;  // storage for a transformed national number
  std::string_view national = digits;
  int cc = 0;
  // MaybeExtractCountryCode.
  if (plus) {
    cc = d.ExtractCountryCode(digits, &national);
    if (cc == 0) {
      // With a default region libphonenumber retries the digits after the
      // '+' as a national number; that rare retry is left to it.
      if (def != nullptr) return false;
      f.parse = ParseStatus::kInvalidCountryCode;
      return true;
    }
  } else {
    // ParsePrefixAsIdd: the region's international prefix, unless a 0
    // follows it (country codes never start with 0).
    DigitProgram::Match idd;
    if (def->international_prefix.LookingAt(digits, &idd) &&
        !(idd.end < n && digits[idd.end] == '0')) {
      const std::string_view rest = digits.substr(idd.end);
      if (rest.size() <= kMinLengthForNsn) {
        f.parse = ParseStatus::kTooShortAfterIdd;
        return true;
      }
      cc = d.ExtractCountryCode(rest, &national);
      if (cc == 0) {
        f.parse = ParseStatus::kInvalidCountryCode;
        return true;
      }
    } else if (digits.starts_with(def->country_code_digits)) {
      // The default region's country code without '+': kept off when the
      // number reads better with it (general pattern, or too long).
      const std::string_view potential = Data::StripNationalPrefix(
          *def, digits.substr(def->country_code_digits.size()), &transformed);
      if ((!Data::GeneralMatch(*def, digits) &&
           Data::GeneralMatch(*def, potential)) ||
          Data::TestLength(*def, digits.size()) == Possibility::kTooLong) {
        national = potential;
        cc = def->country_code;
      }
    }
  }
  const Meta* meta = def;
  if (cc != 0) {
    if (!d.country_codes[cc].ok) return false;
    meta = &d.Main(cc);
    if (Dfa(*meta) == nullptr) return false;
  } else {
    cc = def->country_code;
    if (!d.country_codes[cc].ok) return false;
  }
  if (national.size() < kMinLengthForNsn) {
    f.parse = ParseStatus::kTooShort;
    return true;
  }
  // The national prefix goes only if what remains has a possible length.
  std::string stripped_storage;
  const std::string_view stripped =
      Data::StripNationalPrefix(*meta, national, &stripped_storage);
  if (stripped.data() != national.data() ||
      stripped.size() != national.size()) {
    const Possibility p = Data::TestLength(*meta, stripped.size());
    if (p == Possibility::kPossible || p == Possibility::kTooLong) {
      national = stripped;
    }
  }
  if (national.size() < kMinLengthForNsn) {
    f.parse = ParseStatus::kTooShort;
    return true;
  }
  if (national.size() > kMaxLengthForNsn) {
    f.parse = ParseStatus::kTooLong;
    return true;
  }

  // The PhoneNumber is (cc, national): its national significant number is
  // `national` itself, leading zeros included.
  f.parse = ParseStatus::kOk;
  f.country_code = cc;
  f.e164.reserve(1 + 3 + national.size());
  f.e164.push_back('+');
  f.e164.append(d.Main(cc).country_code_digits);
  f.e164.append(national);

  // GetRegionCodeForNumber (and FromRegionList): leading digits, else the
  // first region whose patterns give the number a type.
  const CountryCode& code = d.country_codes[cc];
  const Meta* number_region = nullptr;
  uint32_t full = 0;
  if (code.metas.size() == 1) {
    number_region = &d.metas[code.metas[0]];
    full = Dfa(*number_region)->Scan(national).full;
  } else {
    for (const int i : code.metas) {
      const Meta& r = d.metas[i];
      const DigitDfa* dfa = Dfa(r);
      if (dfa == nullptr) return false;
      const DigitDfa::Result s = dfa->Scan(national);
      if (r.has_leading_digits
              ? ((s.prefix >> kLeadingDigits) & 1) != 0
              : Data::TypeOf(r, national.size(), s.full) !=
                    NumberType::kUnknown) {
        number_region = &r;
        full = s.full;
        break;
      }
    }
  }
  // IsPossibleNumberWithReason: the main region's lengths.
  f.possibility = Data::TestLength(d.Main(cc), national.size());
  if (number_region != nullptr) {
    f.region = number_region->id;
    // IsValidNumber and GetNumberType, in the number's region.
    const NumberType type =
        Data::TypeOf(*number_region, national.size(), full);
    f.valid = type != NumberType::kUnknown;
    if (f.valid) f.type = type;
  }
  return true;
}

}  // namespace smslint::internal
