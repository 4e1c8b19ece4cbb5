// JSON form of reports: the contract in docs/report.schema.json. Keys are
// written in a fixed order so output is stable byte for byte; the writer
// (base/json_writer.h) streams, with no DOM per report.
#include <algorithm>
#include <span>
#include <string_view>
#include <vector>

#include "base/json_writer.h"
#include "smslint/report.h"
#include "smslint/version.h"

namespace smslint {
namespace {

using base::JsonWriter;

void WriteSpan(JsonWriter& w, const Span& s) {
  w.BeginObject();
  w.Key("byte_begin");
  w.Integer(s.byte_begin);
  w.Key("byte_end");
  w.Integer(s.byte_end);
  w.Key("utf16_begin");
  w.Integer(s.utf16_begin);
  w.Key("utf16_end");
  w.Integer(s.utf16_end);
  w.EndObject();
}

// The first kMaxReportListEntries of a list that grows with the body.
template <typename T>
std::span<const T> Capped(const std::vector<T>& list) {
  return std::span<const T>(list).first(std::min(list.size(), kMaxReportListEntries));
}

// "<key>_omitted": how many entries Capped left out, only when some were.
void WriteOmitted(JsonWriter& w, std::string_view key, size_t size) {
  if (size <= kMaxReportListEntries) return;
  w.Key(key);
  w.Integer(size - kMaxReportListEntries);
}

// Writes the segment analysis fields into the current object.
void WriteSegments(JsonWriter& w, const SegmentInfo& info) {
  w.Field("encoding", EncodingName(info.encoding));
  w.Key("segment_count");
  w.Integer(info.segment_count);
  w.Key("units");
  w.Integer(info.units);
  w.Key("message_bits");
  w.Integer(info.message_bits);
  w.Key("total_bits");
  w.Integer(info.total_bits);
  w.Key("characters");
  w.Integer(info.characters);
  w.Key("code_points");
  w.Integer(info.code_points);
  w.Key("utf16_units");
  w.Integer(info.utf16_units);
  w.Key("bytes");
  w.Integer(info.bytes);
  w.FieldOrNull("line_break_style", LineBreakStyleName(info.line_break_style));
  w.Key("segments");
  w.BeginArray();
  for (const SegmentSpan& s : Capped(info.segments)) {
    w.BeginObject();
    w.Key("span");
    WriteSpan(w, s.span);
    w.Key("fill");
    w.Integer(s.fill);
    w.Key("capacity");
    w.Integer(s.capacity);
    w.EndObject();
  }
  w.EndArray();
  WriteOmitted(w, "segments_omitted", info.segments.size());
  w.Key("non_gsm");
  w.BeginArray();
  for (const NonGsmCharacter& c : Capped(info.non_gsm)) {
    w.BeginObject();
    w.Field("text", c.text);
    w.Key("span");
    WriteSpan(w, c.span);
    w.EndObject();
  }
  w.EndArray();
  WriteOmitted(w, "non_gsm_omitted", info.non_gsm.size());
  w.Key("smart_encoded");
  w.Bool(info.smart_encoded);
  w.Key("smart_text");
  if (info.smart_encoded) {
    w.String(info.smart_text);
  } else {
    w.Null();
  }
  w.Key("invalid_utf8_offset");
  if (info.invalid_utf8) {
    w.Integer(info.invalid_utf8_offset);
  } else {
    w.Null();
  }
}

void WriteDiagnostic(JsonWriter& w, const Diagnostic& d) {
  w.BeginObject();
  w.Field("rule_id", d.rule_id);
  w.Field("severity", SeverityName(d.severity));
  w.Field("field", d.field);
  w.Key("span");
  if (d.span) {
    WriteSpan(w, *d.span);
  } else {
    w.Null();
  }
  w.Field("message", d.message);
  w.Key("twilio_code");
  if (d.twilio_code) {
    w.Integer(d.twilio_code);
  } else {
    w.Null();
  }
  w.Key("weight");
  w.Double(d.weight);
  w.Key("args");
  w.BeginObject();
  // A repeated argument name keeps its first position and last value, as
  // the ordered_json object this format was first written with did.
  for (size_t i = 0; i < d.args.size(); ++i) {
    bool earlier = false;
    for (size_t j = 0; j < i; ++j) earlier |= d.args[j].first == d.args[i].first;
    if (earlier) continue;
    std::string_view value = d.args[i].second;
    for (size_t j = i + 1; j < d.args.size(); ++j) {
      if (d.args[j].first == d.args[i].first) value = d.args[j].second;
    }
    w.Field(d.args[i].first, value);
  }
  w.EndObject();
  w.Key("fix");
  if (d.fix) {
    w.BeginObject();
    w.Field("description", d.fix->description);
    w.Field("applicability", ApplicabilityName(d.fix->applicability));
    w.Key("edits");
    w.BeginArray();
    for (const Edit& e : Capped(d.fix->edits)) {
      w.BeginObject();
      w.Key("span");
      WriteSpan(w, e.span);
      w.Field("replacement", e.replacement);
      w.EndObject();
    }
    w.EndArray();
    WriteOmitted(w, "edits_omitted", d.fix->edits.size());
    w.EndObject();
  } else {
    w.Null();
  }
  w.EndObject();
}

void WriteNumber(JsonWriter& w, const std::optional<NumberInfo>& info) {
  if (!info) {
    w.Null();
    return;
  }
  w.BeginObject();
  w.Field("input", info->input);
  w.Field("kind", NumberKindName(info->kind));
  w.FieldOrNull("e164", info->e164);
  w.FieldOrNull("region", info->region);
  w.Key("country_code");
  if (info->country_code) {
    w.Integer(info->country_code);
  } else {
    w.Null();
  }
  w.Field("type", NumberTypeName(info->type));
  w.Key("possible");
  w.Bool(info->possible);
  w.Key("valid");
  w.Bool(info->valid);
  w.FieldOrNull("reason", info->reason);
  w.EndObject();
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

std::string ReportToJson(const Report& report, const ReportContext& context) {
  std::string out;
  out.reserve(1024);
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("format_version");
  w.Integer(kReportFormatVersion);
  w.Field("id", report.id);
  w.Key("line");
  if (context.line) {
    w.Integer(*context.line);
  } else {
    w.Null();
  }
  if (context.row) {
    w.Key("row");
    w.Integer(*context.row);
  }
  w.Key("summary");
  w.BeginObject();
  w.Key("errors");
  w.Integer(report.Count(Severity::kError));
  w.Key("warnings");
  w.Integer(report.Count(Severity::kWarning));
  w.Key("infos");
  w.Integer(report.Count(Severity::kInfo));
  w.EndObject();
  w.Key("diagnostics");
  w.BeginArray();
  for (const Diagnostic& d : report.diagnostics) WriteDiagnostic(w, d);
  w.EndArray();
  w.Key("risk");
  w.BeginObject();
  w.Key("score");
  w.Double(report.risk.score);
  w.Field("band", RiskBandName(report.risk.band));
  w.Key("elevated_threshold");
  w.Double(report.risk.elevated_threshold);
  w.Key("high_threshold");
  w.Double(report.risk.high_threshold);
  w.Key("contributions");
  w.BeginArray();
  for (const RiskContribution& c : report.risk.contributions) {
    w.BeginObject();
    w.Field("rule_id", c.rule_id);
    w.Key("weight");
    w.Double(c.weight);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Key("to_number");
  WriteNumber(w, report.to_number);
  w.Key("from_number");
  WriteNumber(w, report.from_number);
  w.Key("segments");
  w.BeginObject();
  WriteSegments(w, report.segments);
  w.EndObject();
  w.EndObject();
  w.Finish();
  return out;
}

std::string SegmentInfoToJson(const SegmentInfo& info) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("format_version");
  w.Integer(kReportFormatVersion);
  w.Key("error");
  if (info.error == SegmentError::kIncompatibleWithGsm7) {
    w.String("The string provided is incompatible with GSM-7 encoding");
  } else {
    w.Null();
  }
  WriteSegments(w, info);
  w.EndObject();
  w.Finish();
  return out;
}

}  // namespace smslint
