// The smslint_* result columns of smslint batch --format csv (docs/batch.md)
// as plain values: CsvSink writes them, and the Python binding's Dask path
// (bindings/python) adds them to a dataframe, so both say the same.
#ifndef SMSLINT_CLI_SINKS_CSV_COLUMNS_H_
#define SMSLINT_CLI_SINKS_CSV_COLUMNS_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "smslint/report.h"

namespace smslint::cli {

inline constexpr std::array<std::string_view, 10> kCsvResultColumns = {
    "smslint_status",   "smslint_errors",     "smslint_warnings",
    "smslint_e164",     "smslint_segments",   "smslint_encoding",
    "smslint_risk_score", "smslint_risk_band", "smslint_rules",
    "smslint_message"};

// Whether CsvSink quotes the value of result column `i` when it holds the
// delimiter (the others hold no free text).
constexpr bool CsvResultColumnIsText(size_t i) { return i == 3 || i == 8 || i == 9; }

// `s` as a CSV field: quoted (quotes doubled) when it holds the delimiter,
// a quote or a line break.
std::string CsvQuote(std::string_view s, char delim);

// The values, unquoted. A record that was not linted (`usable` false) has
// empty segments, encoding, risk score and band.
std::array<std::string, kCsvResultColumns.size()> CsvResultValues(
    const Report& report, bool usable);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_SINKS_CSV_COLUMNS_H_
