// What an operator acts on after smslint batch (docs/batch.md, "Summary"):
// which rows can be sent as they are, which after the safe fixes, which are
// blocked and why, and what the rows to be sent cost. Counted by the
// ordered writer, one row at a time.
#ifndef SMSLINT_CLI_BATCH_SEND_PLAN_H_
#define SMSLINT_CLI_BATCH_SEND_PLAN_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "batch/price.h"
#include "smslint/report.h"

namespace smslint::cli {

enum class RowFate { kAsIs, kAfterFixes, kBlocked };

// One blocked row as the HTML report's table shows it.
struct BlockedRow {
  uint64_t row = 0, line = 0;
  std::string to;
  std::vector<std::string> rules;
  std::vector<std::string> reasons;
};

struct SendPlan {
  static constexpr size_t kFirstRows = 5;          // row numbers kept per reason
  static constexpr size_t kMaxBlockedRows = 1000;  // rows kept for the HTML table

  struct Reason {
    uint64_t rows = 0;
    std::vector<uint64_t> first_rows;
  };

  uint64_t as_is = 0, after_fixes = 0, blocked = 0;
  std::map<std::string, Reason> blocked_by;        // rule id
  std::map<std::string, uint64_t> countries;       // rows to send, by region
  // The rows to send: segments, and those in UCS-2: their segments, what
  // the same number of characters would take in GSM-7, and what they take
  // after Smart Encoding.
  uint64_t segments = 0;
  uint64_t ucs2_rows = 0, ucs2_segments = 0, ucs2_as_gsm7 = 0, ucs2_smart = 0;
  // Every linted row.
  std::map<uint32_t, uint64_t> segment_histogram;  // 10 stands for 10 and more
  std::map<std::string, uint64_t> encodings;
  std::map<std::string, uint64_t> risk_bands;
  std::vector<BlockedRow> blocked_rows;            // the first kMaxBlockedRows

  // Counts one row: `report` is the one after the safe fixes, `blocking`
  // its blocking findings (empty: sent), `smart_segments` the body's
  // segments after Smart Encoding, `linted` false for a malformed row.
  void Add(uint64_t row, uint64_t line, const Report& report, bool fixed,
           const std::vector<const Diagnostic*>& blocking, bool linted,
           uint32_t smart_segments, const std::string& to);
};

// Segments of `characters` GSM-7 characters (160 in one, 153 per part).
uint64_t Gsm7Segments(uint64_t characters);

// The human lines (each ending with "\n").
std::string SendPlanHuman(const SendPlan& p, const std::optional<Price>& price);

// Members added to the --summary object (a JSON object's text).
std::string SendPlanJson(const SendPlan& p, const std::optional<Price>& price);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_SEND_PLAN_H_
