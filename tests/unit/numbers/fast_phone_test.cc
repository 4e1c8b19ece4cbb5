// The fast number path: the digit-pattern engine (ICU's priorities and
// groups), its scope, and its answers against libphonenumber on chosen
// inputs. tests/differential/fast_numbers_diff.cc compares it with
// libphonenumber on generated numbers by the hundred thousand.
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <phonenumbers/phonenumberutil.h>

#include "numbers/digit_pattern.h"
#include "numbers/fast_phone.h"
#include "numbers/phone_util.h"
#include "smslint/linter.h"
#include "smslint/numbers.h"
#include "smslint/report.h"

namespace smslint::internal {
namespace {

// --- DigitPattern / DigitProgram -------------------------------------------

TEST(DigitPatternTest, ParsesTheMetadataSubset) {
  for (const char* p : {"", "0", "\\d{7}", "[2-9]\\d{2}", "(?:0|90)(1\\d)?",
                        "1|([457]\\d{6})$", "[0-24-8]\\d{5}", "8{2,3}",
                        "[\\d]", "(|1)"}) {
    EXPECT_NE(DigitPattern::Parse(p), nullptr) << p;
  }
}

TEST(DigitPatternTest, RefusesEverythingElse) {
  for (const char* p : {"a", "\\s", ".", "1*", "1+", "1??", "1{2}?", "[^1]",
                        "(?=1)", "^1", "(1", "1)", "[1", "[a-z]", "1{3,2}",
                        "1{99}", "$?", "\\D"}) {
    EXPECT_EQ(DigitPattern::Parse(p), nullptr) << p;
  }
}

DigitProgram Program(const char* pattern) {
  auto p = DigitPattern::Parse(pattern);
  EXPECT_NE(p, nullptr) << pattern;
  return DigitProgram(*p);
}

TEST(DigitProgramTest, AlternativesInOrderNotLongest) {
  DigitProgram::Match m;
  ASSERT_TRUE(Program("0|00").LookingAt("0012", &m));
  EXPECT_EQ(m.end, 1u);
  ASSERT_TRUE(Program("00|0").LookingAt("0012", &m));
  EXPECT_EQ(m.end, 2u);
  // The first alternative is given up when the rest cannot follow.
  ASSERT_TRUE(Program("(?:0|01)2").LookingAt("0123", &m));
  EXPECT_EQ(m.end, 3u);
}

TEST(DigitProgramTest, GreedyOptionalAndGroups) {
  DigitProgram::Match m;
  const DigitProgram bo = Program("0(1\\d)?");  // Bolivia's national prefix
  ASSERT_TRUE(bo.LookingAt("0123", &m));
  EXPECT_EQ(m.end, 3u);
  EXPECT_EQ(m.Group("0123", 1), "12");
  ASSERT_TRUE(bo.LookingAt("02", &m));
  EXPECT_EQ(m.end, 1u);
  EXPECT_EQ(m.group_begin[1], -1);  // did not take part
  EXPECT_EQ(m.Group("02", 1), "");
  EXPECT_FALSE(bo.LookingAt("12", &m));
}

TEST(DigitProgramTest, EndAnchorAndTransformGroups) {
  // Antigua: a 7-digit local number takes the area code back.
  const DigitProgram ag = Program("1|([457]\\d{6})$");
  DigitProgram::Match m;
  ASSERT_TRUE(ag.LookingAt("4641234", &m));
  EXPECT_EQ(m.end, 7u);
  EXPECT_EQ(m.Group("4641234", 1), "4641234");
  ASSERT_TRUE(ag.LookingAt("14641234", &m));
  EXPECT_EQ(m.end, 1u);
  EXPECT_EQ(m.Group("14641234", 1), "");
  EXPECT_FALSE(ag.LookingAt("46412345", &m));  // $ is the end of the input
  // Brazil: carrier code in group 1, the number in group 2.
  const DigitProgram br =
      Program("(?:0|90)(?:(1[245]|2[1-35]|31|4[13]|[56]5|99)(\\d{10,11}))?");
  const std::string in = "0151199998888";
  ASSERT_TRUE(br.LookingAt(in, &m));
  EXPECT_EQ(m.Group(in, 1), "15");
  EXPECT_EQ(m.Group(in, 2), "1199998888");
  EXPECT_EQ(m.end, in.size());
}

TEST(DigitProgramTest, CountedRepetitionBacksOff) {
  DigitProgram::Match m;
  ASSERT_TRUE(Program("(\\d{2,4})5").LookingAt("123456", &m));
  EXPECT_EQ(m.end, 5u);
  EXPECT_EQ(m.Group("123456", 1), "1234");
}

// --- DigitDfa ----------------------------------------------------------------

TEST(DigitDfaTest, FullAndPrefixMatchesPerPattern) {
  DigitDfa::Builder b;
  ASSERT_TRUE(b.Add(*DigitPattern::Parse("[2-9]\\d{9}"), 0));
  ASSERT_TRUE(b.Add(*DigitPattern::Parse("8(?:00|88)\\d{7}"), 1));
  ASSERT_TRUE(b.Add(*DigitPattern::Parse("268"), 2));
  EXPECT_FALSE(b.Add(*DigitPattern::Parse("1$"), 3));
  const auto dfa = b.Build();
  ASSERT_NE(dfa, nullptr);
  EXPECT_EQ(dfa->Scan("8005550123").full, 0b011u);
  EXPECT_EQ(dfa->Scan("2684641234").full, 0b001u);
  EXPECT_EQ(dfa->Scan("2684641234").prefix & 0b100u, 0b100u);
  EXPECT_EQ(dfa->Scan("26").prefix & 0b100u, 0u);
  EXPECT_EQ(dfa->Scan("1234567890").full, 0u);
  EXPECT_EQ(dfa->Scan("").full, 0u);
}

// --- FastPhone against libphonenumber ----------------------------------------

const PhoneUtil& Phones() { return PhoneUtil::Get(); }

std::string Describe(const PhoneFacts& f) {
  return "parse=" + std::to_string(static_cast<int>(f.parse)) +
         " e164=" + f.e164 + " region=" + f.region +
         " cc=" + std::to_string(f.country_code) +
         " possibility=" + std::to_string(static_cast<int>(f.possibility)) +
         " valid=" + std::to_string(f.valid) + " type=" +
         std::string(NumberTypeName(f.type)) +
         " ext=" + std::to_string(f.has_extension);
}

struct Case {
  const char* input;
  const char* region;
};

TEST(FastPhoneTest, BuildsFromTheInstalledMetadata) {
  const auto fast = FastPhone::Build();
  ASSERT_NE(fast, nullptr);
  EXPECT_EQ(fast->unsupported_metadata(), 0);
  EXPECT_GT(fast->dfa_states(), 1000u);
  EXPECT_EQ(FastPhone::Build("garbage", 7), nullptr);
}

// PhoneUtil::IsSupportedRegion answers from the fast path's region table so
// that a Linter with a default region need not start libphonenumber; the
// table must list exactly what libphonenumber does (the oracle, directly).
TEST(FastPhoneTest, HasRegionIsLibphonenumbersRegionList) {
  const auto fast = FastPhone::Build();
  ASSERT_NE(fast, nullptr);
  std::set<std::string> regions;
  ::i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
  ASSERT_GT(regions.size(), 200u);
  int listed = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      const std::string region{a, b};
      const std::optional<bool> has = fast->HasRegion(region);
      ASSERT_TRUE(has.has_value()) << region;
      EXPECT_EQ(*has, regions.contains(region)) << region;
      listed += *has ? 1 : 0;
    }
  }
  EXPECT_EQ(listed, static_cast<int>(regions.size()));  // every id is two capitals
  for (const char* other : {"", "us", "U", "USA", "001", "U1"}) {
    EXPECT_EQ(fast->HasRegion(other), std::nullopt) << other;
    EXPECT_EQ(PhoneUtil::Get().IsSupportedRegion(other), regions.contains(other)) << other;
  }
  EXPECT_TRUE(PhoneUtil::Get().IsSupportedRegion("GB"));
  EXPECT_FALSE(PhoneUtil::Get().IsSupportedRegion("XX"));
}

TEST(FastPhoneTest, SameAnswersAsLibphonenumber) {
  const Case kCases[] = {
      {"+14155550132", ""},
      {"+1 (415) 555-0132", ""},
      {"+1.415.555.0132", "GB"},
      {"(201) 555-0123", "US"},
      {"201-555-0123", "US"},
      {"1 201 555 0123", "US"},
      {"1 416 555 0123", "CA"},
      {"011 44 7400 123456", "US"},
      {"00 44 7400 123456", "DE"},
      {"0044", "DE"},            // IDD and too little after it
      {"00999 123", "DE"},       // IDD and no country code
      {"+447400123456", ""},
      {"+4407400123456", ""},    // the trunk 0 goes
      {"07400 123456", "GB"},
      {"+39 06 1234 5678", ""},  // Italian leading zero stays
      {"+390000000", ""},
      {"+800 1234 5678", ""},    // non-geographic
      {"+1 268 464 1234", ""},   // Antigua by leading digits
      {"464 1234", "AG"},        // transform rule
      {"+1 684 733 1234", ""},   // American Samoa
      {"011 15 2345-6789", "AR"},
      {"0 11 15 2345 6789", "AR"},  // carrier-ish 15 into the 9 token
      {"0 15 11 99998 8888", "BR"},  // carrier code
      {"+55 15 11 99998 8888", ""},
      {"+61 1831 2 1234 5678", ""},
      {"+7 700 123 45 67", ""},  // KZ within +7
      {"+262 269 61 1234", ""},  // YT within +262
      {"+44 1481 256789", ""},   // GG within +44
      {"+1 800 555 0123", ""},   // toll free
      {"+999 123 456", ""},      // no such country code
      {"+0 123 456", ""},
      {"+12", ""},               // too few digits after +
      {"12", "US"},
      {"1 2", "US"},
      {"(12)", "US"},
      {"123", ""},               // no region
      {"123", "XX"},             // unknown region
      {"123", "001"},
      {"+1 201 555 0123 4567 8901 234", ""},  // too long
      {"+49 1234 5678 9012 3456 78", ""},
      {"+1", ""},
      {"", ""},
      {"Acme", "US"},
      {"+", ""},
      {"--", "US"},
  };
  for (const Case& c : kCases) {
    PhoneFacts fast;
    ASSERT_TRUE(Phones().AnalyzeFast(c.input, c.region, &fast))
        << c.input << " / " << c.region;
    const PhoneFacts lib =
        Phones().AnalyzeWithLibphonenumber(c.input, c.region);
    EXPECT_EQ(Describe(fast), Describe(lib)) << c.input << " / " << c.region;
  }
}

TEST(FastPhoneTest, KnownAnswers) {
  PhoneFacts f;
  ASSERT_TRUE(Phones().AnalyzeFast("+4407400123456", "", &f));
  EXPECT_EQ(f.parse, ParseStatus::kOk);
  EXPECT_EQ(f.e164, "+447400123456");
  EXPECT_EQ(f.region, "GB");
  EXPECT_EQ(f.type, NumberType::kMobile);
  ASSERT_TRUE(Phones().AnalyzeFast("464-1234", "AG", &f));
  EXPECT_EQ(f.e164, "+12684641234");
  EXPECT_EQ(f.region, "AG");
  EXPECT_TRUE(f.valid);
  ASSERT_TRUE(Phones().AnalyzeFast("2015550123", "", &f));
  EXPECT_EQ(f.parse, ParseStatus::kNoRegion);
  ASSERT_TRUE(Phones().AnalyzeFast("+800 1234 5678", "", &f));
  EXPECT_EQ(f.region, "001");
  EXPECT_EQ(f.type, NumberType::kTollFree);
}

TEST(FastPhoneTest, LeavesTheRestToLibphonenumber) {
  for (const Case& c : std::vector<Case>{
           {"+1 415 555 0132 ext. 12", ""},  // extension
           {"(201) 555-0123 x7", "US"},
           {"1-800-FLOWERS", "US"},          // letters
           {"tel:+1-201-555-0123", ""},      // RFC 3966
           {"+1 415 555 0132#", ""},
           {"+1/415/555/0132", ""},
           {"\xEF\xBC\x8B\x31 415 555 0132", ""},  // full-width plus
           {"+1 415 555 \xD9\xA0\xD9\xA1\xD9\xA3\xD9\xA2", ""},  // Arabic-Indic
           {"1+415", "US"},                  // '+' after a digit
           {"++1 415 555 0132", ""},
           {"+999 1234 5678", "US"},         // retried as national there
           {"+1 4155550132 4155550132 4155550132 4155550132", ""},  // > 40
       }) {
    PhoneFacts f;
    EXPECT_FALSE(Phones().AnalyzeFast(c.input, c.region, &f)) << c.input;
    // Analyze still answers, through libphonenumber.
    EXPECT_EQ(Describe(Phones().Analyze(c.input, c.region, /*fast=*/true)),
              Describe(Phones().AnalyzeWithLibphonenumber(c.input, c.region)))
        << c.input;
  }
}

TEST(FastPhoneTest, CountsSlowPathCalls) {
  ASSERT_TRUE(Phones().fast_path_available());
  const uint64_t before = Phones().slow_path_calls();
  Phones().Analyze("+14155550132", "", /*fast=*/true);
  EXPECT_EQ(Phones().slow_path_calls(), before);
  Phones().Analyze("+1 415 555 0132 ext. 12", "", /*fast=*/true);
  EXPECT_EQ(Phones().slow_path_calls(), before + 1);
  // Without the fast path every call is libphonenumber's.
  Phones().Analyze("+14155550132", "", /*fast=*/false);
  EXPECT_EQ(Phones().slow_path_calls(), before + 2);
}

// Options::fast_numbers chooses the path per Linter, in one process: the
// library reads no environment variable (the CLI maps
// SMSLINT_NO_FAST_NUMBERS onto the option).
TEST(FastPhoneTest, OptionChoosesThePath) {
  Options fast_options;
  Options slow_options;
  slow_options.fast_numbers = false;
  const Linter fast(fast_options);
  const Linter slow(slow_options);
  ASSERT_TRUE(fast.ok());
  ASSERT_TRUE(slow.ok());
  Message m;
  m.to = "+1 415-555-0132";
  m.from = "+14155550100";
  m.body = "Your code is 1234";
  const uint64_t before = Phones().slow_path_calls();
  const std::string fast_json = ReportToJson(fast.Lint(m));
  EXPECT_EQ(Phones().slow_path_calls(), before);
  const std::string slow_json = ReportToJson(slow.Lint(m));
  EXPECT_GT(Phones().slow_path_calls(), before);
  EXPECT_EQ(fast_json, slow_json);
}

TEST(FastPhoneTest, SameAnswersFromTwoThreads) {
  std::vector<std::string> inputs;
  for (int i = 0; i < 2000; ++i) {
    inputs.push_back("+" + std::to_string(1 + i % 999) +
                     std::to_string(4155550000 + i * 7919));
  }
  std::vector<std::string> expected;
  for (const std::string& s : inputs) {
    expected.push_back(Describe(Phones().AnalyzeWithLibphonenumber(s, "")));
  }
  std::vector<int> mismatches(2, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 5; ++rep) {
        for (size_t i = 0; i < inputs.size(); ++i) {
          if (Describe(Phones().Analyze(inputs[i], "", /*fast=*/true)) != expected[i]) {
            ++mismatches[t];
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches[0], 0);
  EXPECT_EQ(mismatches[1], 0);
}

}  // namespace
}  // namespace smslint::internal

namespace smslint::internal {
namespace {

// Options::warm_up_numbers only moves libphonenumber's pattern compiles to
// the start: the answers are the same cold (each region compiled on its
// first slow-path number, from two threads at once here) and warm.
TEST(PhoneUtilTest, WarmUpChangesNoAnswer) {
  const PhoneUtil& phones = PhoneUtil::Get();
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"020 7946 0958", "GB"}, {"+33 1 23 45 67 89", ""}, {"030 123456", "DE"},
      {"0412 345 678", "AU"},  {"+81 3-1234-5678", ""},   {"tel:+1-201-555-0123", ""},
      {"0800 123 4567", "GB"}, {"+91 98765 43210", ""},   {"(0)6 12 34 56 78", "FR"}};
  auto all = [&] {
    std::vector<std::string> out;
    for (const auto& [n, r] : inputs) out.push_back(phones.AnalyzeWithLibphonenumber(n, r).e164);
    return out;
  };
  std::vector<std::string> cold_a, cold_b;
  std::thread a([&] { cold_a = all(); });
  std::thread b([&] { cold_b = all(); });
  a.join();
  b.join();
  phones.WarmUp();
  phones.WarmUp();  // once per process
  EXPECT_EQ(cold_a, cold_b);
  EXPECT_EQ(all(), cold_a);
  EXPECT_EQ(cold_a[0], "+442079460958");
  Options o;
  o.warm_up_numbers = true;
  EXPECT_TRUE(Linter(o).ok());
}

}  // namespace
}  // namespace smslint::internal
