#include "sinks/csv_sink.h"

#include <string_view>

#include "sinks/csv_columns.h"

namespace smslint::cli {

void CsvSink::Begin() {
  std::string h;
  for (const std::string& c : columns_) {
    h += CsvQuote(c, delimiter_);
    h.push_back(delimiter_);
  }
  for (size_t i = 0; i < kCsvResultColumns.size(); ++i) {
    if (i > 0) h.push_back(delimiter_);
    h += kCsvResultColumns[i];
  }
  h += "\r\n";
  Put(h);
}

void CsvSink::Render(const Record& record, const Report& rep,
                     std::string* out) const {
  const char dl = delimiter_;
  const size_t width = columns_.size();
  std::string& o = *out;
  o.clear();
  for (size_t i = 0; i < width; ++i) {
    if (i < record.fields.size()) o += CsvQuote(record.fields[i], dl);
    o.push_back(dl);
  }
  const auto values = CsvResultValues(rep, record.usable);
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) o.push_back(dl);
    o += CsvResultColumnIsText(i) ? CsvQuote(values[i], dl) : values[i];
  }
  o += "\r\n";
}

}  // namespace smslint::cli
