// The last step of every report, the same in smslint check and smslint
// batch: input problems become diagnostics (in the order found) and the
// whole list keeps the report's documented order, by field, then span
// start, then rule id, as Linter::Lint sorts it.
#ifndef SMSLINT_CLI_FINISH_REPORT_H_
#define SMSLINT_CLI_FINISH_REPORT_H_

#include <vector>

#include "jsonl_reader.h"
#include "records/record.h"
#include "smslint/linter.h"
#include "smslint/report.h"

namespace smslint::cli {

// Stable: diagnostics with equal keys keep their order.
void SortDiagnostics(std::vector<Diagnostic>& diagnostics);

// Appends each problem as a diagnostic on the field "input" (problems of a
// disabled rule are dropped), then sorts.
void FinishReport(const Linter& linter, std::vector<InputProblem> problems,
                  Report& report);

// The finished report of a decoded record: the Linter's when the record is
// usable, else `unusable` with the record's id.
Report LintRecord(const Linter& linter, Record& record, const Report& unusable);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_FINISH_REPORT_H_
