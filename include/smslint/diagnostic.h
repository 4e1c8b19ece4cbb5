// File: smslint/diagnostic.h
//
// Defines smslint::Diagnostic, one finding of the linter, with its Span,
// Fix and Severity.
//
//   for (const smslint::Diagnostic& d : report.diagnostics) {
//     // d.rule_id == "segments/forces-ucs2"
//     // d.severity == smslint::Severity::kWarning
//     // d.Arg("characters") == "’"
//   }
#ifndef SMSLINT_DIAGNOSTIC_H_
#define SMSLINT_DIAGNOSTIC_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smslint/export.h"

namespace smslint {

// smslint::Severity
//
// Ordered: kInfo < kWarning < kError.
enum class Severity {
  kInfo = 0,     // worth knowing; nothing will fail
  kWarning = 1,  // the message will cost more, or may be filtered or fail
  kError = 2,    // the message will be rejected or cannot be delivered
};

// "info", "warning", "error".
SMSLINT_API std::string_view SeverityName(Severity s);
SMSLINT_API std::optional<Severity> ParseSeverity(std::string_view name);

// smslint::Span
//
// A half-open range [begin, end) in a field's text, in UTF-8 bytes and in
// UTF-16 code units (what JavaScript, Java and Twilio's calculator index by).
struct Span {
  size_t byte_begin = 0;
  size_t byte_end = 0;
  size_t utf16_begin = 0;
  size_t utf16_end = 0;
  // Written out (not defaulted) so the header stays C++17.
  bool operator==(const Span& o) const {
    return byte_begin == o.byte_begin && byte_end == o.byte_end &&
           utf16_begin == o.utf16_begin && utf16_end == o.utf16_end;
  }
  bool operator!=(const Span& o) const { return !(*this == o); }
};

// smslint::Edit
//
// Replace the text at `span` of the diagnostic's field with `replacement`.
struct Edit {
  Span span;
  std::string replacement;
};

// smslint::Applicability
enum class Applicability {
  kSafe,         // keeps the meaning; may be applied automatically
  kUnsafe,       // changes the text a reader sees; apply only after review
  kDisplayOnly,  // a suggestion to show, not to apply
};

SMSLINT_API std::string_view ApplicabilityName(Applicability a);

// smslint::Fix
//
// Edits that resolve the diagnostic, sorted by span, non-overlapping.
struct Fix {
  std::string description;
  Applicability applicability = Applicability::kUnsafe;
  std::vector<Edit> edits;
};

// smslint::Diagnostic
struct Diagnostic {
  std::string rule_id;   // stable id, e.g. "segments/forces-ucs2"
  Severity severity = Severity::kWarning;
  std::string field;     // "to", "from", "body", "media[0]", "input"
  std::optional<Span> span;  // where in the field; none for whole-field findings
  std::string message;   // rendered from the rule's template and `args`
  int twilio_code = 0;   // Twilio error code it predicts; 0 when none
  // Named values the message was rendered from, in template order. Tests
  // and programs should read these, not the English message.
  std::vector<std::pair<std::string, std::string>> args;
  std::optional<Fix> fix;
  // What this finding adds to the content-risk score (Report::risk): the
  // rule's weight, after Options::weights. 0 for rules that do not score.
  double weight = 0.0;

  // The value of a named argument, or "" when absent.
  std::string_view Arg(std::string_view name) const {
    for (const auto& [k, v] : args) {
      if (k == name) return v;
    }
    return {};
  }
};

}  // namespace smslint

#endif  // SMSLINT_DIAGNOSTIC_H_
