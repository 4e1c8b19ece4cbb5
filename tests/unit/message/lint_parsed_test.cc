// Linter::LintParsed / LintJson and SortDiagnostics: the one path from a
// decoded record to its finished report.
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "smslint/linter.h"
#include "smslint/parse.h"
#include "smslint/report.h"

namespace smslint {
namespace {

std::vector<std::string> Ids(const Report& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    out.push_back(d.rule_id);
    if (d.rule_id != "input/unknown-field") continue;
    for (const auto& [k, v] : d.args) {
      if (k == "name") out.back() += ":" + v;
    }
  }
  return out;
}

// The documented order, written out independently of SortDiagnostics.
bool Sorted(const Report& r) {
  return std::is_sorted(r.diagnostics.begin(), r.diagnostics.end(),
                        [](const Diagnostic& a, const Diagnostic& b) {
                          const size_t sa = a.span ? a.span->byte_begin : 0;
                          const size_t sb = b.span ? b.span->byte_begin : 0;
                          return std::tie(a.field, sa, a.rule_id) <
                                 std::tie(b.field, sb, b.rule_id);
                        });
}

std::vector<InputProblem> Problems() {
  return {{"input/wrong-type",
           {{"name", "kind"}, {"line", "1"}, {"expected", "a kind"}, {"actual", "\"x\""}}},
          {"input/unknown-field", {{"name", "b"}, {"line", "1"}}},
          {"input/unknown-field", {{"name", "a"}, {"line", "1"}}}};
}

TEST(LintParsedTest, InputProblemsJoinTheDocumentedOrder) {
  const Linter linter{Options{}};
  ASSERT_TRUE(linter.ok());
  ParsedMessage p;
  p.message.to = "(415) 555-0132";  // to/* diagnostics sort after "input"
  p.problems = Problems();
  const Report report = linter.LintParsed(p);
  EXPECT_TRUE(Sorted(report));
  const std::vector<std::string> ids = Ids(report);
  const auto first_input = std::find(ids.begin(), ids.end(), "input/unknown-field:b");
  ASSERT_NE(first_input, ids.end());
  // Same key (field, no span, rule id): the order found; then by rule id.
  EXPECT_EQ(*(first_input + 1), "input/unknown-field:a");
  EXPECT_EQ(*(first_input + 2), "input/wrong-type");
  EXPECT_EQ(ids.front().substr(0, 5), "body/");
  EXPECT_EQ(ids.back().substr(0, 3), "to/");
}

TEST(LintParsedTest, DisabledInputRulesAreDropped) {
  Options o;
  o.disabled_rules = {"input/unknown-field"};
  const Linter linter{o};
  ParsedMessage p;
  p.usable = false;
  p.problems = Problems();
  EXPECT_EQ(Ids(linter.LintParsed(p)), std::vector<std::string>{"input/wrong-type"});
}

TEST(LintParsedTest, UnusableMessageIsNotLintedButKeepsTheReportShape) {
  Options o;
  o.high_threshold = 123;
  const Linter linter{o};
  ParsedMessage p;
  p.usable = false;
  p.message.id = "m7";
  p.message.body = std::string(200, 'a');  // never linted
  p.problems = {{"input/invalid-json", {{"line", "7"}, {"reason", "bad"}, {"offset", "0"}}}};
  const Report r = linter.LintParsed(p);
  EXPECT_EQ(r.id, "m7");
  EXPECT_EQ(r.risk.high_threshold, 123);
  EXPECT_EQ(r.segments.segment_count, AnalyzeSegments("").segment_count);
  EXPECT_EQ(r.segments.encoding, AnalyzeSegments("").encoding);
  EXPECT_EQ(Ids(r), std::vector<std::string>{"input/invalid-json"});
}

TEST(LintParsedTest, UsableMessageIsLinted) {
  const Linter linter{Options{}};
  ParsedMessage p;
  p.message.id = "m1";
  p.message.to = "+14155550132";
  p.problems = {{"input/unknown-field", {{"name", "z"}, {"line", "1"}}}};
  const Report r = linter.LintParsed(p);
  EXPECT_EQ(r.id, "m1");
  EXPECT_TRUE(Sorted(r));
  const auto ids = Ids(r);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "body/empty"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "input/unknown-field:z"), ids.end());
}

TEST(LintJsonTest, SameReportAsParseThenLint) {
  const Linter linter{Options{}};
  const std::string json =
      R"({"To": "+14155550132", "from_": "+14155550100", "body": "Hi", "zz": 1})";
  const Report a = linter.LintJson(json);
  const Report b = linter.LintParsed(ParseMessage(json));
  EXPECT_EQ(ReportToJson(a), ReportToJson(b));
  EXPECT_NE(std::find(Ids(a).begin(), Ids(a).end(), "input/unknown-field:zz"),
            Ids(a).end());
  ASSERT_TRUE(a.to_number.has_value());
  EXPECT_EQ(a.to_number->e164, "+14155550132");
}

TEST(LintJsonTest, NotJsonIsOneInputDiagnostic) {
  const Linter linter{Options{}};
  const Report r = linter.LintJson("{not json");
  EXPECT_EQ(Ids(r), std::vector<std::string>{"input/invalid-json"});
  EXPECT_EQ(r.MaxSeverity(), Severity::kError);
}

TEST(SortDiagnosticsTest, ByFieldSpanRuleAndStable) {
  std::vector<Diagnostic> ds(4);
  ds[0].field = "to"; ds[0].rule_id = "to/b"; ds[0].message = "1";
  ds[1].field = "body"; ds[1].rule_id = "body/z"; ds[1].span = Span{5, 6, 5, 6};
  ds[2].field = "to"; ds[2].rule_id = "to/b"; ds[2].message = "2";
  ds[3].field = "body"; ds[3].rule_id = "body/a"; ds[3].span = Span{9, 10, 9, 10};
  SortDiagnostics(ds);
  EXPECT_EQ(ds[0].rule_id, "body/z");  // span 5 before span 9
  EXPECT_EQ(ds[1].rule_id, "body/a");
  EXPECT_EQ(ds[2].message, "1");
  EXPECT_EQ(ds[3].message, "2");
}

}  // namespace
}  // namespace smslint
