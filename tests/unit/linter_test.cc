#include "smslint/linter.h"

#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace smslint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::vector<std::string> RuleIds(const Report& r) {
  std::vector<std::string> ids;
  for (const Diagnostic& d : r.diagnostics) ids.push_back(d.rule_id);
  return ids;
}

// A message whose numbers draw no diagnostic (a UK mobile and an
// alphanumeric sender), so only the body rules fire; tests/unit/numbers_test.cc
// covers the number rules.
Message Body(std::string body) {
  Message m;
  m.to = "+447400123456";
  m.from = "Acme";
  m.body = std::move(body);
  return m;
}

const Diagnostic* Find(const Report& r, std::string_view id) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == id) return &d;
  }
  return nullptr;
}

TEST(LinterTest, CleanMessageHasNoDiagnostics) {
  const Linter linter;
  ASSERT_TRUE(linter.ok());
  EXPECT_THAT(RuleIds(linter.Lint(Body("Your code is 123456"))), IsEmpty());
}

TEST(LinterTest, EmptyBodyWithoutMedia) {
  const Linter linter;
  const Report r = linter.Lint(Body(""));
  EXPECT_THAT(RuleIds(r), ElementsAre("body/empty"));
  EXPECT_EQ(r.diagnostics[0].twilio_code, 21602);
  Message with_media = Body("");
  with_media.to = "+14155550132";
  with_media.from = "+14155550100";
  with_media.media.push_back({"image/jpeg", 1000, std::nullopt, std::nullopt});
  EXPECT_THAT(RuleIds(linter.Lint(with_media)),
              ElementsAre("to/fixed-line-or-mobile"));
}

TEST(LinterTest, MediaChecksUseTheNumbersRegions) {
  const Linter linter;
  Message m = Body("See the photo");
  m.media.push_back({"image/jpeg", 1000, std::nullopt, std::nullopt});
  // To a GB mobile: no MMS there.
  EXPECT_THAT(RuleIds(linter.Lint(m)), ElementsAre("mms/unsupported-country"));
  m.media.push_back({"application/zip", 1000, std::nullopt, std::nullopt});
  const Report r = linter.Lint(m);
  const Diagnostic* d = Find(r, "media/unsupported-type");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->field, "media[1]");
}

TEST(LinterTest, TooLongCountsCodePoints) {
  const Linter linter;
  EXPECT_EQ(Find(linter.Lint(Body(Repeat("a", 1600))), "body/too-long"), nullptr);
  const Report r = linter.Lint(Body(Repeat("a", 1601)));
  const Diagnostic* d = Find(r, "body/too-long");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::kError);
  EXPECT_EQ(d->twilio_code, 21617);
  EXPECT_EQ(d->Arg("count"), "1601");
  EXPECT_EQ(d->span->byte_begin, 1600u);
  EXPECT_EQ(d->span->byte_end, 1601u);
}

TEST(LinterTest, AstralCharactersNearTheLimitWarn) {
  const Linter linter;
  // 1,591 code points, 1,602 UTF-16 units.
  const Report r = linter.Lint(Body(Repeat("a", 1580) + Repeat("\xF0\x9F\x98\x80", 11)));
  EXPECT_EQ(Find(r, "body/too-long"), nullptr);
  const Diagnostic* d = Find(r, "body/too-long-utf16");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::kWarning);
  EXPECT_EQ(d->Arg("utf16_units"), "1602");
  EXPECT_EQ(d->span->utf16_begin, 1600u);
}

TEST(LinterTest, ForcesUcs2NamesCharactersAndOffersSmartFix) {
  const Linter linter;
  const Report r = linter.Lint(Body(Repeat("1", 150) + "\xE2\x80\x99"));
  const Diagnostic* d = Find(r, "segments/forces-ucs2");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("count"), "1");
  EXPECT_EQ(d->Arg("segments"), "3");
  EXPECT_EQ(d->Arg("smart_segments"), "1");
  EXPECT_EQ(d->Arg("segments_saved"), "2");
  EXPECT_THAT(std::string(d->Arg("characters")), ::testing::HasSubstr("U+2019"));
  ASSERT_TRUE(d->fix.has_value());
  EXPECT_EQ(d->fix->applicability, Applicability::kUnsafe);
  ASSERT_EQ(d->fix->edits.size(), 1u);
  EXPECT_EQ(d->fix->edits[0].replacement, "'");
  EXPECT_EQ(d->fix->edits[0].span, (Span{150, 153, 150, 151}));
}

TEST(LinterTest, ForcesUcs2CountsDistinctCharactersInOrderOfFirstUse) {
  const Linter linter;
  // ’ 中 ’ — 中 ’: three distinct, counted, listed as first seen.
  const Report r = linter.Lint(Body(
      "\xE2\x80\x99\xE4\xB8\xAD\xE2\x80\x99\xE2\x80\x94\xE4\xB8\xAD\xE2\x80\x99"));
  const Diagnostic* d = Find(r, "segments/forces-ucs2");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("count"), "3");
  EXPECT_EQ(d->Arg("characters"),
            "'\xE2\x80\x99' (U+2019) x3, '\xE4\xB8\xAD' (U+4E2D) x2, "
            "'\xE2\x80\x94' (U+2014)");
  // 20,000 distinct CJK characters: ten named, the rest counted.
  std::string body;
  for (uint32_t cp = 0x4E00; cp < 0x4E00 + 20000; ++cp) {
    body += static_cast<char>(0xE0 | (cp >> 12));
    body += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    body += static_cast<char>(0x80 | (cp & 0x3F));
  }
  const Report big = linter.Lint(Body(body + body));
  d = Find(big, "segments/forces-ucs2");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("count"), "20000");
  EXPECT_THAT(std::string(d->Arg("characters")),
              ::testing::StartsWith("'\xE4\xB8\x80' (U+4E00) x2, "));
  EXPECT_THAT(std::string(d->Arg("characters")),
              ::testing::EndsWith(" x2, and 19990 more"));
}

TEST(LinterTest, NoSmartFixWhenTextStaysUcs2OrGetsLonger) {
  const Linter linter;
  const Report r1 = linter.Lint(Body("\xE2\x80\x99 \xE4\xB8\xAD"));
  const Diagnostic* d = Find(r1, "segments/forces-ucs2");
  ASSERT_NE(d, nullptr);
  EXPECT_FALSE(d->fix.has_value());
  const Report r2 = linter.Lint(Body(Repeat("\xE2\x80\xA6", 161)));
  d = Find(r2, "segments/forces-ucs2");
  ASSERT_NE(d, nullptr);
  EXPECT_FALSE(d->fix.has_value());  // 3 segments plain, 4 smart
}

TEST(LinterTest, SmartFixCanBeTurnedOff) {
  Options o;
  o.suggest_smart_encoding = false;
  const Linter linter(o);
  const Report r = linter.Lint(Body("it\xE2\x80\x99s"));
  const Diagnostic* d = Find(r, "segments/forces-ucs2");
  ASSERT_NE(d, nullptr);
  EXPECT_FALSE(d->fix.has_value());
}

TEST(LinterTest, TooManySegmentsUsesTheOption) {
  Options o;
  o.max_segments = 2;
  const Linter linter(o);
  EXPECT_EQ(Find(linter.Lint(Body(Repeat("a", 306))), "segments/too-many-segments"), nullptr);
  const Report r = linter.Lint(Body(Repeat("a", 307)));
  const Diagnostic* d = Find(r, "segments/too-many-segments");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("segments"), "3");
  EXPECT_EQ(d->Arg("limit"), "2");
}

TEST(LinterTest, CrlfThatCostsASegmentHasASafeFix) {
  const Linter linter;
  const Report r = linter.Lint(Body(Repeat("a", 80) + "\r\n" + Repeat("a", 79)));
  const Diagnostic* d = Find(r, "segments/crlf-line-breaks");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("segments"), "2");
  EXPECT_EQ(d->Arg("segments_lf"), "1");
  ASSERT_TRUE(d->fix.has_value());
  EXPECT_EQ(d->fix->applicability, Applicability::kSafe);
  ASSERT_EQ(d->fix->edits.size(), 1u);
  EXPECT_EQ(d->fix->edits[0].span.byte_begin, 80u);
  EXPECT_EQ(d->fix->edits[0].replacement, "");
  // A CRLF that costs nothing is not reported.
  EXPECT_EQ(Find(linter.Lint(Body("a\r\nb")), "segments/crlf-line-breaks"), nullptr);
}

TEST(LinterTest, InvalidUtf8ReportsOffset) {
  const Linter linter;
  const Report r = linter.Lint(Body(std::string("Hi \xC3(x")));
  const Diagnostic* d = Find(r, "body/invalid-utf8");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("offset"), "3");
  EXPECT_EQ(d->span->byte_begin, 3u);
  EXPECT_EQ(d->severity, Severity::kError);
}

TEST(LinterTest, DisableByIdAndArea) {
  Options o;
  o.disabled_rules = {"segments"};
  const Linter linter(o);
  ASSERT_TRUE(linter.ok());
  EXPECT_THAT(RuleIds(linter.Lint(Body("it\xE2\x80\x99s"))), IsEmpty());
  Options o2;
  o2.disabled_rules = {"body/empty"};
  EXPECT_THAT(RuleIds(Linter(o2).Lint(Body(""))), IsEmpty());
}

TEST(LinterTest, SeverityOverride) {
  Options o;
  o.severity_overrides = {{"segments/forces-ucs2", Severity::kError}};
  const Linter linter(o);
  const Report r = linter.Lint(Body("it\xE2\x80\x99s"));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kError);
  EXPECT_FALSE(linter.IsSendable(Body("it\xE2\x80\x99s")));
  EXPECT_TRUE(linter.IsSendable(Body("its")));
}

TEST(LinterTest, BadOptionsAreReportedNotThrown) {
  Options o;
  o.disabled_rules = {"segments/no-such-rule"};
  const Linter linter(o);
  EXPECT_FALSE(linter.ok());
  EXPECT_EQ(linter.error_arg(), "segments/no-such-rule");
  EXPECT_THAT(RuleIds(linter.Lint(Body(""))), IsEmpty());
  Options zero;
  zero.max_segments = 0;
  EXPECT_FALSE(Linter(zero).ok());
}

TEST(LinterTest, MakeDiagnosticRendersTemplates) {
  const Linter linter;
  const auto d = linter.MakeDiagnostic(
      "input/wrong-type", "input", std::nullopt,
      {{"name", "body"}, {"line", "4"}, {"expected", "a string"}, {"actual", "a number"}});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->message, "field \"body\" on line 4 must be a string, not a number");
  EXPECT_FALSE(linter.MakeDiagnostic("no/such", "x", std::nullopt, {}).has_value());
}

TEST(LinterTest, DiagnosticsAreOrderedByFieldSpanAndId) {
  const Linter linter;
  const Report r = linter.Lint(Body(Repeat("\xE2\x80\x99", 1601)));
  ASSERT_GE(r.diagnostics.size(), 2u);
  for (size_t i = 1; i < r.diagnostics.size(); ++i) {
    const auto& a = r.diagnostics[i - 1];
    const auto& b = r.diagnostics[i];
    const size_t sa = a.span ? a.span->byte_begin : 0;
    const size_t sb = b.span ? b.span->byte_begin : 0;
    EXPECT_TRUE(a.field < b.field || (a.field == b.field && sa <= sb));
  }
}

TEST(LinterTest, SharedAcrossThreadsGivesTheSameReports) {
  const Linter linter;
  const std::vector<std::string> bodies = {
      "plain", "it\xE2\x80\x99s", Repeat("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", 40),
      Repeat("a", 80) + "\r\n" + Repeat("a", 79), Repeat("\xE0\xA4\x95\xE0\xA5\x8D", 50)};
  std::vector<std::string> expected;
  for (const auto& b : bodies) expected.push_back(ReportToJson(linter.Lint(Body(b))));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        const size_t k = (i + t) % bodies.size();
        if (ReportToJson(linter.Lint(Body(bodies[k]))) != expected[k]) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_THAT(mismatches, ElementsAre(0, 0, 0, 0));
}

TEST(ReportTest, JsonCarriesVersionAndNulls) {
  const Linter linter;
  const std::string j = ReportToJson(linter.Lint(Body("hi")), {.line = 3, .row = std::nullopt});
  EXPECT_THAT(j, ::testing::StartsWith("{\"format_version\":1,"));
  EXPECT_THAT(j, ::testing::HasSubstr("\"line\":3"));
  EXPECT_THAT(j, ::testing::HasSubstr("\"line_break_style\":null"));
  EXPECT_THAT(j, ::testing::Not(::testing::HasSubstr("\"row\"")));
}

TEST(LinterTest, RuleEnabledFollowsDisabledRules) {
  Options o;
  o.disabled_rules = {"input/duplicate-recipient", "content"};
  const Linter linter(o);
  ASSERT_TRUE(linter.ok());
  EXPECT_FALSE(linter.RuleEnabled("input/duplicate-recipient"));
  EXPECT_FALSE(linter.RuleEnabled("content/all-caps"));
  EXPECT_TRUE(linter.RuleEnabled("body/empty"));
  EXPECT_FALSE(linter.RuleEnabled("no/such-rule"));
}

}  // namespace
}  // namespace smslint
