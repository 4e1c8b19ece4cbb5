// A streaming RFC 4180 CSV reader for `smslint batch` (docs/csv.md).
//
// Reads a FILE*, a file descriptor or a std::istream in fixed-size chunks,
// so memory stays flat for any file size, and hands out one record at a
// time. Malformed input never stops it: a bad record comes back with
// `error` set and whatever fields could be read, and reading goes on with
// the next record (docs/csv.md lists the resynchronisation rules).
#ifndef SMSLINT_CLI_CSV_READER_H_
#define SMSLINT_CLI_CSV_READER_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace smslint::cli {

struct CsvOptions {
  // ',', ';', '\t' or any byte but '"', CR and LF (those three, and 0,
  // mean: detect it from the first non-blank record, DetectDelimiter's
  // rule).
  char delimiter = 0;
  // A longer field is cut to this many bytes (at a UTF-8 boundary) and its
  // record flagged; a broken quote cannot swallow the file.
  size_t max_field_bytes = 64 * 1024;
  // Fields after this many are parsed but dropped, and the record flagged:
  // a huge line of delimiters cannot exhaust memory. 16384 is Excel's
  // column limit.
  size_t max_fields = 16384;
  // Bytes per read. Tests use tiny values to split every construct across
  // chunk boundaries.
  size_t chunk_bytes = 256 * 1024;
};

enum class CsvError {
  kNone,
  kStrayQuote,         // a '"' inside an unquoted field (kept as text)
  kTextAfterQuote,     // a closing quote followed by neither delimiter nor line end
  kFieldTooLong,       // a field over max_field_bytes
  kTooManyFields,      // a record over max_fields
  kUnterminatedQuote,  // end of input inside a quoted field
  kInvalidUtf8,        // a field that is not well-formed UTF-8
};

struct CsvRecord {
  uint64_t index = 0;        // 0-based record number; the header is record 0
  uint64_t line = 0;         // physical line (1-based) where the record starts
  uint64_t byte_offset = 0;  // offset of its first byte in the input (a BOM counts)
  // A blank record (an empty physical line) has one empty field, as in
  // RFC 4180, and blank = true, so a caller can skip it yet count it.
  std::vector<std::string> fields;
  bool blank = false;
  // The first problem of the record; "" and kNone when it is well-formed.
  std::string error;
  CsvError error_kind = CsvError::kNone;
};

class CsvReader {
 public:
  // The source must outlive the reader. The reader is its only user:
  // it reads ahead by up to one chunk.
  CsvReader(std::FILE* in, CsvOptions options = {});
  CsvReader(int fd, CsvOptions options = {});
  CsvReader(std::istream& in, CsvOptions options = {});

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into *record, reusing its strings. False at the
  // end of the input, or after a read error (io_error() then says which).
  bool Next(CsvRecord* record);

  // Up to the first `n` bytes of the input (a UTF-8 BOM included), read
  // ahead without consuming them; empty after the first Next(). For
  // sniffing the encoding (records/encoding.h).
  std::string_view Head(size_t n);

  // The delimiter in use; when detected, known after the first Next().
  char delimiter() const { return delimiter_; }
  // Bytes consumed so far: after the last record, the input's size.
  uint64_t offset() const { return base_ + pos_; }
  // "" unless reading failed; records read before the failure stand.
  const std::string& io_error() const { return io_error_; }

  // The detection rule, on the bytes of a first record (leading blank
  // lines skipped): the candidate among ',', ';' and '\t' that occurs most
  // often outside quoted sections, up to the first line end outside them;
  // ties go to the earlier of ',', ';', '\t'; none of them gives ','. As
  // the delimiter is unknown, a '"' opens a quoted section only at the
  // start of the record or right after a candidate.
  static char DetectDelimiter(std::string_view first_record);

 private:
  enum class Source { kFile, kFd, kStream };
  enum class End { kDelimiter, kLine, kInput };
  // What Find stops at: delimiter, quote or line end; quote or line end;
  // line end.
  enum class Stop { kUnquoted, kQuoted, kLineEnd };
  static constexpr size_t kNoBlock = ~size_t{0};

  CsvReader(Source source, CsvOptions options);
  void Start();
  size_t Read(char* dst, size_t n);
  bool Ensure(size_t n);
  bool Fill() { return pos_ < end_ || Ensure(1); }
  void ComputeMasks(size_t block);
  // The index of the next special byte at or after buf_[i], or end_.
  template <Stop kStop>
  size_t Find(size_t i);
  std::string& FieldSlot(CsvRecord* record, size_t n) {
    std::vector<std::string>& fields = record->fields;
    if (n == fields.size()) NewFieldSlot(fields);
    fields[n].clear();
    return fields[n];
  }
  void NewFieldSlot(std::vector<std::string>& fields);
  End ParseUnquoted(CsvRecord* record, std::string& field, size_t field_no,
                    bool truncated);
  End ParseQuoted(CsvRecord* record, std::string& field, size_t field_no);
  End SkipToLineEnd();
  // Flags the record when the field is not UTF-8. start_*: where the field
  // starts in the input (its opening quote when quoted).
  void CheckUtf8(CsvRecord* record, const std::string& field, size_t field_no,
                 uint64_t start_line, uint64_t start_offset, bool quoted);
  void ConsumeLf();
  // Appends p[0, n) to the field up to max_field_bytes. False when it was
  // cut (the record is flagged).
  bool Append(CsvRecord* record, std::string& field, const char* p, size_t n,
              size_t field_no) {
    if (field.size() + n <= options_.max_field_bytes) {
      field.append(p, n);
      return true;
    }
    return AppendCut(record, field, p, n, field_no);
  }
  bool AppendCut(CsvRecord* record, std::string& field, const char* p,
                 size_t n, size_t field_no);
  void Rewind(std::string_view raw, uint64_t line);
  void SetError(CsvRecord* record, CsvError kind, std::string message);
  std::string Where(uint64_t line, uint64_t offset) const;

  Source source_;
  std::FILE* file_ = nullptr;
  int fd_ = -1;
  std::istream* stream_ = nullptr;
  CsvOptions options_;
  char delimiter_;

  std::vector<char> buf_;
  size_t pos_ = 0;     // next unconsumed byte in buf_
  size_t end_ = 0;     // end of the valid bytes in buf_
  uint64_t base_ = 0;  // input offset of buf_[0]
  bool eof_ = false;
  bool started_ = false;
  uint64_t line_ = 1;  // physical line of buf_[pos_]
  uint64_t index_ = 0;
  std::string io_error_;

  // Bitmasks of the 64 bytes of buf_ at block_ (bit i: byte block_ + i):
  // the scan looks up the next special byte with a shift and a ctz
  // instead of testing each byte. Recomputed when the bytes change.
  size_t block_ = kNoBlock;
  uint64_t delim_mask_ = 0;
  uint64_t quote_mask_ = 0;
  uint64_t eol_mask_ = 0;
  uint64_t high_mask_ = 0;  // bytes >= 0x80
  bool high_ = false;       // Find passed a byte >= 0x80 since reset

  // Field strings taken out of a record that had more fields than the
  // current one, kept for reuse so steady-state reading does not allocate.
  std::vector<std::string> spare_;
  std::string dropped_;  // receives the fields past max_fields
  std::string pushback_;  // scratch for Rewind
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_CSV_READER_H_
