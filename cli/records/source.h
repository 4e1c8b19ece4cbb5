// Where records come from: smslint check and smslint batch read through the
// same sources (jsonl_source.h, csv_source.h).
#ifndef SMSLINT_CLI_RECORDS_SOURCE_H_
#define SMSLINT_CLI_RECORDS_SOURCE_H_

#include <cstdint>
#include <string>

#include "records/record.h"

namespace smslint::cli {

class RecordSource {
 public:
  virtual ~RecordSource() = default;

  // Reads the next record's position and raw text; false at the end of the
  // input or after a read error (io_error). One thread at a time.
  virtual bool Read(Record& record) = 0;

  // Turns the raw text into record.message, record.problems and
  // record.usable. Const and thread-safe, so that batch workers decode in
  // parallel while the reader thread only cuts the input.
  virtual void Decode(Record& record) const = 0;

  bool Next(Record& record) {
    if (!Read(record)) return false;
    Decode(record);
    return true;
  }

  // Input bytes consumed so far (progress display).
  virtual uint64_t bytes_read() const = 0;

  // "" or what went wrong reading, shown after "smslint: ".
  virtual std::string io_error() const = 0;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_RECORDS_SOURCE_H_
