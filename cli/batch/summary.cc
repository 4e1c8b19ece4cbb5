#include "batch/summary.h"

#include <nlohmann/json.hpp>

#include "batch/dup_table.h"

namespace smslint::cli {

void Summary::Add(const Report& report, bool is_malformed, Severity fail_on) {
  ++rows;
  if (is_malformed) {
    ++malformed;
  } else {
    segments += report.segments.segment_count;
    if (report.Count(Severity::kError) == 0) {
      segments_sendable += report.segments.segment_count;
    }
  }
  const auto max = report.MaxSeverity();
  if (max == Severity::kError) ++errors;
  else if (max == Severity::kWarning) ++warnings;
  else ++ok;
  for (const Diagnostic& d : report.diagnostics) {
    ++rules[d.rule_id];
    if (d.severity >= fail_on) failed = true;
  }
}

std::string HumanSummary(const Summary& s, const std::optional<Price>& price,
                         bool capped) {
  std::string out = std::to_string(s.rows) + " row(s): " +
                    std::to_string(s.errors) + " with errors, " +
                    std::to_string(s.warnings) + " with warnings, " +
                    std::to_string(s.ok) + " ok; " +
                    std::to_string(s.malformed) + " malformed, " +
                    std::to_string(s.duplicates) + " duplicate(s); " +
                    std::to_string(s.segments) + " segment(s)";
  if (price) out += "; estimated cost " + Multiply(*price, s.segments);
  out += "\n";
  if (capped) {
    out += "note: more than " + std::to_string(DupTable::kMaxUnique) +
           " distinct recipients; later new recipients were not checked for "
           "duplicates\n";
  }
  return out;
}

std::string RuleCounts(const Summary& s) {
  std::string out;
  for (const auto& [id, n] : s.rules) {
    out += "  " + id + ": " + std::to_string(n) + "\n";
  }
  return out;
}

std::string SummaryJson(const Summary& s, const std::optional<Price>& price,
                        bool capped, double elapsed_seconds,
                        double rows_per_second, const std::string& pumping,
                        const std::string& plan) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["format_version"] = 1;
  j["rows"] = s.rows;
  j["rows_ok"] = s.ok;
  j["rows_with_errors"] = s.errors;
  j["rows_with_warnings"] = s.warnings;
  j["malformed_rows"] = s.malformed;
  j["duplicates"] = s.duplicates;
  j["duplicate_tracking_capped"] = capped;
  j["segments_total"] = s.segments;
  j["segments_sendable"] = s.segments_sendable;
  if (price) {
    j["estimated_cost"] = std::stod(Multiply(*price, s.segments));
    j["price_per_segment"] = std::stod(Multiply(*price, 1));
  } else {
    j["estimated_cost"] = nullptr;
    j["price_per_segment"] = nullptr;
  }
  Json rules = Json::object();
  for (const auto& [id, n] : s.rules) rules[id] = n;
  j["rules"] = std::move(rules);
  if (!pumping.empty()) j["pumping"] = Json::parse(pumping);
  if (!plan.empty()) {
    const Json extra = Json::parse(plan);
    for (auto it = extra.begin(); it != extra.end(); ++it) j[it.key()] = it.value();
  }
  j["elapsed_seconds"] = elapsed_seconds;
  j["rows_per_second"] = rows_per_second;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace smslint::cli
