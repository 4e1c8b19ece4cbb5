#include "finish_report.h"

#include <utility>

#include "smslint/parse.h"

namespace smslint::cli {

Report LintRecord(const Linter& linter, Record& record) {
  // Lend the record's message to a ParsedMessage and take it back: the
  // sinks and duplicate tracking read it afterwards.
  ParsedMessage parsed;
  parsed.message = std::move(record.message);
  parsed.problems = std::move(record.problems);
  parsed.usable = record.usable;
  Report report = linter.LintParsed(parsed);
  record.message = std::move(parsed.message);
  record.problems.clear();
  return report;
}

}  // namespace smslint::cli
