// CSV records (docs/batch.md): the first non-blank record is the header,
// its columns are bound to message fields (records/columns.h) and an
// optional --template builds the body from them; each data row becomes a
// Message, or an input/csv-malformed record when it cannot be read.
#ifndef SMSLINT_CLI_RECORDS_CSV_SOURCE_H_
#define SMSLINT_CLI_RECORDS_CSV_SOURCE_H_

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "csv_reader.h"
#include "message_template.h"
#include "records/columns.h"
#include "records/source.h"

namespace smslint::cli {

struct CsvSourceOptions {
  std::string name;  // the input as messages show it
  CsvOptions csv;
  std::vector<std::pair<Key, std::string>> columns;  // --column, in order
  std::optional<MessageTemplate> body_template;
  MessageDefaults defaults;
};

class CsvSource : public RecordSource {
 public:
  // Reads the header and binds the columns. Appends what to print on
  // stderr (after "smslint: ") to *messages, in order: a header that is
  // itself malformed is a warning, a missing column or placeholder an
  // error, and then it returns nullptr.
  static std::unique_ptr<CsvSource> Open(std::FILE* in, CsvSourceOptions options,
                                         std::vector<std::string>* messages);
  // The same on any CsvReader (tests read from a stream).
  static std::unique_ptr<CsvSource> Open(std::unique_ptr<CsvReader> reader,
                                         CsvSourceOptions options,
                                         std::vector<std::string>* messages);

  // A source for rows that were read elsewhere (the Python binding's Dask
  // path: a dataframe's columns are the header): the same column binding
  // and messages as Open, and Decode for rows given to it; Read finds
  // nothing.
  static std::unique_ptr<CsvSource> ForHeader(std::vector<std::string> header,
                                              CsvSourceOptions options,
                                              std::vector<std::string>* messages);

  bool Read(Record& record) override;
  void Decode(Record& record) const override;
  uint64_t bytes_read() const override { return reader_ ? reader_->offset() : 0; }
  std::string io_error() const override { return reader_ ? reader_->io_error() : ""; }

  const std::vector<std::string>& header() const { return header_; }
  // The delimiter read or detected (',' when the input was empty).
  char delimiter() const;
  // The header of the column a report field came from ("" when none):
  // to, from, body (not when templated), media*.
  std::string ColumnOf(std::string_view field) const;
  // The index of that column, or -1.
  int ColumnIndex(std::string_view field) const;

 private:
  CsvSource(std::unique_ptr<CsvReader> reader, CsvSourceOptions options);
  // Binds the columns of header_ (Open's second half); false on an error.
  bool Bind(std::vector<std::string>* messages);

  std::unique_ptr<CsvReader> reader_;
  CsvSourceOptions options_;
  bool have_header_ = false;
  std::vector<std::string> header_;
  int col_[kNumKeys];
  std::vector<int> template_cols_;
  uint64_t row_no_ = 0;
  CsvRecord rec_;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_RECORDS_CSV_SOURCE_H_
