// Phone numbers written in the body, classified by libphonenumber for the
// reader's region (docs/content.md): premium-rate numbers
// (content/premium-rate-number) and shared-cost, personal and universal
// access numbers (content/non-geographic-number). Candidates are found by a
// byte scan; libphonenumber (through src/numbers, its one door) only sees
// the few digit runs long enough to be a number.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "content/content_checks.h"
#include "numbers/phone_util.h"

namespace smslint::internal {
namespace {

struct Candidate {
  size_t begin, end;  // body bytes, as written
  std::string digits; // with a leading '+' when written
};

// Byte classes, one table load per byte: the pre-scan runs over every body.
enum : uint8_t { kOther = 0, kDigit = 1, kSeparator = 2 };
constexpr std::array<uint8_t, 256> ByteClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  for (char c : {' ', '-', '.', '(', ')'}) t[static_cast<unsigned char>(c)] = kSeparator;
  return t;
}
constexpr std::array<uint8_t, 256> kClass = ByteClasses();
bool IsDigit(char ch) { return kClass[static_cast<unsigned char>(ch)] == kDigit; }
bool IsSeparator(char ch) { return kClass[static_cast<unsigned char>(ch)] == kSeparator; }

constexpr size_t kMinDigits = 8;   // shorter runs are codes, short codes, prices
constexpr size_t kMaxDigits = 15;  // E.164's limit
constexpr size_t kMaxCandidates = 8;

// Digit runs with single separators between groups, not inside a longer
// run of digits; a '+' right before counts.
std::vector<Candidate> FindCandidates(std::string_view body) {
  std::vector<Candidate> out;
  size_t i = 0;
  while (i < body.size() && out.size() < kMaxCandidates) {
    if (!IsDigit(body[i]) || (i > 0 && IsDigit(body[i - 1]))) {
      ++i;
      continue;
    }
    Candidate c{i, i, {}};
    if (i > 0 && body[i - 1] == '+') {
      c.begin = i - 1;
      c.digits.push_back('+');
    }
    size_t j = i, ndigits = 0;
    while (j < body.size()) {
      if (IsDigit(body[j])) {
        c.digits.push_back(body[j]);
        ++ndigits;
        c.end = ++j;
      } else if (IsSeparator(body[j]) && j + 1 < body.size() &&
                 (IsDigit(body[j + 1]) ||
                  (IsSeparator(body[j + 1]) && body[j + 1] != body[j] && j + 2 < body.size() &&
                   IsDigit(body[j + 2])))) {
        j += IsDigit(body[j + 1]) ? 1 : 2;  // "0871-872", "(0) 20", ") 555"
      } else {
        break;
      }
    }
    if (ndigits >= kMinDigits && ndigits <= kMaxDigits) out.push_back(std::move(c));
    i = j > i ? j : i + 1;
  }
  return out;
}

std::string_view TypeName(NumberType t) {
  switch (t) {
    case NumberType::kSharedCost: return "shared-cost";
    case NumberType::kPersonalNumber: return "personal";
    case NumberType::kUan: return "universal access";
    default: return "";
  }
}

}  // namespace

void CheckBodyNumberRules(const ContentContext& c) {
  // Cheap reject: most bodies have no run of 8 digits (separators allowed).
  size_t run = 0;
  bool long_run = false;
  for (char ch : c.body) {
    const uint8_t k = kClass[static_cast<unsigned char>(ch)];
    if (k == kDigit) {
      if (++run >= kMinDigits) {
        long_run = true;
        break;
      }
    } else if (k == kOther) {
      run = 0;
    }
  }
  if (!long_run) return;
  const std::vector<Candidate> candidates = FindCandidates(c.body);
  if (candidates.empty()) return;
  const PhoneUtil& util = PhoneUtil::Get();
  // The reader's region: the recipient's, else the configured one.
  std::string region(c.message.region.empty() ? c.default_region : c.message.region);
  if (!c.message.to.empty()) {
    const PhoneFacts to = util.Analyze(c.message.to, region, c.fast_numbers);
    if (to.parse == ParseStatus::kOk && to.region.size() == 2) region = to.region;
  }
  bool premium = false, non_geographic = false;
  for (const Candidate& cand : candidates) {
    if (premium && non_geographic) break;
    const PhoneFacts f = util.Analyze(cand.digits, region, c.fast_numbers);
    if (f.parse != ParseStatus::kOk || !f.valid) continue;
    const std::string number(c.body.substr(cand.begin, cand.end - cand.begin));
    const std::string where = f.region.size() == 2 ? f.region : region;
    if (f.type == NumberType::kPremiumRate && !premium) {
      premium = true;
      c.emit(rule::kContentPremiumRateNumber, "body", c.BodySpan(cand.begin, cand.end),
             {{"number", number}, {"region", where}});
    } else if (!TypeName(f.type).empty() && !non_geographic) {
      non_geographic = true;
      c.emit(rule::kContentNonGeographicNumber, "body", c.BodySpan(cand.begin, cand.end),
             {{"number", number}, {"type", std::string(TypeName(f.type))}, {"region", where}});
    }
  }
}

}  // namespace smslint::internal
