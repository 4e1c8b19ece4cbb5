// JSON form of reports: the contract in docs/report.schema.json. Keys are
// written in a fixed order (nlohmann::ordered_json) so output is stable
// byte for byte.
#include <nlohmann/json.hpp>

#include "smslint/report.h"
#include "smslint/version.h"

namespace smslint {
namespace {

using Json = nlohmann::ordered_json;

Json SpanJson(const Span& s) {
  return Json{{"byte_begin", s.byte_begin},
              {"byte_end", s.byte_end},
              {"utf16_begin", s.utf16_begin},
              {"utf16_end", s.utf16_end}};
}

// Appends the segment analysis fields to `j`.
void AddSegments(const SegmentInfo& info, Json& j) {
  j["encoding"] = EncodingName(info.encoding);
  j["segment_count"] = info.segment_count;
  j["units"] = info.units;
  j["message_bits"] = info.message_bits;
  j["total_bits"] = info.total_bits;
  j["characters"] = info.characters;
  j["code_points"] = info.code_points;
  j["utf16_units"] = info.utf16_units;
  j["bytes"] = info.bytes;
  const std::string_view lb = LineBreakStyleName(info.line_break_style);
  j["line_break_style"] = lb.empty() ? Json(nullptr) : Json(lb);
  Json segs = Json::array();
  for (const SegmentSpan& s : info.segments) {
    segs.push_back(Json{{"span", SpanJson(s.span)},
                        {"fill", s.fill},
                        {"capacity", s.capacity}});
  }
  j["segments"] = std::move(segs);
  Json non_gsm = Json::array();
  for (const NonGsmCharacter& c : info.non_gsm) {
    non_gsm.push_back(Json{{"text", c.text}, {"span", SpanJson(c.span)}});
  }
  j["non_gsm"] = std::move(non_gsm);
  j["smart_encoded"] = info.smart_encoded;
  j["smart_text"] = info.smart_encoded ? Json(info.smart_text) : Json(nullptr);
  j["invalid_utf8_offset"] =
      info.invalid_utf8 ? Json(info.invalid_utf8_offset) : Json(nullptr);
}

Json DiagnosticJson(const Diagnostic& d) {
  Json j;
  j["rule_id"] = d.rule_id;
  j["severity"] = SeverityName(d.severity);
  j["field"] = d.field;
  j["span"] = d.span ? SpanJson(*d.span) : Json(nullptr);
  j["message"] = d.message;
  j["twilio_code"] = d.twilio_code ? Json(d.twilio_code) : Json(nullptr);
  j["weight"] = d.weight;
  Json args = Json::object();
  for (const auto& [k, v] : d.args) args[k] = v;
  j["args"] = std::move(args);
  if (d.fix) {
    Json edits = Json::array();
    for (const Edit& e : d.fix->edits) {
      edits.push_back(Json{{"span", SpanJson(e.span)},
                           {"replacement", e.replacement}});
    }
    j["fix"] = Json{{"description", d.fix->description},
                    {"applicability", ApplicabilityName(d.fix->applicability)},
                    {"edits", std::move(edits)}};
  } else {
    j["fix"] = nullptr;
  }
  return j;
}

Json NumberJson(const std::optional<NumberInfo>& info) {
  if (!info) return nullptr;
  auto or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  Json j;
  j["input"] = info->input;
  j["kind"] = NumberKindName(info->kind);
  j["e164"] = or_null(info->e164);
  j["region"] = or_null(info->region);
  j["country_code"] = info->country_code ? Json(info->country_code) : Json(nullptr);
  j["type"] = NumberTypeName(info->type);
  j["possible"] = info->possible;
  j["valid"] = info->valid;
  j["reason"] = or_null(info->reason);
  return j;
}

std::string Dump(const Json& j) {
  // Invalid UTF-8 in any string is written as U+FFFD rather than throwing.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string_view RiskBandName(RiskBand band) {
  switch (band) {
    case RiskBand::kLow:
      return "low";
    case RiskBand::kElevated:
      return "elevated";
    case RiskBand::kHigh:
      return "high";
  }
  return "low";
}

std::optional<Severity> Report::MaxSeverity() const {
  std::optional<Severity> max;
  for (const Diagnostic& d : diagnostics) {
    if (!max || d.severity > *max) max = d.severity;
  }
  return max;
}

size_t Report::Count(Severity s) const {
  size_t n = 0;
  for (const Diagnostic& d : diagnostics) n += d.severity == s;
  return n;
}

std::string ReportToJson(const Report& report, const ReportContext& context) {
  Json j;
  j["format_version"] = kReportFormatVersion;
  j["id"] = report.id;
  j["line"] = context.line ? Json(*context.line) : Json(nullptr);
  if (context.row) j["row"] = *context.row;
  j["summary"] = Json{{"errors", report.Count(Severity::kError)},
                      {"warnings", report.Count(Severity::kWarning)},
                      {"infos", report.Count(Severity::kInfo)}};
  Json diags = Json::array();
  for (const Diagnostic& d : report.diagnostics) diags.push_back(DiagnosticJson(d));
  j["diagnostics"] = std::move(diags);
  Json contributions = Json::array();
  for (const RiskContribution& c : report.risk.contributions) {
    contributions.push_back(Json{{"rule_id", c.rule_id}, {"weight", c.weight}});
  }
  j["risk"] = Json{{"score", report.risk.score},
                   {"band", RiskBandName(report.risk.band)},
                   {"elevated_threshold", report.risk.elevated_threshold},
                   {"high_threshold", report.risk.high_threshold},
                   {"contributions", std::move(contributions)}};
  j["to_number"] = NumberJson(report.to_number);
  j["from_number"] = NumberJson(report.from_number);
  Json segments;
  AddSegments(report.segments, segments);
  j["segments"] = std::move(segments);
  return Dump(j);
}

std::string SegmentInfoToJson(const SegmentInfo& info) {
  Json j;
  j["format_version"] = kReportFormatVersion;
  if (info.error == SegmentError::kIncompatibleWithGsm7) {
    j["error"] = "The string provided is incompatible with GSM-7 encoding";
  } else {
    j["error"] = nullptr;
  }
  AddSegments(info, j);
  return Dump(j);
}

}  // namespace smslint
