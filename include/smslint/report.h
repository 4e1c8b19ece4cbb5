// File: smslint/report.h
//
// Defines smslint::Report, what Linter::Lint returns for one message, and
// its JSON form (the contract documented in docs/report.schema.json).
//
//   smslint::Report r = linter.Lint(message);
//   if (r.MaxSeverity() == smslint::Severity::kError) { /* will fail */ }
//   std::string json = smslint::ReportToJson(r);
#ifndef SMSLINT_REPORT_H_
#define SMSLINT_REPORT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "smslint/diagnostic.h"
#include "smslint/export.h"
#include "smslint/numbers.h"
#include "smslint/segments.h"

namespace smslint {

// The version of the JSON report format. It grows by one for any change
// that can break a reader (a renamed or removed field, a changed meaning);
// new optional fields do not change it.
inline constexpr int kReportFormatVersion = 1;

// How many entries a JSON report writes of each list that grows with the
// body: segments.segments, segments.non_gsm and a fix's edits. A 1M-emoji
// body would otherwise make a 100 MB report. What is left out is counted
// in segments_omitted, non_gsm_omitted and edits_omitted (written only when
// not 0); the counts (segment_count, ...) and the Report itself stay whole.
inline constexpr size_t kMaxReportListEntries = 1000;

// The content-risk score: the sum of the weights of the rules that fired
// (SpamAssassin's model; docs/content.md), and its band.
enum class RiskBand { kLow, kElevated, kHigh };
SMSLINT_API std::string_view RiskBandName(RiskBand band);  // "low", ...

struct RiskContribution {
  std::string rule_id;
  double weight = 0.0;
};

struct Risk {
  double score = 0.0;
  RiskBand band = RiskBand::kLow;
  // Each scoring rule that fired, in the order of Report::diagnostics.
  std::vector<RiskContribution> contributions;
  // The band limits the score was judged by (Options).
  double elevated_threshold = 3.0;
  double high_threshold = 5.0;
};

// smslint::Report
struct SMSLINT_API Report {
  std::string id;                        // Message::id
  std::vector<Diagnostic> diagnostics;   // ordered by field, span, rule id
  SegmentInfo segments;                  // the body's segment analysis
  // What the numbers are; nullopt when the field is empty (from_number
  // describes messaging_service_id when there is no from).
  std::optional<NumberInfo> to_number;
  std::optional<NumberInfo> from_number;
  Risk risk;                             // content-risk score and band

  // The highest severity found; nullopt when there are no diagnostics.
  std::optional<Severity> MaxSeverity() const;
  size_t Count(Severity s) const;
};

// Puts diagnostics in a report's documented order: by field, then span
// start (no span first), then rule id; stable, so diagnostics with equal
// keys keep their order. Linter::Lint returns them so; a front end that
// adds diagnostics of its own (a duplicate recipient) sorts again.
SMSLINT_API void SortDiagnostics(std::vector<Diagnostic>& diagnostics);

// smslint::ReportContext
//
// Where the message came from, written into the JSON when set.
struct ReportContext {
  std::optional<size_t> line;  // 1-based input line
  std::optional<size_t> row;   // 1-based data row (CSV input)
};

// The report as one JSON object on one line (no trailing newline).
SMSLINT_API std::string ReportToJson(const Report& report,
                                     const ReportContext& context = {});

// The segment analysis alone as a JSON object: format_version, error, then
// the fields of a report's "segments" (docs/report.schema.json).
SMSLINT_API std::string SegmentInfoToJson(const SegmentInfo& info);

}  // namespace smslint

#endif  // SMSLINT_REPORT_H_
