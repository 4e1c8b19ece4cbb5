// Reading smslint's JSON Lines message format (docs/input.md): lines from
// a stream, each one JSON object turned into a Message plus the input
// problems found.
#ifndef SMSLINT_CLI_JSONL_READER_H_
#define SMSLINT_CLI_JSONL_READER_H_

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "smslint/parse.h"

namespace smslint::cli {

// The decoder is the library's (smslint/parse.h); these names keep the
// CLI's call sites as they were.
using InputProblem = smslint::InputProblem;
using ParsedLine = smslint::ParsedMessage;

// Parses one line (without its line terminator). `line_number` is 1-based
// and only used in messages. Never throws.
ParsedLine ParseMessageLine(std::string_view line, size_t line_number);

// Reads lines from a FILE*, splitting on '\n' and dropping one '\r' before
// it. A line longer than `max_bytes` is returned truncated with
// `too_long` set, and the rest of it is skipped.
class LineReader {
 public:
  LineReader(std::FILE* in, size_t max_bytes) : in_(in), max_(max_bytes) {}
  // False at end of input. A final line without '\n' is still a line.
  bool Next(std::string& line, bool& too_long);
  bool error() const { return error_; }

 private:
  std::FILE* in_;
  size_t max_;
  bool error_ = false;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_JSONL_READER_H_
