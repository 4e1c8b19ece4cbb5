// The last step of every record, the same in smslint check and smslint
// batch: the library's Linter::LintParsed (the usable message's report, or
// the empty one of a record that is not a message, with the input problems
// as diagnostics in the documented order).
#ifndef SMSLINT_CLI_FINISH_REPORT_H_
#define SMSLINT_CLI_FINISH_REPORT_H_

#include "records/record.h"
#include "smslint/linter.h"
#include "smslint/report.h"

namespace smslint::cli {

// The finished report of a decoded record; moves its message and problems
// out (the record keeps its fields and position).
Report LintRecord(const Linter& linter, Record& record);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_FINISH_REPORT_H_
