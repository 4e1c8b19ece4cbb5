// JSON Lines records (docs/input.md): one message per line, decoded by
// ParseMessageLine. smslint check reads only this; smslint batch reads it
// for .jsonl/.ndjson input.
#ifndef SMSLINT_CLI_RECORDS_JSONL_SOURCE_H_
#define SMSLINT_CLI_RECORDS_JSONL_SOURCE_H_

#include <cstdio>
#include <string>

#include "jsonl_reader.h"
#include "records/source.h"

namespace smslint::cli {

class JsonlSource : public RecordSource {
 public:
  // `name` is the input as messages show it; lines over `max_line_bytes`
  // get input/invalid-json. `defaults` fill in what a usable line omits.
  JsonlSource(std::FILE* in, std::string name, size_t max_line_bytes,
              MessageDefaults defaults = {});

  // Reads the first line ahead and returns "" or, when the input is
  // UTF-16 or UTF-32 (records/encoding.h), what to print after
  // "smslint: " before exiting 2. Call it before the first Read, or not
  // at all.
  std::string CheckEncoding();

  bool Read(Record& record) override;
  void Decode(Record& record) const override;
  uint64_t bytes_read() const override { return bytes_; }
  std::string io_error() const override;

 private:
  // A line read ahead by CheckEncoding.
  bool NextLine(std::string& line, bool& too_long);

  LineReader lines_;
  bool ahead_ = false;  // a line was read ahead (ahead_line_, ahead_too_long_)
  bool ahead_end_ = false;  // ... or the end of the input
  std::string ahead_line_;
  bool ahead_too_long_ = false;
  std::string name_;
  size_t max_line_bytes_;
  MessageDefaults defaults_;
  uint64_t line_no_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_RECORDS_JSONL_SOURCE_H_
