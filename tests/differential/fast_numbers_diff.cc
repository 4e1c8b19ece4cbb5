// Differential test of the fast number path (src/numbers/fast_phone.h)
// against libphonenumber itself: both read every generated number, and every
// number the fast path handles must get the same PhoneFacts (parse status,
// E.164 form, region, country code, extension, possibility, validity,
// type). Numbers it does not handle go to libphonenumber in production, so
// they are counted, not compared.
//
//   fast_numbers_diff [--count N] [--seed S] [--show K]
//
// The numbers (fixed seed), by category:
//   example   every region's and non-geographic entity's example number of
//             every type, in E.164, international, national (with its
//             region), out-of-country (IDD, dialled from another region),
//             national with a carrier code, and RFC 3966 form;
//   random    "+" and a country code, then random digits of every length
//             0-18, for every country code (also with a default region);
//   perturb   example numbers with the last 1-4 digits replaced, a digit
//             inserted, deleted or doubled, a 0 or the country code put in
//             front, in E.164 and national format;
//   national  national significant numbers, with and without the national
//             prefix, the country code without '+', or an IDD, read with
//             the number's region or another one;
//   junk      random strings of digits, separators, '+', letters and other
//             characters, with a random, empty or unknown region.
// Exit status: 0 when all agree, 1 on any mismatch.
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "numbers/phone_util.h"
#include "smslint/numbers.h"

namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;
using ::smslint::internal::PhoneFacts;
using ::smslint::internal::PhoneUtil;

struct Case {
  std::string input;
  std::string region;
};

struct Tally {
  size_t total = 0;
  size_t handled = 0;
  size_t mismatches = 0;
};

std::string Describe(const PhoneFacts& f) {
  char buf[256];
  std::snprintf(buf, sizeof(buf),
                "parse=%d e164=%s region=%s cc=%d ext=%d possibility=%d "
                "valid=%d type=%s",
                static_cast<int>(f.parse), f.e164.c_str(), f.region.c_str(),
                f.country_code, f.has_extension ? 1 : 0,
                static_cast<int>(f.possibility), f.valid ? 1 : 0,
                std::string(smslint::NumberTypeName(f.type)).c_str());
  return buf;
}

bool Same(const PhoneFacts& a, const PhoneFacts& b) {
  return a.parse == b.parse && a.e164 == b.e164 && a.region == b.region &&
         a.country_code == b.country_code &&
         a.has_extension == b.has_extension &&
         a.possibility == b.possibility && a.valid == b.valid &&
         a.type == b.type;
}

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {
    util_.GetSupportedRegions(&regions_set_);
    regions_.assign(regions_set_.begin(), regions_set_.end());
    std::set<int> codes;
    util_.GetSupportedCallingCodes(&codes);
    codes_.assign(codes.begin(), codes.end());
    std::set<int> non_geo;
    util_.GetSupportedGlobalNetworkCallingCodes(&non_geo);
    for (const std::string& region : regions_) {
      std::set<PhoneNumberUtil::PhoneNumberType> types;
      util_.GetSupportedTypesForRegion(region, &types);
      for (const auto type : types) {
        PhoneNumber n;
        if (util_.GetExampleNumberForType(region, type, &n)) {
          seeds_.push_back({n, region});
        }
      }
    }
    // Non-geographic entities: libphonenumber offers one example each.
    for (const int code : non_geo) {
      PhoneNumber n;
      if (util_.GetExampleNumberForNonGeoEntity(code, &n)) {
        seeds_.push_back({n, "001"});
      }
    }
  }

  size_t seed_count() const { return seeds_.size(); }

  // Every seed in every format, once.
  void Examples(std::vector<Case>* out) {
    for (const Seed& s : seeds_) {
      const std::string region = s.region == "001" ? "" : s.region;
      std::string e164, intl, national, rfc;
      util_.Format(s.number, PhoneNumberUtil::E164, &e164);
      util_.Format(s.number, PhoneNumberUtil::INTERNATIONAL, &intl);
      util_.Format(s.number, PhoneNumberUtil::NATIONAL, &national);
      util_.Format(s.number, PhoneNumberUtil::RFC3966, &rfc);
      out->push_back({e164, ""});
      out->push_back({e164, region});
      out->push_back({intl, ""});
      out->push_back({intl, RandomRegion()});
      out->push_back({rfc, ""});
      if (!region.empty()) {
        out->push_back({national, region});
        std::string with_carrier;
        util_.FormatNationalNumberWithCarrierCode(s.number, "15",
                                                  &with_carrier);
        out->push_back({with_carrier, region});
        for (int i = 0; i < 3; ++i) {
          const std::string from = RandomRegion();
          std::string dialled;
          util_.FormatOutOfCountryCallingNumber(s.number, from, &dialled);
          out->push_back({dialled, from});
        }
        std::string mobile;
        util_.FormatNumberForMobileDialing(s.number, region, true, &mobile);
        if (!mobile.empty()) out->push_back({mobile, region});
      }
    }
  }

  Case Random() {
    const int code = codes_[rng_() % codes_.size()];
    std::string s = "+" + std::to_string(code) + Digits(rng_() % 19);
    const unsigned r = rng_() % 4;
    return {r == 0 ? Separate(s) : s, r == 1 ? RandomRegion() : ""};
  }

  Case Perturb() {
    const Seed& seed = seeds_[rng_() % seeds_.size()];
    PhoneNumber n = seed.number;
    std::string nsn;
    util_.GetNationalSignificantNumber(n, &nsn);
    switch (rng_() % 8) {
      case 0:
      case 1:
      case 2: {  // replace the last 1-4 digits
        const size_t k = std::min<size_t>(nsn.size(), 1 + rng_() % 4);
        for (size_t i = nsn.size() - k; i < nsn.size(); ++i) {
          nsn[i] = RandomDigit();
        }
        break;
      }
      case 3:
        nsn.insert(nsn.begin() + rng_() % (nsn.size() + 1), RandomDigit());
        break;
      case 4:
        if (nsn.size() > 1) nsn.erase(nsn.begin() + rng_() % nsn.size());
        break;
      case 5:
        nsn = "0" + nsn;
        break;
      case 6:
        nsn = std::to_string(n.country_code()) + nsn;
        break;
      case 7: {
        const size_t i = rng_() % nsn.size();
        nsn.insert(nsn.begin() + i, nsn[i]);
        break;
      }
    }
    const std::string region = seed.region == "001" ? "" : seed.region;
    const std::string e164 = "+" + std::to_string(n.country_code()) + nsn;
    switch (rng_() % 4) {
      case 0:
        return {e164, ""};
      case 1:
        return {Separate(e164), rng_() % 2 ? region : ""};
      default: {
        // National format of the perturbed number, when it still parses.
        PhoneNumber p;
        if (region.empty() ||
            util_.Parse(e164, "ZZ", &p) != PhoneNumberUtil::NO_PARSING_ERROR) {
          return {e164, region};
        }
        std::string national;
        util_.Format(p, PhoneNumberUtil::NATIONAL, &national);
        return {national, region};
      }
    }
  }

  Case National() {
    const Seed& seed = seeds_[rng_() % seeds_.size()];
    std::string nsn;
    util_.GetNationalSignificantNumber(seed.number, &nsn);
    if (rng_() % 2) {
      const size_t k = std::min<size_t>(nsn.size(), 1 + rng_() % 3);
      for (size_t i = nsn.size() - k; i < nsn.size(); ++i) nsn[i] = RandomDigit();
    }
    std::string region = seed.region == "001" ? RandomRegion() : seed.region;
    std::string prefix;
    util_.GetNddPrefixForRegion(region, true, &prefix);
    const std::string cc = std::to_string(seed.number.country_code());
    std::string s;
    switch (rng_() % 8) {
      case 0: s = nsn; break;
      case 1: s = prefix + nsn; break;
      case 2: s = cc + nsn; break;
      case 3: s = cc + prefix + nsn; break;
      case 4: s = "00" + cc + nsn; break;
      case 5: s = "011" + cc + nsn; break;
      case 6: s = "0" + nsn; break;
      case 7: s = Digits(rng_() % 14 + 1); break;
    }
    if (rng_() % 5 == 0) region = RandomRegion();
    return {rng_() % 3 == 0 ? Separate(s) : s, region};
  }

  Case Junk() {
    static const char* const kPieces[] = {
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", " ", "-",
        ".", "(", ")",  // the first 16: the fast path's alphabet
        "/", "x", "ext", "#", "*", ",", ";", "a", "Z",
        "\t", "\xEF\xBC\x8B", "\xD9\xA3", "\xEF\xBC\x91", "tel:", "00",
        "+1", "+44", "555", "\xC2\xA0"};
    // Half from the fast path's own alphabet (digits, separators, '+'
    // anywhere), half from everything above; mostly digits, so that junk
    // often still parses.
    const size_t pieces =
        rng_() % 2 ? 16 : sizeof(kPieces) / sizeof(*kPieces);
    std::string s;
    const size_t len = rng_() % 22;
    for (size_t i = 0; i < len; ++i) {
      s += rng_() % 2 ? std::string(1, RandomDigit())
                      : kPieces[rng_() % pieces];
    }
    static const char* const kOdd[] = {"", "ZZ", "001", "us", "XX", "U"};
    const unsigned r = rng_() % 4;
    return {s, r == 0 ? kOdd[rng_() % 6] : r == 1 ? "" : RandomRegion()};
  }

 private:
  struct Seed {
    PhoneNumber number;
    std::string region;  // "001" for non-geographic
  };

  char RandomDigit() { return static_cast<char>('0' + rng_() % 10); }
  std::string Digits(size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s.push_back(RandomDigit());
    return s;
  }
  const std::string& RandomRegion() { return regions_[rng_() % regions_.size()]; }
  // Spaces, dashes, dots and parentheses between random digits.
  std::string Separate(const std::string& s) {
    static const char* const kSeps[] = {" ", "-", ".", " (", ") ", "  "};
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      out.push_back(s[i]);
      if (i + 1 < s.size() && rng_() % 4 == 0) out += kSeps[rng_() % 6];
    }
    return out;
  }

  const PhoneNumberUtil& util_ = *PhoneNumberUtil::GetInstance();
  std::mt19937_64 rng_;
  std::set<std::string> regions_set_;
  std::vector<std::string> regions_;
  std::vector<int> codes_;
  std::vector<Seed> seeds_;
};

}  // namespace

int main(int argc, char** argv) {
  size_t count = 1000000;
  uint64_t seed = 20261126;
  size_t show = 30;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--count") == 0) {
      count = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (std::strcmp(argv[i], "--seed") == 0) {
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    } else if (std::strcmp(argv[i], "--show") == 0) {
      show = std::strtoull(argv[i + 1], nullptr, 10);
    } else {
      std::fprintf(stderr, "usage: %s [--count N] [--seed S] [--show K]\n",
                   argv[0]);
      return 2;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const PhoneUtil& phones = PhoneUtil::Get();
  Generator gen(seed);

  std::map<std::string, std::vector<Case>> sets;
  gen.Examples(&sets["example"]);
  // The rest of `count` in fixed shares.
  const size_t rest =
      count > sets["example"].size() ? count - sets["example"].size() : 0;
  const struct {
    const char* name;
    double share;
    Case (Generator::*make)();
  } kKinds[] = {{"random", 0.25, &Generator::Random},
                {"perturb", 0.35, &Generator::Perturb},
                {"national", 0.25, &Generator::National},
                {"junk", 0.15, &Generator::Junk}};
  size_t made = 0;
  for (const auto& k : kKinds) {
    std::vector<Case>& v = sets[k.name];
    // The last kind takes the rounding, so the total is `count`.
    const size_t n = &k == &kKinds[std::size(kKinds) - 1]
                         ? rest - made
                         : static_cast<size_t>(rest * k.share);
    made += n;
    v.reserve(n);
    for (size_t i = 0; i < n; ++i) v.push_back((gen.*k.make)());
  }

  std::map<std::string, Tally> tallies;
  Tally all;
  size_t shown = 0;
  for (const auto& [name, cases] : sets) {
    Tally& t = tallies[name];
    for (const Case& c : cases) {
      ++t.total;
      PhoneFacts fast;
      if (!phones.AnalyzeFast(c.input, c.region, &fast)) continue;
      ++t.handled;
      const PhoneFacts slow =
          phones.AnalyzeWithLibphonenumber(c.input, c.region);
      if (Same(fast, slow)) continue;
      ++t.mismatches;
      if (shown++ < show) {
        std::printf("MISMATCH [%s] input=\"%s\" region=\"%s\"\n  lib:  %s\n"
                    "  fast: %s\n",
                    name.c_str(), c.input.c_str(), c.region.c_str(),
                    Describe(slow).c_str(), Describe(fast).c_str());
      }
    }
    all.total += t.total;
    all.handled += t.handled;
    all.mismatches += t.mismatches;
  }
  const double seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - start)
                             .count();
  std::printf("seed %llu, %zu example seeds, %.1f s\n",
              static_cast<unsigned long long>(seed), gen.seed_count(),
              seconds);
  std::printf("%-10s %10s %10s %8s %10s\n", "category", "numbers",
              "fast path", "share", "mismatches");
  for (const auto& [name, t] : tallies) {
    std::printf("%-10s %10zu %10zu %7.1f%% %10zu\n", name.c_str(), t.total,
                t.handled, 100.0 * t.handled / std::max<size_t>(1, t.total),
                t.mismatches);
  }
  std::printf("%-10s %10zu %10zu %7.1f%% %10zu\n", "all", all.total,
              all.handled, 100.0 * all.handled / std::max<size_t>(1, all.total),
              all.mismatches);
  return all.mismatches == 0 ? 0 : 1;
}
