// smslint._smslint._CsvRows: the rows of a dataframe partition through
// smslint batch's own record path (cli/: CsvSource's column binding and
// row decoding, LintRecord, RecipientKey, AddDuplicate, the CSV sink's
// result columns), for smslint/dask.py.
#include "csv_rows.h"

#include <pybind11/stl.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ascii.h"
#include "batch/dup_table.h"
#include "finish_report.h"
#include "message_template.h"
#include "parallel.h"
#include "records/columns.h"
#include "records/csv_source.h"
#include "sinks/csv_columns.h"

namespace py = pybind11;

namespace smslint::python {
namespace {

using cli::kCsvResultColumns;

class CsvRows {
 public:
  // The flags of smslint batch that shape a record: --column KEY=HEADER,
  // --template, --from, --kind, --first-message, --max-field-bytes.
  CsvRows(const PyLinter& linter, std::vector<std::string> header,
          const std::vector<std::string>& columns,
          std::optional<std::string> body_template, std::string from,
          std::string kind, bool first_message, size_t max_field_bytes)
      : linter_(linter) {
    cli::CsvSourceOptions options;
    options.name = "the dataframe";
    options.csv.delimiter = ',';
    options.csv.max_field_bytes = max_field_bytes;
    for (const std::string& spec : columns) {
      std::string error;
      auto col = cli::ParseColumnSpec(spec, &error);
      if (!col) throw py::value_error(error);
      options.columns.push_back(std::move(*col));
    }
    if (body_template) {
      cli::TemplateError error;
      options.body_template = cli::MessageTemplate::Parse(*body_template, &error);
      if (!options.body_template) throw py::value_error("template: " + error.message);
    }
    if (!kind.empty()) {
      options.defaults.kind = ParseMessageKind(cli::Lower(kind));
      if (!options.defaults.kind) {
        throw py::value_error("kind " + kind +
                              ": expected marketing, transactional, otp, "
                              "conversational or informational");
      }
    }
    options.defaults.from = std::move(from);
    options.defaults.first_message = first_message;
    source_ = cli::CsvSource::ForHeader(std::move(header), std::move(options), &messages_);
    if (source_ == nullptr) {
      std::string all;
      for (const std::string& m : messages_) all += (all.empty() ? "" : "; ") + m;
      throw py::value_error(all);
    }
    track_dups_ = linter_.linter().RuleEnabled("input/duplicate-recipient");
  }

  const std::vector<std::string>& messages() const { return messages_; }

  // Lints rows (their fields, their 1-based data row and physical line in
  // the whole input) as batch does. `duplicates`, when given, holds per row
  // (first_row, first_line) of the earlier row with the same recipient
  // ((0, 0): none). Returns the ten smslint_* columns and each row's
  // recipient key (RecipientKey as a signed 64-bit value; 0: none).
  py::tuple Lint(std::vector<std::vector<std::string>> rows,
                 const std::vector<uint64_t>& row_numbers,
                 const std::vector<uint64_t>& lines,
                 const std::optional<std::vector<std::pair<uint64_t, uint64_t>>>& duplicates,
                 unsigned threads) const {
    const size_t n = rows.size();
    if (row_numbers.size() != n || lines.size() != n ||
        (duplicates && duplicates->size() != n)) {
      throw py::value_error("rows, row numbers, lines and duplicates differ in length");
    }
    std::vector<std::array<std::string, kCsvResultColumns.size()>> values(n);
    std::vector<int64_t> keys(n, 0);
    {
      const py::gil_scoped_release release;
      ParallelFor(n, threads == 0 ? 1 : threads, [&](size_t i) {
        cli::Record record;
        record.row = row_numbers[i];
        record.line = lines[i];
        record.fields = std::move(rows[i]);
        source_->Decode(record);
        Report report = cli::LintRecord(linter_.linter(), record);
        if (track_dups_ && record.usable) {
          keys[i] = static_cast<int64_t>(cli::RecipientKey(report, record.message.to));
          if (duplicates && (*duplicates)[i].first != 0) {
            cli::DupTable::Hit hit;
            hit.duplicate = true;
            hit.first_row = (*duplicates)[i].first;
            hit.first_line = (*duplicates)[i].second;
            cli::AddDuplicate(linter_.linter(), hit, report, record.message.to);
          }
        }
        values[i] = cli::CsvResultValues(report, record.usable);
      });
    }
    py::list columns;
    for (size_t c = 0; c < kCsvResultColumns.size(); ++c) {
      py::list column(n);
      for (size_t i = 0; i < n; ++i) column[i] = py::str(values[i][c]);
      columns.append(std::move(column));
    }
    return py::make_tuple(std::move(columns), py::cast(keys));
  }

 private:
  PyLinter linter_;
  std::vector<std::string> messages_;
  std::unique_ptr<cli::CsvSource> source_;
  bool track_dups_ = false;
};

}  // namespace

void BindCsvRows(py::module_& m) {
  py::class_<CsvRows>(m, "_CsvRows")
      .def(py::init<const PyLinter&, std::vector<std::string>,
                    const std::vector<std::string>&, std::optional<std::string>,
                    std::string, std::string, bool, size_t>(),
           py::arg("linter"), py::arg("header"), py::arg("columns"),
           py::arg("template"), py::arg("from_"), py::arg("kind"),
           py::arg("first_message"), py::arg("max_field_bytes"))
      .def_property_readonly("messages", &CsvRows::messages)
      .def("lint", &CsvRows::Lint, py::arg("rows"), py::arg("row_numbers"),
           py::arg("lines"), py::arg("duplicates"), py::arg("threads") = 1);
  py::list names;
  for (std::string_view name : kCsvResultColumns) names.append(py::str(name));
  m.attr("_CSV_RESULT_COLUMNS") = py::tuple(names);
}

}  // namespace smslint::python
