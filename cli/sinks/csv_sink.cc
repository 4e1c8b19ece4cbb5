#include "sinks/csv_sink.h"

#include <set>
#include <string_view>

#include "output.h"

namespace smslint::cli {
namespace {

std::string CsvQuote(std::string_view s, char delim) {
  bool need = false;
  for (char c : s) {
    if (c == delim || c == '"' || c == '\r' || c == '\n') { need = true; break; }
  }
  if (!need) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace

void CsvSink::Begin() {
  std::string h;
  for (const std::string& c : columns_) {
    h += CsvQuote(c, delimiter_);
    h.push_back(delimiter_);
  }
  const char* names[] = {"smslint_status", "smslint_errors",
                         "smslint_warnings", "smslint_e164",
                         "smslint_segments", "smslint_encoding",
                         "smslint_risk_score", "smslint_risk_band",
                         "smslint_rules", "smslint_message"};
  for (size_t i = 0; i < std::size(names); ++i) {
    if (i > 0) h.push_back(delimiter_);
    h += names[i];
  }
  h += "\r\n";
  Put(h);
}

void CsvSink::Render(const Record& record, const Report& rep,
                     std::string* out) const {
  const char dl = delimiter_;
  const size_t width = columns_.size();
  std::string& o = *out;
  o.clear();
  for (size_t i = 0; i < width; ++i) {
    if (i < record.fields.size()) o += CsvQuote(record.fields[i], dl);
    o.push_back(dl);
  }
  const auto max = rep.MaxSeverity();
  o += max ? std::string(SeverityName(*max)) : "ok";
  o.push_back(dl);
  o += std::to_string(rep.Count(Severity::kError));
  o.push_back(dl);
  o += std::to_string(rep.Count(Severity::kWarning));
  o.push_back(dl);
  if (rep.to_number) o += CsvQuote(rep.to_number->e164, dl);
  o.push_back(dl);
  if (record.usable) {
    o += std::to_string(rep.segments.segment_count);
    o.push_back(dl);
    o += std::string(EncodingName(rep.segments.encoding));
    o.push_back(dl);
    o += FormatWeight(rep.risk.score);
    o.push_back(dl);
    o += std::string(RiskBandName(rep.risk.band));
  } else {
    o.append(3, dl);
  }
  o.push_back(dl);
  std::string rules;
  std::set<std::string_view> seen;
  for (const Diagnostic& d : rep.diagnostics) {
    if (!seen.insert(d.rule_id).second) continue;
    if (!rules.empty()) rules.push_back(' ');
    rules += d.rule_id;
  }
  o += CsvQuote(rules, dl);
  o.push_back(dl);
  const Diagnostic* first = nullptr;
  for (const Diagnostic& d : rep.diagnostics) {
    if (d.severity == Severity::kError) { first = &d; break; }
  }
  if (first == nullptr) {
    for (const Diagnostic& d : rep.diagnostics) {
      if (d.severity == Severity::kWarning) { first = &d; break; }
    }
  }
  if (first != nullptr) o += CsvQuote(first->message, dl);
  o += "\r\n";
}

}  // namespace smslint::cli
