#include "batch/fixes.h"

#include <gtest/gtest.h>

#include "batch/send_plan.h"
#include "sinks/html_report.h"

namespace smslint::cli {
namespace {

Diagnostic WithFix(std::string rule, std::string field, Severity s, Applicability a,
                   size_t begin, size_t end, std::string replacement) {
  Diagnostic d;
  d.rule_id = std::move(rule);
  d.field = std::move(field);
  d.severity = s;
  Fix f;
  f.applicability = a;
  Edit e;
  e.span.byte_begin = begin;
  e.span.byte_end = end;
  e.replacement = std::move(replacement);
  f.edits.push_back(e);
  d.fix = f;
  return d;
}

TEST(ApplySafeFixesTest, AppliesSafeEditsOnTheGivenFieldsOnly) {
  Message m;
  m.to = "(415) 555-0132";
  m.from = "415 555 0100";
  m.body = "a\r\nb\r\nc";
  Report r;
  r.diagnostics.push_back(WithFix("to/not-e164", "to", Severity::kError,
                                  Applicability::kSafe, 0, 14, "+14155550132"));
  r.diagnostics.push_back(WithFix("from/not-e164", "from", Severity::kError,
                                  Applicability::kSafe, 0, 12, "+14155550100"));
  // Two edits of one fix, and an unsafe one that is never applied.
  Diagnostic crlf = WithFix("segments/crlf-line-breaks", "body", Severity::kWarning,
                            Applicability::kSafe, 1, 2, "");
  crlf.fix->edits.push_back({{4, 5, 4, 5}, ""});
  r.diagnostics.push_back(crlf);
  r.diagnostics.push_back(WithFix("segments/forces-ucs2", "body", Severity::kWarning,
                                  Applicability::kUnsafe, 0, 1, "X"));
  const auto changed = ApplySafeFixes(r, {"to", "body"}, &m);
  EXPECT_EQ(changed, (std::vector<std::string>{"to", "body"}));
  EXPECT_EQ(m.to, "+14155550132");
  EXPECT_EQ(m.from, "415 555 0100");  // not a field asked for
  EXPECT_EQ(m.body, "a\nb\nc");
}

TEST(ApplySafeFixesTest, OverlappingAndOutOfRangeEditsAreLeftOut) {
  Message m;
  m.to = "abcdef";
  Report r;
  r.diagnostics.push_back(WithFix("x/a", "to", Severity::kError, Applicability::kSafe,
                                  0, 3, "X"));
  r.diagnostics.push_back(WithFix("x/b", "to", Severity::kError, Applicability::kSafe,
                                  2, 4, "Y"));
  r.diagnostics.push_back(WithFix("x/c", "to", Severity::kError, Applicability::kSafe,
                                  5, 99, "Z"));
  EXPECT_EQ(ApplySafeFixes(r, {"to"}, &m), std::vector<std::string>{"to"});
  EXPECT_EQ(m.to, "Xdef");
  Message same;
  same.to = "abc";
  Report noop;
  noop.diagnostics.push_back(WithFix("x/a", "to", Severity::kError,
                                     Applicability::kSafe, 0, 3, "abc"));
  EXPECT_TRUE(ApplySafeFixes(noop, {"to"}, &same).empty());
}

TEST(BlockPolicyTest, ErrorsDuplicatesAccountAndNamedRules) {
  BlockPolicy p;
  Diagnostic d;
  d.severity = Severity::kError;
  d.rule_id = "to/not-possible";
  EXPECT_TRUE(p.Blocks(d));
  d.severity = Severity::kWarning;
  EXPECT_FALSE(p.Blocks(d));
  d.rule_id = "input/duplicate-recipient";
  EXPECT_TRUE(p.Blocks(d));
  p.duplicates = false;
  EXPECT_FALSE(p.Blocks(d));
  d.rule_id = "account/suppressed-recipient";
  d.severity = Severity::kInfo;
  EXPECT_TRUE(p.Blocks(d));
  d.rule_id = "pumping/sequential-run";
  EXPECT_FALSE(p.Blocks(d));
  p.rules.push_back("pumping");
  EXPECT_TRUE(p.Blocks(d));
  d.rule_id = "pumpingx/y";  // an area is a whole path segment
  EXPECT_FALSE(p.Blocks(d));
}

TEST(BlockPolicyTest, IsRuleOrArea) {
  EXPECT_TRUE(IsRuleOrArea("to/not-e164"));
  EXPECT_TRUE(IsRuleOrArea("to"));
  EXPECT_FALSE(IsRuleOrArea("t"));
  EXPECT_FALSE(IsRuleOrArea("to/nothing-like-this"));
  EXPECT_FALSE(IsRuleOrArea(""));
}

TEST(SendPlanTest, CountsFatesReasonsAndCosts) {
  SendPlan p;
  Report ok;
  ok.segments.segment_count = 2;
  ok.segments.encoding = Encoding::kUcs2;
  ok.segments.characters = 100;
  NumberInfo n;
  n.region = "GB";
  ok.to_number = n;
  p.Add(1, 2, ok, false, {}, true, 1, "+44");
  p.Add(2, 3, ok, true, {}, true, 0, "+44");
  Diagnostic d;
  d.rule_id = "to/missing";
  d.message = "no <to>";
  for (uint64_t row = 3; row < 10; ++row) p.Add(row, row + 1, ok, false, {&d}, true, 0, "");
  EXPECT_EQ(p.as_is, 1u);
  EXPECT_EQ(p.after_fixes, 1u);
  EXPECT_EQ(p.blocked, 7u);
  EXPECT_EQ(p.blocked_by.at("to/missing").rows, 7u);
  EXPECT_EQ(p.blocked_by.at("to/missing").first_rows, (std::vector<uint64_t>{3, 4, 5, 6, 7}));
  EXPECT_EQ(p.countries.at("GB"), 2u);
  EXPECT_EQ(p.segments, 4u);
  EXPECT_EQ(p.ucs2_segments, 4u);
  EXPECT_EQ(p.ucs2_as_gsm7, 2u);
  EXPECT_EQ(p.ucs2_smart, 3u);  // 1, and 2 where Smart Encoding was not counted
  EXPECT_EQ(p.segment_histogram.at(2), 9u);
  const std::string human = SendPlanHuman(p, ParsePrice("0.01"));
  EXPECT_NE(human.find("to send: 2 row(s) (1 as is, 1 after safe fixes), 4 segment(s), "
                       "estimated cost 0.04; blocked: 7 row(s)"), std::string::npos) << human;
  EXPECT_NE(human.find("blocked by to/missing: 7 (rows 3, 4, 5, 6, 7, ...)"),
            std::string::npos) << human;
  EXPECT_NE(human.find("2 more than in GSM-7 (0.02); Smart Encoding would save 1 (0.01)"),
            std::string::npos) << human;
}

TEST(SendPlanTest, Gsm7Segments) {
  EXPECT_EQ(Gsm7Segments(0), 1u);
  EXPECT_EQ(Gsm7Segments(160), 1u);
  EXPECT_EQ(Gsm7Segments(161), 2u);
  EXPECT_EQ(Gsm7Segments(306), 2u);
  EXPECT_EQ(Gsm7Segments(307), 3u);
}

TEST(HtmlReportTest, EscapesInputAndLoadsNothing) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape(std::string("a\x01\xff", 3)), "a\xEF\xBF\xBD\xEF\xBF\xBD");
  SendPlan p;
  Diagnostic d;
  d.rule_id = "to/unparseable";
  d.message = "recipient \"<script>\" cannot be parsed";
  Report r;
  p.Add(1, 2, r, false, {&d}, true, 0, "<script>alert(1)</script>");
  Summary s;
  s.rows = 1;
  const std::string html = HtmlReport("in<put>.csv", s, p, std::nullopt);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("data-row=\"1\""), std::string::npos);
}

}  // namespace
}  // namespace smslint::cli
