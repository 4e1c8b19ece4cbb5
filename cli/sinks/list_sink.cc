#include "sinks/list_sink.h"

#include "output.h"
#include "sinks/csv_columns.h"

namespace smslint::cli {

void ListSink::Begin() {
  std::string h;
  for (size_t i = 0; i < header_.size() + extra_.size(); ++i) {
    if (i > 0) h.push_back(delimiter_);
    h += CsvQuote(i < header_.size() ? header_[i] : extra_[i - header_.size()], delimiter_);
  }
  h += "\r\n";
  WriteAll(out_, h);
}

void ListSink::Row(const std::vector<std::string>& fields,
                   const std::vector<std::string>& extra) {
  std::string o;
  for (size_t i = 0; i < header_.size() + extra_.size(); ++i) {
    if (i > 0) o.push_back(delimiter_);
    if (i < header_.size()) {
      if (i < fields.size()) o += CsvQuote(fields[i], delimiter_);
    } else if (i - header_.size() < extra.size()) {
      o += CsvQuote(extra[i - header_.size()], delimiter_);
    }
  }
  o += "\r\n";
  WriteAll(out_, o);
  ++rows_;
}

}  // namespace smslint::cli
