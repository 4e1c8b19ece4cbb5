// The batch summary (docs/batch.md, "Summary"): counted as records are
// written, printed for people and as the --summary JSON object.
#ifndef SMSLINT_CLI_BATCH_SUMMARY_H_
#define SMSLINT_CLI_BATCH_SUMMARY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "batch/price.h"
#include "smslint/report.h"

namespace smslint::cli {

struct Summary {
  uint64_t rows = 0, ok = 0, errors = 0, warnings = 0, malformed = 0,
           duplicates = 0, segments = 0, segments_sendable = 0;
  std::map<std::string, uint64_t> rules;
  bool failed = false;  // a diagnostic at or above --fail-on

  // Counts one finished record (its duplicate is counted by the caller).
  void Add(const Report& report, bool malformed, Severity fail_on);
};

// "N row(s): ..." and, when the duplicate table filled up, a note; each
// line ends with "\n".
std::string HumanSummary(const Summary& s, const std::optional<Price>& price,
                         bool capped);

// "  rule/id: N" lines, by rule id (text output).
std::string RuleCounts(const Summary& s);

// The --summary object on one line, with "\n".
// `pumping` is PumpingJson's object when an SMS-pumping indicator fired,
// else "" (no "pumping" member); `plan` is SendPlanJson's object, whose
// members are added before elapsed_seconds.
std::string SummaryJson(const Summary& s, const std::optional<Price>& price,
                        bool capped, double elapsed_seconds,
                        double rows_per_second, const std::string& pumping = "",
                        const std::string& plan = "");

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_SUMMARY_H_
