// Linter::LintParsed and LintJson: a decoded record to its finished report,
// the one path smslint check, batch, the C ABI and the bindings share.
#include <string_view>
#include <utility>

#include "smslint/linter.h"
#include "smslint/parse.h"
#include "smslint/report.h"
#include "smslint/segments.h"

namespace smslint {

Report Linter::LintParsed(const ParsedMessage& parsed) const {
  Report report;
  if (parsed.usable) {
    report = Lint(parsed.message);
  } else {
    // Not a message: nothing to analyse, but the report keeps its shape
    // (an empty body's segments, the thresholds), as readers expect.
    report.id = parsed.message.id;
    report.segments = AnalyzeSegments("");
    report.risk.elevated_threshold = options().elevated_threshold;
    report.risk.high_threshold = options().high_threshold;
  }
  if (parsed.problems.empty()) return report;
  for (const InputProblem& p : parsed.problems) {
    if (auto d = MakeDiagnostic(p.rule_id, "input", std::nullopt, p.args)) {
      report.diagnostics.push_back(std::move(*d));
    }
  }
  SortDiagnostics(report.diagnostics);
  return report;
}

Report Linter::LintJson(std::string_view json) const {
  return LintParsed(ParseMessage(json));
}

}  // namespace smslint
