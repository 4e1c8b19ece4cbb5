// One input record (a CSV data row or a JSON Lines line) on its way to a
// report: where it is, what was read, and the Message decoded from it.
#ifndef SMSLINT_CLI_RECORDS_RECORD_H_
#define SMSLINT_CLI_RECORDS_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jsonl_reader.h"
#include "smslint/message.h"

namespace smslint::cli {

struct Record {
  uint64_t row = 0;     // 1-based data row (blank CSV lines are not rows)
  uint64_t line = 0;    // physical line the record starts on
  // Input byte offset of its first byte; for JSONL counted from the lines
  // as read (a '\r' before '\n' and the cut part of an over-long line are
  // not), which only progress display uses.
  uint64_t offset = 0;

  // What RecordSource::Read found.
  std::string text;                 // JSONL: the line, without terminator
  bool too_long = false;            // JSONL: the line was over the limit
  std::vector<std::string> fields;  // CSV: the fields; after Decode, also
                                    // JSONL: what CSV output echoes
  std::string error;                // CSV: the reader's record error

  // What RecordSource::Decode made of it.
  Message message;
  std::vector<InputProblem> problems;
  bool usable = true;  // false: not linted (malformed row, broken line)
};

// Defaults for what a record does not say (smslint batch's --from, --kind,
// --first-message).
struct MessageDefaults {
  std::string from;
  std::optional<MessageKind> kind;
  bool first_message = false;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_RECORDS_RECORD_H_
