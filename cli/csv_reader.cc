#include "csv_reader.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/utf8.h"

namespace smslint::cli {
namespace {

// Detection reads at most this much of the first record: a header is
// short, and a broken quote in it must not make detection read the file.
constexpr size_t kDetectLimit = 1 << 20;

// Drops a UTF-8 sequence that a cut left incomplete at the end of s, so a
// truncated field is still text.
void TrimPartialUtf8(std::string& s) {
  size_t i = s.size();
  size_t cont = 0;
  while (i > 0 && cont < 3 &&
         base::IsUtf8Continuation(static_cast<uint8_t>(s[i - 1]))) {
    --i;
    ++cont;
  }
  if (i == 0) return;
  const size_t len = base::Utf8SequenceLength(static_cast<uint8_t>(s[i - 1]));
  if (len > 1 && cont + 1 < len) s.resize(i - 1);
}

// Delimiter detection, fed one byte at a time (the reader sees the header
// in chunks, DetectDelimiter all at once).
struct HeaderScan {
  size_t counts[3] = {0, 0, 0};  // ',', ';', '\t'
  bool in_quote = false;
  bool content = false;
  bool done = false;
  char prev = 0;  // the previous byte of the record, 0 at its start

  void Feed(char c) {
    if (!in_quote && (c == '\n' || c == '\r')) {
      // Blank lines before the header are skipped.
      done = content;
      return;
    }
    content = true;
    // The delimiter is not known yet, so a quote opens a quoted field when
    // it starts the record or follows any candidate; a stray quote inside
    // a field then cannot hide the real delimiters. Inside quotes every
    // quote toggles: a doubled one toggles twice.
    if (c == '"') {
      if (in_quote || prev == 0 || prev == ',' || prev == ';' || prev == '\t') {
        in_quote = !in_quote;
      }
    } else if (!in_quote) {
      if (c == ',') ++counts[0];
      if (c == ';') ++counts[1];
      if (c == '\t') ++counts[2];
    }
    prev = c;
  }
  char Pick() const {
    const char candidates[3] = {',', ';', '\t'};
    size_t best = 0;
    for (size_t k = 1; k < 3; ++k) {
      if (counts[k] > counts[best]) best = k;
    }
    return candidates[best];
  }
};

// Appended to the error of a quoted field cut at its first line end.
constexpr const char* kCutNote =
    "; the record ends at the first line end inside the quote";

std::string FieldName(size_t field_no) {
  return "field " + std::to_string(field_no) + ": ";
}

}  // namespace

char CsvReader::DetectDelimiter(std::string_view first_record) {
  HeaderScan scan;
  for (const char c : first_record) {
    scan.Feed(c);
    if (scan.done) break;
  }
  return scan.Pick();
}

void CsvReader::ComputeMasks(size_t block) {
  block_ = block;
  const auto* p = reinterpret_cast<const unsigned char*>(buf_.data() + block);
  const size_t n = std::min<size_t>(64, end_ - block);
  uint64_t delim = 0;
  uint64_t quote = 0;
  uint64_t eol = 0;
  uint64_t high = 0;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i vd = _mm_set1_epi8(delimiter_);
  const __m128i vq = _mm_set1_epi8('"');
  const __m128i vr = _mm_set1_epi8('\r');
  const __m128i vn = _mm_set1_epi8('\n');
  for (; i + 16 <= n; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const auto bits = [&x](__m128i v) {
      return static_cast<uint64_t>(static_cast<uint16_t>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(x, v))));
    };
    delim |= bits(vd) << i;
    quote |= bits(vq) << i;
    eol |= (bits(vr) | bits(vn)) << i;
    high |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(x)))
            << i;
  }
#endif
  for (; i < n; ++i) {
    const unsigned char c = p[i];
    const uint64_t bit = uint64_t{1} << i;
    if (c == static_cast<unsigned char>(delimiter_)) delim |= bit;
    if (c == '"') quote |= bit;
    if (c == '\r' || c == '\n') eol |= bit;
    if (c >= 0x80) high |= bit;
  }
  delim_mask_ = delim;
  quote_mask_ = quote;
  eol_mask_ = eol;
  high_mask_ = high;
}

template <CsvReader::Stop kStop>
[[gnu::always_inline]] inline size_t CsvReader::Find(size_t i) {
  while (i < end_) {
    const size_t block = i & ~size_t{63};
    if (block != block_) [[unlikely]] ComputeMasks(block);
    const uint64_t from = ~uint64_t{0} << (i - block);
    uint64_t special = eol_mask_;
    if constexpr (kStop != Stop::kLineEnd) special |= quote_mask_;
    if constexpr (kStop == Stop::kUnquoted) special |= delim_mask_;
    special &= from;
    if (special != 0) {
      const size_t at = static_cast<size_t>(__builtin_ctzll(special));
      if (high_mask_ != 0) {
        high_ |= (high_mask_ & from & ((uint64_t{1} << at) - 1)) != 0;
      }
      return block + at;
    }
    high_ |= (high_mask_ & from) != 0;
    i = block + 64;
  }
  return end_;
}

CsvReader::CsvReader(Source source, CsvOptions options)
    : source_(source), options_(options), delimiter_(options.delimiter) {
  if (delimiter_ == '"' || delimiter_ == '\r' || delimiter_ == '\n') {
    delimiter_ = 0;  // not a delimiter: detect instead
  }
  options_.chunk_bytes = std::max<size_t>(options_.chunk_bytes, 1);
  options_.max_fields = std::max<size_t>(options_.max_fields, 1);
  buf_.resize(options_.chunk_bytes);
}

CsvReader::CsvReader(std::FILE* in, CsvOptions options)
    : CsvReader(Source::kFile, options) {
  file_ = in;
}

CsvReader::CsvReader(int fd, CsvOptions options)
    : CsvReader(Source::kFd, options) {
  fd_ = fd;
}

CsvReader::CsvReader(std::istream& in, CsvOptions options)
    : CsvReader(Source::kStream, options) {
  stream_ = &in;
}

size_t CsvReader::Read(char* dst, size_t n) {
  switch (source_) {
    case Source::kFile: {
      const size_t got = std::fread(dst, 1, n, file_);
      if (got == 0 && std::ferror(file_)) {
        io_error_ = std::string("read error: ") + std::strerror(errno);
      }
      return got;
    }
    case Source::kFd:
      for (;;) {
        const ssize_t got = ::read(fd_, dst, n);
        if (got >= 0) return static_cast<size_t>(got);
        if (errno == EINTR) continue;
        io_error_ = std::string("read error: ") + std::strerror(errno);
        return 0;
      }
    case Source::kStream:
      stream_->read(dst, static_cast<std::streamsize>(n));
      if (stream_->bad()) io_error_ = "read error";
      return static_cast<size_t>(stream_->gcount());
  }
  return 0;
}

bool CsvReader::Ensure(size_t n) {
  if (end_ - pos_ >= n) return true;
  if (eof_) return false;
  block_ = kNoBlock;  // the bytes move or grow
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    base_ += pos_;
    end_ -= pos_;
    pos_ = 0;
  }
  if (buf_.size() < n) buf_.resize(std::max(n, buf_.size() * 2));
  // One chunk per read even when the buffer has grown, so a tiny
  // chunk_bytes splits the input everywhere.
  while (end_ < n) {
    const size_t got = Read(
        buf_.data() + end_, std::min(options_.chunk_bytes, buf_.size() - end_));
    if (got == 0) {
      eof_ = true;
      break;
    }
    end_ += got;
  }
  return end_ - pos_ >= n;
}

std::string_view CsvReader::Head(size_t n) {
  if (started_) return {};
  Ensure(n);
  return std::string_view(buf_.data() + pos_, std::min(n, end_ - pos_));
}

void CsvReader::Start() {
  started_ = true;
  Ensure(3);
  if (end_ - pos_ >= 3 && std::memcmp(buf_.data() + pos_, "\xEF\xBB\xBF", 3) == 0) {
    pos_ += 3;
  }
  if (delimiter_ != 0) return;
  HeaderScan scan;
  // The header stays in the buffer (which grows for it) to be parsed next.
  for (size_t i = 0; i < kDetectLimit && !scan.done; ++i) {
    if (end_ - pos_ <= i && !Ensure(i + 1)) break;
    scan.Feed(buf_[pos_ + i]);
  }
  delimiter_ = scan.Pick();
}

std::string CsvReader::Where(uint64_t line, uint64_t offset) const {
  return "line " + std::to_string(line) + ", byte offset " +
         std::to_string(offset);
}

void CsvReader::SetError(CsvRecord* record, CsvError kind,
                         std::string message) {
  if (record->error_kind != CsvError::kNone) return;  // the first one counts
  record->error_kind = kind;
  record->error = std::move(message);
}

void CsvReader::NewFieldSlot(std::vector<std::string>& fields) {
  if (spare_.empty()) {
    fields.emplace_back();
  } else {
    fields.push_back(std::move(spare_.back()));
    spare_.pop_back();
  }
}

void CsvReader::ConsumeLf() {
  if (Fill() && buf_[pos_] == '\n') ++pos_;
}

bool CsvReader::AppendCut(CsvRecord* record, std::string& field,
                          const char* p, size_t n, size_t field_no) {
  const size_t room = options_.max_field_bytes - field.size();
  if (n <= room) {
    field.append(p, n);
    return true;
  }
  const uint64_t at = offset() + (p - (buf_.data() + pos_)) + room;
  field.append(p, room);
  TrimPartialUtf8(field);
  SetError(record, CsvError::kFieldTooLong,
           FieldName(field_no) + "longer than " +
               std::to_string(options_.max_field_bytes) + " bytes (" +
               Where(line_, at) + ")");
  return false;
}

void CsvReader::Rewind(std::string_view raw, uint64_t line) {
  const uint64_t cur = offset();
  block_ = kNoBlock;
  if (raw.size() <= pos_) {
    pos_ -= raw.size();
    std::memcpy(buf_.data() + pos_, raw.data(), raw.size());
  } else {
    const size_t rest = end_ - pos_;
    if (buf_.size() < raw.size() + rest) buf_.resize(raw.size() + rest);
    std::memmove(buf_.data() + raw.size(), buf_.data() + pos_, rest);
    std::memcpy(buf_.data(), raw.data(), raw.size());
    pos_ = 0;
    end_ = raw.size() + rest;
    base_ = cur - raw.size();
  }
  line_ = line;
}

void CsvReader::CheckUtf8(CsvRecord* record, const std::string& field,
                          size_t field_no, uint64_t start_line,
                          uint64_t start_offset, bool quoted) {
  const size_t bad = base::FirstInvalidUtf8(field);
  if (bad == std::string::npos) return;
  uint64_t line = start_line;
  uint64_t offset = start_offset + bad;
  if (quoted) {
    // Back to input positions: the opening quote, each '"' written twice,
    // and the line ends before the bad byte.
    const std::string_view before(field.data(), bad);
    offset += 1 + std::count(before.begin(), before.end(), '"');
    for (size_t i = 0; i < bad; ++i) {
      if (before[i] == '\r' || (before[i] == '\n' && (i == 0 || before[i - 1] != '\r'))) {
        ++line;
      }
    }
  }
  SetError(record, CsvError::kInvalidUtf8,
           FieldName(field_no) + "invalid UTF-8 (" + Where(line, offset) + ")");
}

CsvReader::End CsvReader::SkipToLineEnd() {
  for (;;) {
    if (!Fill()) return End::kInput;
    pos_ = Find<Stop::kLineEnd>(pos_);
    if (pos_ == end_) continue;
    const char c = buf_[pos_++];
    ++line_;
    if (c == '\r') ConsumeLf();
    return End::kLine;
  }
}

CsvReader::End CsvReader::ParseUnquoted(CsvRecord* record, std::string& field,
                                        size_t field_no, bool truncated) {
  const uint64_t start_line = line_;
  const uint64_t start_offset = offset();
  const bool clean = record->error_kind == CsvError::kNone;
  high_ = false;
  End end;
  for (;;) {
    if (!Fill()) {
      end = End::kInput;
      break;
    }
    const size_t s = Find<Stop::kUnquoted>(pos_);
    if (s > pos_ && !truncated) {
      truncated = !Append(record, field, buf_.data() + pos_, s - pos_, field_no);
    }
    pos_ = s;
    if (pos_ == end_) continue;
    const char c = buf_[pos_++];
    if (c == delimiter_) {
      end = End::kDelimiter;
      break;
    }
    if (c == '\n' || c == '\r') {
      ++line_;
      if (c == '\r') ConsumeLf();
      end = End::kLine;
      break;
    }
    // A quote inside an unquoted field: kept as text, as lenient readers
    // do, but the record is flagged.
    SetError(record, CsvError::kStrayQuote,
             FieldName(field_no) + "quote inside an unquoted field (" +
                 Where(line_, offset() - 1) + ")");
    if (!truncated) {
      truncated = !Append(record, field, buf_.data() + pos_ - 1, 1, field_no);
    }
  }
  if (clean && high_ && record->error_kind == CsvError::kNone) {
    CheckUtf8(record, field, field_no, start_line, start_offset, false);
  }
  return end;
}

CsvReader::End CsvReader::ParseQuoted(CsvRecord* record, std::string& field,
                                      size_t field_no) {
  const uint64_t open_line = line_;
  const uint64_t open_offset = offset();
  ++pos_;  // the opening quote
  // The first line end inside the quote: where the record is cut when the
  // field turns out malformed (docs/csv.md, "Errors and resynchronisation").
  bool has_eol = false;
  size_t cut = 0;
  uint64_t line_after_cut = 0;
  bool last_cr = false;

  // Ends the record at `cut` and puts back the bytes after that line end,
  // so the lines a broken quote swallowed are read again. They are the
  // field's text after the cut with its quotes doubled again (inside
  // quotes only "" decodes to something else than itself), then
  // `pending`: bytes consumed but not in the field.
  auto cut_record = [&](std::string_view pending) {
    size_t after = cut + 1;
    if (field[cut] == '\r' && after < field.size() && field[after] == '\n') {
      ++after;
    }
    const bool lone_cr_last =
        field[cut] == '\r' && cut + 1 == field.size() && pending.empty();
    pushback_.clear();
    for (size_t i = after; i < field.size(); ++i) {
      pushback_.push_back(field[i]);
      if (field[i] == '"') pushback_.push_back('"');
    }
    pushback_.append(pending);
    field.resize(cut);
    Rewind(pushback_, line_after_cut);
    // A CR that ended the stored text may be the first half of a CRLF.
    if (lone_cr_last) ConsumeLf();
    return End::kLine;
  };
  auto too_long = [&](const char* p, size_t n, std::string_view pending) {
    if (has_eol) {
      SetError(record, CsvError::kFieldTooLong,
               FieldName(field_no) + "longer than " +
                   std::to_string(options_.max_field_bytes) +
                   " bytes (quote opened at " +
                   Where(open_line, open_offset) + ")" + kCutNote);
      return cut_record(pending);
    }
    // No line end in it: keep what fits and end the record at the next
    // line end, quotes ignored.
    AppendCut(record, field, p, n, field_no);
    return SkipToLineEnd();
  };

  for (;;) {
    if (!Fill()) {
      SetError(record, CsvError::kUnterminatedQuote,
               FieldName(field_no) + "the quote opened at " +
                   Where(open_line, open_offset) + " is never closed" +
                   (has_eol ? kCutNote : ""));
      return has_eol ? cut_record("") : End::kInput;
    }
    const size_t s = Find<Stop::kQuoted>(pos_);
    const size_t n = s - pos_;
    const char* p = buf_.data() + pos_;
    if (n > 0) {
      if (field.size() + n > options_.max_field_bytes) return too_long(p, n, "");
      field.append(p, n);
      last_cr = false;
    }
    pos_ = s;
    if (pos_ == end_) continue;
    const char c = buf_[pos_];
    if (c == '\n' || c == '\r') {
      if (field.size() + 1 > options_.max_field_bytes) {
        return too_long(buf_.data() + pos_, 1, "");
      }
      ++pos_;
      if (c == '\r' || !last_cr) ++line_;
      if (!has_eol) {
        has_eol = true;
        cut = field.size();
        line_after_cut = line_;
      }
      field.push_back(c);
      last_cr = c == '\r';
      continue;
    }
    ++pos_;  // a quote: closing, or the first of a doubled one
    if (!Fill()) return End::kInput;
    const char next = buf_[pos_];
    if (next == '"') {
      if (field.size() + 1 > options_.max_field_bytes) {
        return too_long(buf_.data() + pos_, 1, "\"");
      }
      ++pos_;
      field.push_back('"');
      last_cr = false;
      continue;
    }
    if (next == delimiter_) {
      ++pos_;
      return End::kDelimiter;
    }
    if (next == '\n' || next == '\r') {
      ++pos_;
      ++line_;
      if (next == '\r') ConsumeLf();
      return End::kLine;
    }
    SetError(record, CsvError::kTextAfterQuote,
             FieldName(field_no) + "text after the closing quote (" +
                 Where(line_, offset()) + ")" + (has_eol ? kCutNote : ""));
    if (has_eol) return cut_record("\"");
    // On one line: the rest of the field is read as unquoted text.
    return ParseUnquoted(record, field, field_no, false);
  }
}

bool CsvReader::Next(CsvRecord* record) {
  if (!started_) Start();
  if (!Fill()) return false;
  record->index = index_++;
  record->line = line_;
  record->byte_offset = offset();
  record->blank = false;
  record->error.clear();
  record->error_kind = CsvError::kNone;

  size_t n = 0;
  const char first = buf_[pos_];
  if (first == '\n' || first == '\r') {
    FieldSlot(record, 0);
    n = 1;
    record->blank = true;
    ++pos_;
    ++line_;
    if (first == '\r') ConsumeLf();
  } else {
    for (;; ++n) {
      std::string* field = &dropped_;
      if (n < options_.max_fields) {
        field = &FieldSlot(record, n);
      } else {
        dropped_.clear();
        SetError(record, CsvError::kTooManyFields,
                 "more than " + std::to_string(options_.max_fields) +
                     " fields (" + Where(line_, offset()) + ")");
      }
      // Fast path, most fields: unquoted and ending inside the buffer.
      if (pos_ < end_ && buf_[pos_] != '"') {
        high_ = false;
        const size_t s = Find<Stop::kUnquoted>(pos_);
        if (s < end_ && buf_[s] != '"' &&
            s - pos_ <= options_.max_field_bytes) {
          field->append(buf_.data() + pos_, s - pos_);  // it is empty
          const uint64_t start_offset = offset();
          pos_ = s + 1;
          if (high_ && record->error_kind == CsvError::kNone) {
            CheckUtf8(record, *field, n + 1, line_, start_offset, false);
          }
          const char c = buf_[s];
          if (c == delimiter_) continue;
          ++line_;
          if (c == '\r') ConsumeLf();
          break;
        }
      }
      End end;
      if (Fill() && buf_[pos_] == '"') {
        const uint64_t start_line = line_;
        const uint64_t start_offset = offset();
        const bool clean = record->error_kind == CsvError::kNone;
        high_ = false;
        end = ParseQuoted(record, *field, n + 1);
        if (clean && high_ && record->error_kind == CsvError::kNone) {
          CheckUtf8(record, *field, n + 1, start_line, start_offset, true);
        }
      } else {
        end = ParseUnquoted(record, *field, n + 1, false);
      }
      if (end != End::kDelimiter) break;
    }
    n = std::min(n + 1, options_.max_fields);
  }
  std::vector<std::string>& fields = record->fields;
  while (fields.size() > n) {
    spare_.push_back(std::move(fields.back()));
    fields.pop_back();
  }
  return true;
}

}  // namespace smslint::cli
