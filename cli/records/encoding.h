// Input that is not UTF-8 at all: a UTF-16 or UTF-32 file (Excel's
// "Unicode text", PowerShell's default) read as UTF-8 splits into
// nonsense records ("6 records for 2 rows", every field invalid UTF-8).
// smslint refuses such a file, before any record, with what it is and how
// to convert it (docs/csv.md, "Encoding"): decoding it would be a second
// input path to test for every format, and iconv does it exactly.
#ifndef SMSLINT_CLI_RECORDS_ENCODING_H_
#define SMSLINT_CLI_RECORDS_ENCODING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace smslint::cli {

// How many bytes SniffEncoding wants to see.
inline constexpr size_t kSniffBytes = 4096;

struct ForeignEncoding {
  std::string name;      // "UTF-16 LE"
  std::string evidence;  // "it starts with the byte order mark FF FE"
  std::string iconv;     // iconv's name for it: "UTF-16", "UTF-16LE"
};

// What `head`, the first bytes of an input (at least 4 when the input has
// them, better the whole first line), says the encoding is, when it is
// not UTF-8: a UTF-32 BE/LE or UTF-16 BE/LE byte order mark, or UTF-16
// without one: a NUL in every other byte of the first line, over at
// least 4 bytes (a UTF-8 CSV or JSON line never looks like that).
std::optional<ForeignEncoding> SniffEncoding(std::string_view head);

// The message (after "smslint: ") for `input` (its name as shown; "-" or
// a name in <> is standard input) in `encoding`. `suffix` (".csv",
// ".jsonl") names the example output file.
std::string ForeignEncodingMessage(const std::string& input,
                                   const ForeignEncoding& encoding,
                                   std::string_view suffix);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_RECORDS_ENCODING_H_
