// --format csv (smslint batch): the input's columns, then smslint_* result
// columns (docs/batch.md), RFC 4180 quoting, CRLF line ends.
#ifndef SMSLINT_CLI_SINKS_CSV_SINK_H_
#define SMSLINT_CLI_SINKS_CSV_SINK_H_

#include <string>
#include <vector>

#include "sinks/sink.h"

namespace smslint::cli {

class CsvSink : public Sink {
 public:
  // `columns`: the input's header (id,to,from,body for JSON Lines); each
  // record's fields are padded or cut to its width.
  CsvSink(std::FILE* out, std::vector<std::string> columns, char delimiter)
      : Sink(out), columns_(std::move(columns)), delimiter_(delimiter) {}
  void Begin() override;
  void Render(const Record& record, const Report& report,
              std::string* out) const override;

 private:
  std::vector<std::string> columns_;
  char delimiter_;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_SINKS_CSV_SINK_H_
