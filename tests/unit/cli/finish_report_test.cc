#include "finish_report.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

namespace smslint::cli {
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

TEST(FinishReportTest, InputProblemsJoinTheDocumentedOrder) {
  const Linter linter{Options{}};
  ASSERT_TRUE(linter.ok());
  Message m;
  m.to = "(415) 555-0132";  // to/* diagnostics sort after "input"
  Report report = linter.Lint(m);  // body/empty, from/missing, to/...
  ASSERT_FALSE(report.diagnostics.empty());
  FinishReport(linter, Problems(), report);
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

TEST(FinishReportTest, DisabledInputRulesAreDropped) {
  Options o;
  o.disabled_rules = {"input/unknown-field"};
  const Linter linter{o};
  Report report;
  FinishReport(linter, Problems(), report);
  EXPECT_EQ(Ids(report), std::vector<std::string>{"input/wrong-type"});
}

TEST(FinishReportTest, UnusableRecordGetsTheBaseReportAndItsId) {
  const Linter linter{Options{}};
  Record record;
  record.usable = false;
  record.message.id = "m7";
  record.message.body = "never linted";
  record.problems = {{"input/invalid-json",
                      {{"line", "7"}, {"reason", "bad"}, {"offset", "0"}}}};
  Report base;
  base.risk.high_threshold = 123;
  const Report r = LintRecord(linter, record, base);
  EXPECT_EQ(r.id, "m7");
  EXPECT_EQ(r.risk.high_threshold, 123);
  EXPECT_EQ(Ids(r), std::vector<std::string>{"input/invalid-json"});
}

TEST(FinishReportTest, UsableRecordIsLinted) {
  const Linter linter{Options{}};
  Record record;
  record.message.id = "m1";
  record.message.to = "+14155550132";
  record.problems = {{"input/unknown-field", {{"name", "z"}, {"line", "1"}}}};
  const Report r = LintRecord(linter, record, Report{});
  EXPECT_EQ(r.id, "m1");
  EXPECT_TRUE(Sorted(r));
  const auto ids = Ids(r);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "body/empty"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "input/unknown-field:z"), ids.end());
}

TEST(FinishReportTest, SortIsStable) {
  std::vector<Diagnostic> ds(3);
  ds[0].field = "to"; ds[0].rule_id = "to/b"; ds[0].message = "1";
  ds[1].field = "body"; ds[1].rule_id = "body/a";
  ds[2].field = "to"; ds[2].rule_id = "to/b"; ds[2].message = "2";
  SortDiagnostics(ds);
  EXPECT_EQ(ds[0].field, "body");
  EXPECT_EQ(ds[1].message, "1");
  EXPECT_EQ(ds[2].message, "2");
}

}  // namespace
}  // namespace smslint::cli
