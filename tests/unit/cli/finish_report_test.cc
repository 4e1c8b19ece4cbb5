// cli::LintRecord: a record's report through Linter::LintParsed (tested in
// tests/unit/message/lint_parsed_test.cc), with the record's message kept
// for the sinks and duplicate tracking.
#include "finish_report.h"

#include <string>

#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

TEST(LintRecordTest, UsableRecordIsLintedAndKeepsItsMessage) {
  const Linter linter{Options{}};
  Record record;
  record.message.id = "m1";
  record.message.to = "+14155550132";
  record.message.body = "Hi";
  record.problems = {{"input/unknown-field", {{"name", "z"}, {"line", "1"}}}};
  const Report r = LintRecord(linter, record);
  EXPECT_EQ(r.id, "m1");
  ASSERT_TRUE(r.to_number.has_value());
  EXPECT_EQ(r.to_number->e164, "+14155550132");
  EXPECT_EQ(record.message.to, "+14155550132");
  EXPECT_EQ(record.message.body, "Hi");
  EXPECT_TRUE(record.problems.empty());
  bool unknown = false;
  for (const Diagnostic& d : r.diagnostics) unknown |= d.rule_id == "input/unknown-field";
  EXPECT_TRUE(unknown);
}

TEST(LintRecordTest, UnusableRecordGetsOnlyItsProblems) {
  const Linter linter{Options{}};
  Record record;
  record.usable = false;
  record.message.id = "m7";
  record.message.body = "never linted";
  record.problems = {{"input/invalid-json", {{"line", "7"}, {"reason", "bad"}, {"offset", "0"}}}};
  const Report r = LintRecord(linter, record);
  EXPECT_EQ(r.id, "m7");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule_id, "input/invalid-json");
  EXPECT_EQ(record.message.id, "m7");
}

}  // namespace
}  // namespace smslint::cli
