#include "batch/pumping.h"

#include <cmath>
#include <cstdio>
#include <string_view>

#include <nlohmann/json.hpp>

namespace smslint::cli {
namespace {

struct HighRiskPrefix {
  std::string_view prefix, region, name, risk;
};
#include "gen/high_risk_prefixes.inc"

const HighRiskPrefix* FindHighRisk(std::string_view e164) {
  const std::string_view digits = e164.substr(1);
  for (const HighRiskPrefix& p : kHighRiskPrefixes) {
    if (digits.substr(0, p.prefix.size()) == p.prefix) return &p;
  }
  return nullptr;
}

uint64_t Key(std::string_view e164) {
  if (e164.size() < 2 || e164.size() > 16 || e164[0] != '+') return 0;
  uint64_t k = 0;
  for (char c : e164.substr(1)) {
    if (c < '0' || c > '9') return 0;
    k = k * 10 + static_cast<uint64_t>(c - '0');
  }
  return k;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.1f", v);
  return buf;
}

}  // namespace

PumpingDetector::PumpingDetector(const PumpingOptions& options) : options_(options) {
  for (const std::string& c : options.expected_countries) {
    expected_.push_back(Upper(c));
    expected_text_ += (expected_text_.empty() ? "" : ", ") + expected_.back();
  }
  block_div_ = 1;
  for (uint32_t i = 0; i < options.block_digits && i < 18; ++i) block_div_ *= 10;
}

std::vector<PumpingHit> PumpingDetector::Row(const Report& report, uint64_t row) {
  std::vector<PumpingHit> hits;
  const NumberInfo* to = report.to_number ? &*report.to_number : nullptr;
  const uint64_t key = to != nullptr ? Key(to->e164) : 0;
  if (key == 0) {
    run_len_ = 0;
    prev_key_ = 0;
    return hits;
  }
  ++rows_;
  // Sequential runs, in input order.
  if (options_.sequential_run > 0) {
    if (prev_key_ != 0 && key == prev_key_ + 1) {
      ++run_len_;
    } else {
      run_len_ = 1;
      run_start_row_ = row;
      run_start_number_ = to->e164;
    }
    if (run_len_ >= options_.sequential_run) {
      if (run_len_ == options_.sequential_run) ++counts_.sequential_runs;
      ++counts_.sequential_rows;
      hits.push_back({"pumping/sequential-run",
                      {{"number", to->e164},
                       {"position", std::to_string(run_len_)},
                       {"start", run_start_number_},
                       {"start_row", std::to_string(run_start_row_)}}});
    }
  }
  prev_key_ = key;
  // Concentration in one number block.
  const uint64_t block = key / block_div_;
  auto it = blocks_.find(block);
  if (it == blocks_.end() && blocks_.size() < kMaxBlocks) {
    it = blocks_.emplace(block, 0).first;
  }
  if (it != blocks_.end()) {
    const uint64_t n = ++it->second;
    const double share = 100.0 * static_cast<double>(n) / static_cast<double>(rows_);
    if (n >= options_.block_min_rows && share > options_.block_share_percent) {
      ++counts_.block_rows;
      if (flagged_blocks_.emplace(block, true).second) ++counts_.blocks;
      const std::string digits = std::to_string(block);
      hits.push_back({"pumping/number-block-concentration",
                      {{"number", to->e164},
                       {"block", "+" + digits + std::string(options_.block_digits, 'X')},
                       {"count", std::to_string(n)},
                       {"share", Percent(share)}}});
    }
  }
  if (!expected_.empty() && !to->region.empty()) {
    bool expected = false;
    for (const std::string& r : expected_) expected |= r == to->region;
    if (!expected) {
      ++counts_.unexpected_country_rows;
      hits.push_back({"pumping/unexpected-country",
                      {{"number", to->e164}, {"region", to->region}, {"expected", expected_text_}}});
    }
  }
  if (options_.high_risk_prefixes) {
    if (const HighRiskPrefix* p = FindHighRisk(to->e164)) {
      ++counts_.high_risk_rows;
      hits.push_back({"pumping/high-risk-prefix",
                      {{"number", to->e164},
                       {"prefix", std::string(p->prefix)},
                       {"country", std::string(p->name)},
                       {"risk", std::string(p->risk)}}});
    }
  }
  if (options_.premium_destinations &&
      (to->type == NumberType::kPremiumRate || to->type == NumberType::kSharedCost)) {
    ++counts_.premium_rows;  // the row already has to/premium-rate or to/shared-cost
  }
  return hits;
}

std::string PumpingHuman(const PumpingDetector& d) {
  const PumpingCounts& c = d.counts();
  if (!c.any()) return "";
  const PumpingOptions& o = d.options();
  std::string out =
      "SMS pumping indicators (traffic Twilio's pumping protection may block, 30450; "
      "docs/batch.md):\n";
  if (c.sequential_rows > 0) {
    out += "  sequential numbers: " + std::to_string(c.sequential_runs) + " run(s), " +
           std::to_string(c.sequential_rows) + " row(s) at position " +
           std::to_string(o.sequential_run) +
           " or later: consecutive numbers (n, n+1, ...) in input order are how scripted "
           "sign-ups to number ranges look\n";
  }
  if (c.block_rows > 0) {
    out += "  number block: " + std::to_string(c.blocks) + " block(s) of 10^" +
           std::to_string(o.block_digits) + " numbers, " + std::to_string(c.block_rows) +
           " row(s) beyond " + Percent(o.block_share_percent) +
           "% of the batch (and at least " + std::to_string(o.block_min_rows) +
           " rows): real lists spread over many blocks; pumping targets ranges one "
           "operator owns\n";
  }
  if (c.unexpected_country_rows > 0) {
    out += "  unexpected countries: " + std::to_string(c.unexpected_country_rows) +
           " row(s) outside expected_countries: pumping sends to countries the business "
           "does not serve\n";
  }
  if (c.high_risk_rows > 0) {
    out += "  high-risk prefixes: " + std::to_string(c.high_risk_rows) +
           " row(s) in data/account/high_risk_prefixes.tsv: country codes often targeted "
           "by pumping and toll fraud\n";
  }
  if (c.premium_rows > 0) {
    out += "  premium destinations: " + std::to_string(c.premium_rows) +
           " premium-rate or shared-cost recipient(s) (to/premium-rate, to/shared-cost): "
           "such numbers earn their owner money per message\n";
  }
  return out;
}

std::string PumpingJson(const PumpingDetector& d) {
  using Json = nlohmann::ordered_json;
  const PumpingCounts& c = d.counts();
  Json j = Json::object();
  j["sequential_run"] = {{"rows", c.sequential_rows}, {"runs", c.sequential_runs}};
  j["number_block_concentration"] = {{"rows", c.block_rows}, {"blocks", c.blocks}};
  j["unexpected_country"] = {{"rows", c.unexpected_country_rows}};
  j["high_risk_prefix"] = {{"rows", c.high_risk_rows}};
  j["premium_destination"] = {{"rows", c.premium_rows}};
  return j.dump();
}

}  // namespace smslint::cli
