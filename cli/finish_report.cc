#include "finish_report.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <utility>

namespace smslint::cli {

void SortDiagnostics(std::vector<Diagnostic>& diagnostics) {
  // The key of Linter::Lint (src/linter.cc).
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     const size_t sa = a.span ? a.span->byte_begin : 0;
                     const size_t sb = b.span ? b.span->byte_begin : 0;
                     return std::tie(a.field, sa, a.rule_id) <
                            std::tie(b.field, sb, b.rule_id);
                   });
}

void FinishReport(const Linter& linter, std::vector<InputProblem> problems,
                  Report& report) {
  for (InputProblem& p : problems) {
    if (auto d = linter.MakeDiagnostic(p.rule_id, "input", std::nullopt,
                                       std::move(p.args))) {
      report.diagnostics.push_back(std::move(*d));
    }
  }
  SortDiagnostics(report.diagnostics);
}

Report LintRecord(const Linter& linter, Record& record, const Report& unusable) {
  Report report;
  if (record.usable) {
    report = linter.Lint(record.message);
  } else {
    report = unusable;
    report.id = record.message.id;
  }
  FinishReport(linter, std::move(record.problems), report);
  record.problems.clear();
  return report;
}

}  // namespace smslint::cli
