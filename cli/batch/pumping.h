// SMS-pumping indicators of `smslint batch` (docs/batch.md, "SMS
// pumping"): computed by the ordered writer, in input order, from each
// row's report; thresholds are Options::account.pumping.
#ifndef SMSLINT_CLI_BATCH_PUMPING_H_
#define SMSLINT_CLI_BATCH_PUMPING_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "smslint/account.h"
#include "smslint/report.h"

namespace smslint::cli {

// One indicator that fired on a row: the rule id and its arguments.
struct PumpingHit {
  std::string rule_id;
  std::vector<std::pair<std::string, std::string>> args;
};

// What the summary says about each indicator.
struct PumpingCounts {
  uint64_t sequential_rows = 0, sequential_runs = 0;
  uint64_t block_rows = 0, blocks = 0;
  uint64_t unexpected_country_rows = 0;
  uint64_t high_risk_rows = 0;
  uint64_t premium_rows = 0;  // premium-rate or shared-cost recipients
  bool any() const {
    return sequential_rows + block_rows + unexpected_country_rows + high_risk_rows +
               premium_rows > 0;
  }
};

class PumpingDetector {
 public:
  // At most this many number blocks are counted; later new blocks are not
  // (memory stays flat, like the duplicate table).
  static constexpr size_t kMaxBlocks = 1 << 20;

  explicit PumpingDetector(const PumpingOptions& options);

  // The indicators a row fires, given its report (rows must come in input
  // order; `row` is its 1-based number). Rows without an E.164 recipient
  // fire none and break a sequential run.
  std::vector<PumpingHit> Row(const Report& report, uint64_t row);

  const PumpingCounts& counts() const { return counts_; }
  const PumpingOptions& options() const { return options_; }

 private:
  PumpingOptions options_;
  std::vector<std::string> expected_;  // upper-cased
  std::string expected_text_;          // "US, CA"
  uint64_t block_div_ = 1000;
  uint64_t rows_ = 0;       // rows with an E.164 recipient
  uint64_t prev_key_ = 0;   // the previous row's number
  uint64_t run_len_ = 0;    // length of the run the previous row ended
  uint64_t run_start_row_ = 0;
  std::string run_start_number_;
  std::unordered_map<uint64_t, uint32_t> blocks_;
  std::unordered_map<uint64_t, bool> flagged_blocks_;
  PumpingCounts counts_;
};

// The summary's text lines ("" when nothing fired) and JSON object.
std::string PumpingHuman(const PumpingDetector& d);
std::string PumpingJson(const PumpingDetector& d);  // a JSON object

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_PUMPING_H_
