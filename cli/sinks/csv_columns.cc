#include "sinks/csv_columns.h"

#include <set>

#include "output.h"

namespace smslint::cli {

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

std::array<std::string, kCsvResultColumns.size()> CsvResultValues(
    const Report& rep, bool usable) {
  std::array<std::string, kCsvResultColumns.size()> v;
  const auto max = rep.MaxSeverity();
  v[0] = max ? std::string(SeverityName(*max)) : "ok";
  v[1] = std::to_string(rep.Count(Severity::kError));
  v[2] = std::to_string(rep.Count(Severity::kWarning));
  if (rep.to_number) v[3] = rep.to_number->e164;
  if (usable) {
    v[4] = std::to_string(rep.segments.segment_count);
    v[5] = std::string(EncodingName(rep.segments.encoding));
    v[6] = FormatWeight(rep.risk.score);
    v[7] = std::string(RiskBandName(rep.risk.band));
  }
  std::set<std::string_view> seen;
  for (const Diagnostic& d : rep.diagnostics) {
    if (!seen.insert(d.rule_id).second) continue;
    if (!v[8].empty()) v[8].push_back(' ');
    v[8] += d.rule_id;
  }
  // The first error's message, else the first warning's.
  const Diagnostic* first = nullptr;
  for (const Diagnostic& d : rep.diagnostics) {
    if (d.severity == Severity::kError) { first = &d; break; }
  }
  if (first == nullptr) {
    for (const Diagnostic& d : rep.diagnostics) {
      if (d.severity == Severity::kWarning) { first = &d; break; }
    }
  }
  if (first != nullptr) v[9] = first->message;
  return v;
}

}  // namespace smslint::cli
