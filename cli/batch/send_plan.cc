#include "batch/send_plan.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "output.h"

namespace smslint::cli {

uint64_t Gsm7Segments(uint64_t characters) {
  if (characters <= 160) return 1;
  return (characters + 152) / 153;
}

void SendPlan::Add(uint64_t row, uint64_t line, const Report& report, bool fixed,
                   const std::vector<const Diagnostic*>& blocking, bool linted,
                   uint32_t smart_segments, const std::string& to) {
  if (linted) {
    ++segment_histogram[std::min<uint32_t>(report.segments.segment_count, 10)];
    ++encodings[std::string(EncodingName(report.segments.encoding))];
    ++risk_bands[std::string(RiskBandName(report.risk.band))];
  }
  if (!blocking.empty()) {
    ++blocked;
    std::set<std::string_view> seen;
    BlockedRow b{row, line, to, {}, {}};
    for (const Diagnostic* d : blocking) {
      if (!seen.insert(d->rule_id).second) continue;
      Reason& r = blocked_by[d->rule_id];
      ++r.rows;
      if (r.first_rows.size() < kFirstRows) r.first_rows.push_back(row);
      b.rules.push_back(d->rule_id);
      b.reasons.push_back(d->message);
    }
    if (blocked_rows.size() < kMaxBlockedRows) blocked_rows.push_back(std::move(b));
    return;
  }
  ++(fixed ? after_fixes : as_is);
  std::string region = report.to_number ? report.to_number->region : "";
  ++countries[region.empty() ? "unknown" : region];
  const uint32_t n = report.segments.segment_count;
  segments += n;
  if (report.segments.encoding == Encoding::kUcs2) {
    ++ucs2_rows;
    ucs2_segments += n;
    ucs2_as_gsm7 += Gsm7Segments(report.segments.characters);
    ucs2_smart += smart_segments != 0 ? smart_segments : n;
  }
}

namespace {

std::string Cost(const std::optional<Price>& price, uint64_t segments) {
  return price ? " (" + Multiply(*price, segments) + ")" : "";
}

}  // namespace

std::string SendPlanHuman(const SendPlan& p, const std::optional<Price>& price) {
  std::string out = "to send: " + std::to_string(p.as_is + p.after_fixes) +
                    " row(s) (" + std::to_string(p.as_is) + " as is, " +
                    std::to_string(p.after_fixes) + " after safe fixes), " +
                    std::to_string(p.segments) + " segment(s)";
  if (price) out += ", estimated cost " + Multiply(*price, p.segments);
  out += "; blocked: " + std::to_string(p.blocked) + " row(s)\n";
  for (const auto& [id, r] : p.blocked_by) {
    out += "  blocked by " + id + ": " + std::to_string(r.rows) + " (row";
    if (r.first_rows.size() > 1) out += "s";
    for (size_t i = 0; i < r.first_rows.size(); ++i) {
      out += (i == 0 ? " " : ", ") + std::to_string(r.first_rows[i]);
    }
    if (r.rows > r.first_rows.size()) out += ", ...";
    out += ")\n";
  }
  if (p.ucs2_rows != 0) {
    const uint64_t extra = p.ucs2_segments - std::min(p.ucs2_segments, p.ucs2_as_gsm7);
    const uint64_t saved = p.ucs2_segments - std::min(p.ucs2_segments, p.ucs2_smart);
    out += "  UCS-2: " + std::to_string(p.ucs2_rows) + " row(s), " +
           std::to_string(p.ucs2_segments) + " segment(s), " + std::to_string(extra) +
           " more than in GSM-7" + Cost(price, extra) + "; Smart Encoding would save " +
           std::to_string(saved) + Cost(price, saved) + "\n";
  }
  if (!p.countries.empty()) {
    std::vector<std::pair<std::string, uint64_t>> c(p.countries.begin(), p.countries.end());
    std::stable_sort(c.begin(), c.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    out += "  recipients by country:";
    for (size_t i = 0; i < c.size(); ++i) {
      out += (i == 0 ? " " : ", ") + c[i].first + " " + std::to_string(c[i].second);
    }
    out += "\n";
  }
  return out;
}

std::string SendPlanJson(const SendPlan& p, const std::optional<Price>& price) {
  using Json = nlohmann::ordered_json;
  auto cost = [&](uint64_t n) -> Json {
    if (!price) return nullptr;
    return std::stod(Multiply(*price, n));
  };
  Json j;
  j["sendable_as_is"] = p.as_is;
  j["sendable_after_fixes"] = p.after_fixes;
  j["blocked"] = p.blocked;
  Json by = Json::object();
  for (const auto& [id, r] : p.blocked_by) {
    by[id] = {{"rows", r.rows}, {"first_rows", r.first_rows}};
  }
  j["blocked_by_rule"] = std::move(by);
  Json countries = Json::object();
  for (const auto& [c, n] : p.countries) countries[c] = n;
  j["recipients_by_country"] = std::move(countries);
  const uint64_t extra = p.ucs2_segments - std::min(p.ucs2_segments, p.ucs2_as_gsm7);
  const uint64_t saved = p.ucs2_segments - std::min(p.ucs2_segments, p.ucs2_smart);
  j["to_send"] = {{"rows", p.as_is + p.after_fixes},
                  {"segments", p.segments},
                  {"estimated_cost", cost(p.segments)},
                  {"ucs2_rows", p.ucs2_rows},
                  {"ucs2_segments", p.ucs2_segments},
                  {"ucs2_extra_segments", extra},
                  {"ucs2_extra_cost", cost(extra)},
                  {"smart_encoding_saves_segments", saved},
                  {"smart_encoding_saves_cost", cost(saved)}};
  Json hist = Json::object();
  for (const auto& [n, c] : p.segment_histogram) {
    hist[n >= 10 ? "10+" : std::to_string(n)] = c;
  }
  j["segment_histogram"] = std::move(hist);
  Json enc = Json::object();
  for (const auto& [e, c] : p.encodings) enc[e] = c;
  j["encodings"] = std::move(enc);
  Json bands = Json::object();
  for (const auto& [b, c] : p.risk_bands) bands[b] = c;
  j["risk_bands"] = std::move(bands);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace smslint::cli
