#include "batch/summary.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

Diagnostic Diag(std::string rule, Severity s) {
  Diagnostic d;
  d.rule_id = std::move(rule);
  d.severity = s;
  return d;
}

Report WithSegments(uint32_t n, std::vector<Diagnostic> ds) {
  Report r;
  r.segments.segment_count = n;
  r.diagnostics = std::move(ds);
  return r;
}

TEST(SummaryTest, CountsRowsByWorstSeverity) {
  Summary s;
  s.Add(WithSegments(2, {}), false, Severity::kError);
  s.Add(WithSegments(1, {Diag("content/x", Severity::kInfo)}), false, Severity::kError);
  s.Add(WithSegments(3, {Diag("to/a", Severity::kWarning)}), false, Severity::kError);
  s.Add(WithSegments(4, {Diag("to/a", Severity::kWarning),
                         Diag("body/b", Severity::kError)}),
        false, Severity::kError);
  EXPECT_EQ(s.rows, 4u);
  EXPECT_EQ(s.ok, 2u);
  EXPECT_EQ(s.warnings, 1u);
  EXPECT_EQ(s.errors, 1u);
  EXPECT_EQ(s.ok + s.warnings + s.errors, s.rows);
  EXPECT_EQ(s.segments, 10u);
  EXPECT_EQ(s.segments_sendable, 6u);  // not the row with an error
  EXPECT_EQ(s.rules.at("to/a"), 2u);
  EXPECT_TRUE(s.failed);
}

TEST(SummaryTest, MalformedRowsHaveNoSegmentsAndFailOnIsRespected) {
  Summary s;
  s.Add(WithSegments(1, {Diag("input/csv-malformed", Severity::kError)}), true,
        Severity::kError);
  EXPECT_EQ(s.malformed, 1u);
  EXPECT_EQ(s.segments, 0u);
  Summary w;
  w.Add(WithSegments(1, {Diag("to/a", Severity::kWarning)}), false, Severity::kError);
  EXPECT_FALSE(w.failed);
  w.Add(WithSegments(1, {Diag("to/a", Severity::kWarning)}), false, Severity::kWarning);
  EXPECT_TRUE(w.failed);
}

TEST(SummaryTest, HumanSummaryAndRuleCounts) {
  Summary s;
  s.Add(WithSegments(3, {Diag("to/a", Severity::kError)}), false, Severity::kError);
  s.Add(WithSegments(3, {}), false, Severity::kError);
  s.duplicates = 1;
  EXPECT_EQ(HumanSummary(s, ParsePrice("0.0079"), false),
            "2 row(s): 1 with errors, 0 with warnings, 1 ok; 0 malformed, "
            "1 duplicate(s); 6 segment(s); estimated cost 0.0474\n");
  EXPECT_NE(HumanSummary(s, std::nullopt, true).find("\nnote: more than 786432"),
            std::string::npos);
  EXPECT_EQ(RuleCounts(s), "  to/a: 1\n");
}

TEST(SummaryTest, JsonHasEveryDocumentedField) {
  Summary s;
  s.Add(WithSegments(2, {Diag("to/a", Severity::kWarning)}), false, Severity::kError);
  const std::string text = SummaryJson(s, ParsePrice("0.5"), true, 0.0, 0.0);
  ASSERT_EQ(text.back(), '\n');
  const auto j = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "format_version", "rows", "rows_ok", "rows_with_errors",
                      "rows_with_warnings", "malformed_rows", "duplicates",
                      "duplicate_tracking_capped", "segments_total",
                      "segments_sendable", "estimated_cost", "price_per_segment",
                      "rules", "elapsed_seconds", "rows_per_second"}));
  EXPECT_EQ(j["rows_with_warnings"], 1);
  EXPECT_EQ(j["estimated_cost"], 1.0);
  EXPECT_EQ(j["price_per_segment"], 0.5);
  EXPECT_EQ(j["duplicate_tracking_capped"], true);
  EXPECT_EQ(j["rules"]["to/a"], 1);
  EXPECT_TRUE(nlohmann::json::parse(SummaryJson(s, std::nullopt, false, 0, 0))
                  ["estimated_cost"].is_null());
}

}  // namespace
}  // namespace smslint::cli
