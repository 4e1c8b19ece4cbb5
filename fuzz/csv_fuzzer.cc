// Fuzz target for the streaming CSV reader (cli/csv_reader.h).
//
// Input: byte 0 chooses the options, the rest is the CSV file.
//   bits 0-1  delimiter: detect, ',', ';', '\t'
//   bits 2-4  chunk_bytes: 1, 2, 3, 7, 16, 64, 4096, 256 KiB
//   bits 5-7  max_field_bytes: 1, 2, 5, 16, 64, 300, 64 KiB, 1 MiB, and
//             max_fields = 1 + 3 * (bits 5-7), so both limits get hit
//
// Invariants, each checked against the raw bytes rather than the reader's
// own bookkeeping:
//  - the records tile the input: the first starts at 0 (3 after a BOM),
//    offsets strictly increase, every record but the last ends with a line
//    end and a CRLF is never split, offset() is the input size at the end;
//  - the next record's line is this one's plus the line ends in its bytes
//    (CRLF once, a lone CR once);
//  - 1 <= fields <= max_fields, no field over max_field_bytes, blank iff
//    the bytes are one line end, error set iff error_kind is;
//  - an error-free record is exactly what a plain RFC 4180 parse of its
//    bytes gives, every field valid UTF-8 (ICU's decoder); and a record
//    whose bytes parse cleanly within the limits has no error;
//  - the chunk size changes nothing (compared with one read of it all);
//  - a detected delimiter is DetectDelimiter's answer on the same bytes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.h"
#include "fuzz_checks.h"

namespace {

using smslint::cli::CsvError;
using smslint::cli::CsvOptions;
using smslint::cli::CsvReader;
using smslint::cli::CsvRecord;

struct Read {
  std::vector<CsvRecord> records;
  char delimiter = 0;
  uint64_t consumed = 0;
};

Read ReadAll(std::string_view input, const CsvOptions& options) {
  std::istringstream in{std::string(input)};
  CsvReader reader(in, options);
  Read out;
  CsvRecord record;
  while (reader.Next(&record)) out.records.push_back(record);
  FUZZ_CHECK_MSG(reader.io_error().empty(), reader.io_error());
  FUZZ_CHECK(!reader.Next(&record));  // stays at the end
  out.delimiter = reader.delimiter();
  out.consumed = reader.offset();
  return out;
}

bool IsEol(char c) { return c == '\r' || c == '\n'; }

// Removes one line end (CRLF, CR or LF) from the end of s.
std::string_view StripEol(std::string_view s) {
  if (s.ends_with("\r\n")) return s.substr(0, s.size() - 2);
  if (!s.empty() && IsEol(s.back())) return s.substr(0, s.size() - 1);
  return s;
}

uint64_t CountLineEnds(std::string_view s) {
  uint64_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' || (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))) ++n;
  }
  return n;
}

// Plain RFC 4180 on one record's bytes without its line end; nullopt when
// they are not one well-formed record.
std::optional<std::vector<std::string>> ReferenceParse(std::string_view s,
                                                       char delim) {
  std::vector<std::string> out;
  size_t i = 0;
  for (;;) {
    std::string f;
    if (i < s.size() && s[i] == '"') {
      ++i;
      for (;;) {
        if (i >= s.size()) return std::nullopt;
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            f += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        f += s[i++];
      }
      if (i < s.size() && s[i] != delim) return std::nullopt;
    } else {
      while (i < s.size() && s[i] != delim) {
        if (s[i] == '"' || IsEol(s[i])) return std::nullopt;
        f += s[i++];
      }
    }
    out.push_back(std::move(f));
    if (i >= s.size()) return out;
    ++i;  // the delimiter
  }
}

std::string Show(const CsvRecord& r) {
  std::string s = "record " + std::to_string(r.index) + " line " +
                  std::to_string(r.line) + " offset " +
                  std::to_string(r.byte_offset) + " fields " +
                  std::to_string(r.fields.size()) + " error '" + r.error + "'";
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view input(reinterpret_cast<const char*>(data) + 1,
                               size - 1);
  static constexpr char kDelimiters[] = {0, ',', ';', '\t'};
  static constexpr size_t kChunks[] = {1, 2, 3, 7, 16, 64, 4096, 256 * 1024};
  static constexpr size_t kFieldLimits[] = {1,   2,         5,        16,
                                            64,  300,       64 * 1024, 1 << 20};
  CsvOptions options;
  options.delimiter = kDelimiters[flags & 3];
  options.chunk_bytes = kChunks[(flags >> 2) & 7];
  options.max_field_bytes = kFieldLimits[flags >> 5];
  options.max_fields = 1 + (flags >> 5) * 3;

  const Read got = ReadAll(input, options);
  CsvOptions big = options;
  big.chunk_bytes = input.size() + 1;  // everything in one read
  const Read ref = ReadAll(input, big);

  FUZZ_CHECK(got.consumed == input.size());
  FUZZ_CHECK(got.delimiter == ref.delimiter);
  FUZZ_CHECK(got.records.size() == ref.records.size());
  const bool bom = input.starts_with("\xEF\xBB\xBF");
  const size_t start = bom ? 3 : 0;
  if (options.delimiter != 0) {
    FUZZ_CHECK(got.delimiter == options.delimiter);
  } else {
    FUZZ_CHECK(got.delimiter == CsvReader::DetectDelimiter(input.substr(start)));
  }
  FUZZ_CHECK((got.records.empty()) == (input.size() == start));

  uint64_t expect_line = 1;
  uint64_t expect_offset = start;
  for (size_t k = 0; k < got.records.size(); ++k) {
    const CsvRecord& r = got.records[k];
    const CsvRecord& same = ref.records[k];
    FUZZ_CHECK_MSG(r.fields == same.fields && r.line == same.line &&
                       r.byte_offset == same.byte_offset &&
                       r.blank == same.blank && r.error == same.error &&
                       r.error_kind == same.error_kind,
                   Show(r) + " vs " + Show(same));
    FUZZ_CHECK(r.index == k);
    FUZZ_CHECK_MSG(r.byte_offset == expect_offset, Show(r));
    FUZZ_CHECK_MSG(r.line == expect_line, Show(r));
    const bool last = k + 1 == got.records.size();
    const uint64_t end = last ? input.size() : got.records[k + 1].byte_offset;
    FUZZ_CHECK_MSG(end > r.byte_offset, Show(r));
    const std::string_view bytes = input.substr(r.byte_offset, end - r.byte_offset);
    if (!last) {
      FUZZ_CHECK_MSG(IsEol(bytes.back()), Show(r));
      FUZZ_CHECK_MSG(!(bytes.back() == '\r' && input[end] == '\n'), Show(r));
    }
    expect_line += CountLineEnds(bytes);
    expect_offset = end;

    FUZZ_CHECK_MSG(!r.fields.empty(), Show(r));
    FUZZ_CHECK_MSG(r.fields.size() <= options.max_fields, Show(r));
    for (const std::string& f : r.fields) {
      FUZZ_CHECK_MSG(f.size() <= options.max_field_bytes, Show(r));
    }
    FUZZ_CHECK_MSG(r.error.empty() == (r.error_kind == CsvError::kNone), Show(r));
    const std::string_view body = StripEol(bytes);
    FUZZ_CHECK_MSG(r.blank == (body.empty() && bytes.size() > 0), Show(r));
    if (r.blank) {
      FUZZ_CHECK(r.fields.size() == 1 && r.fields[0].empty());
      FUZZ_CHECK(r.error.empty());
    }

    const auto parsed = ReferenceParse(body, got.delimiter);
    bool within_limits = parsed.has_value() &&
                         parsed->size() <= options.max_fields;
    bool utf8 = true;
    if (parsed) {
      for (const std::string& f : *parsed) {
        within_limits = within_limits && f.size() <= options.max_field_bytes;
        utf8 = utf8 && !smslint_fuzz::DecodeLight(f).invalid;
      }
    }
    if (r.error_kind == CsvError::kNone) {
      FUZZ_CHECK_MSG(parsed.has_value() && *parsed == r.fields, Show(r));
      FUZZ_CHECK_MSG(utf8, Show(r));
    }
    if (within_limits) {
      FUZZ_CHECK_MSG(r.error_kind == (utf8 ? CsvError::kNone
                                           : CsvError::kInvalidUtf8),
                     Show(r));
      FUZZ_CHECK_MSG(*parsed == r.fields, Show(r));
    }
  }
  FUZZ_CHECK(expect_offset == input.size() || got.records.empty());
  return 0;
}
