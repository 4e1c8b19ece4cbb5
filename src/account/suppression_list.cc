#include "account/suppression_list.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>

namespace smslint::internal {

uint64_t E164Key(std::string_view e164) {
  if (e164.size() < 2 || e164.size() > 16 || e164[0] != '+') return 0;
  uint64_t key = 0;
  for (size_t i = 1; i < e164.size(); ++i) {
    const char c = e164[i];
    if (c < '0' || c > '9') return 0;
    key = key * 10 + static_cast<uint64_t>(c - '0');
  }
  return key;
}

namespace {

constexpr uint64_t kMaxKey = 1'000'000'000'000'000;  // 15 digits

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// What an error message shows of a cell: at most 40 bytes, printable ASCII.
std::string Shown(std::string_view cell) {
  std::string out;
  for (char c : cell.substr(0, 40)) {
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  }
  if (cell.size() > 40) out += "...";
  return out;
}

bool IsHeaderName(std::string_view cell) {
  std::string s;
  for (char c : cell) {
    if (c == ' ' || c == '-' || c == '.') c = '_';
    s += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  for (std::string_view name : {"number", "phone", "phone_number", "phonenumber", "mobile",
                                "msisdn", "to", "e164", "e_164"}) {
    if (s == name) return true;
  }
  return false;
}

// The cells of one CSV line, unquoted ("" inside quotes is one quote).
// False with *why on a quote that does not close on the line.
bool SplitCells(std::string_view line, char delim, std::vector<std::string>* cells,
                std::string* why) {
  cells->clear();
  size_t i = 0;
  for (;;) {
    std::string cell;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t') && line[i] != delim) ++i;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        cell += line[i++];
      }
      if (!closed) {
        *why = "a quoted field does not end on its line (fields with line breaks are not supported)";
        return false;
      }
      while (i < line.size() && line[i] != delim) ++i;  // text after the quote is ignored
    } else {
      const size_t end = line.find(delim, i);
      cell = std::string(line.substr(i, end == std::string_view::npos ? std::string_view::npos
                                                                       : end - i));
      i = end == std::string_view::npos ? line.size() : end;
    }
    cells->push_back(std::string(TrimSpaces(cell)));
    if (i >= line.size()) break;
    ++i;  // the delimiter
  }
  return true;
}

// The delimiter of a CSV line: the first ',', ';' or tab outside quotes; 0
// for a line without one (one number a line).
char FindDelimiter(std::string_view line) {
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == ',' || c == ';' || c == '\t')) return c;
  }
  return 0;
}

}  // namespace

// Reads lines into `keys` (index = line - 1; 0 for a skipped line), then
// sorts them in place into the table.
class SuppressionSet::Builder {
 public:
  Builder(std::string name, const NumberNormalizer& normalize, std::vector<uint64_t>* keys)
      : name_(std::move(name)), normalize_(normalize), keys_(*keys) {}

  // One line without its '\n'. False with error() set.
  bool Line(std::string_view line) {
    const uint64_t line_no = keys_.size() + 1;
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    const std::string_view trimmed = TrimSpaces(line);
    if (trimmed.empty() || trimmed.front() == '#') {
      keys_.push_back(0);
      return true;
    }
    std::string_view cell = trimmed;
    const bool first = !decided_;
    if (first) {
      decided_ = true;
      delim_ = FindDelimiter(trimmed);
    }
    if (delim_ != 0) {
      std::string why;
      if (!SplitCells(trimmed, delim_, &cells_, &why)) return Fail(line_no, why);
      if (first) {
        for (size_t i = 0; i < cells_.size(); ++i) {
          if (IsHeaderName(cells_[i])) {
            column_ = i;
            keys_.push_back(0);
            return true;
          }
        }
      }
      if (column_ >= cells_.size()) {
        return Fail(line_no, "no column " + std::to_string(column_ + 1) + " (the line has " +
                                 std::to_string(cells_.size()) + ")");
      }
      cell = cells_[column_];
    } else if (first && IsHeaderName(trimmed)) {
      keys_.push_back(0);
      return true;
    }
    uint64_t key = 0;
    std::string why;
    if (cell.empty()) return Fail(line_no, "the number is empty");
    if (!normalize_(cell, &key, &why) || key == 0 || key >= kMaxKey) {
      // A first line whose cell has no digit is a header with a name
      // smslint does not know: the numbers are in its first column.
      if (first && cell.find_first_of("0123456789") == std::string_view::npos) {
        keys_.push_back(0);
        return true;
      }
      return Fail(line_no, "'" + Shown(cell) + "' is not a phone number" +
                               (why.empty() ? "" : " (" + why + ")"));
    }
    keys_.push_back(key);
    ++numbers_;
    return true;
  }

  bool Fail(uint64_t line_no, const std::string& why) {
    error_ = name_ + ":" + std::to_string(line_no) + ": " + why;
    return false;
  }
  const std::string& error() const { return error_; }
  size_t numbers() const { return numbers_; }

 private:
  std::string name_;
  const NumberNormalizer& normalize_;
  std::vector<uint64_t>& keys_;
  bool decided_ = false;
  char delim_ = 0;
  size_t column_ = 0;
  std::vector<std::string> cells_;
  std::string error_;
  size_t numbers_ = 0;
};

namespace {

constexpr size_t kBuckets = size_t{1} << SuppressionSet::kBucketBits;

uint64_t Pack(uint64_t key, uint64_t index) { return (key & 0xffffffffu) << 32 | index; }

// Sorts [first, last) in place: an American-flag sort on the byte at
// `shift` and down to the high 32 bits (the key's), then std::sort for
// small ranges, which also orders a number's lines. Two to three times
// faster than std::sort on a 10-million-line NANP list, which falls in a
// handful of buckets.
void RadixSort(uint64_t* first, uint64_t* last, int shift) {
  const size_t n = static_cast<size_t>(last - first);
  if (n < 256 || shift < 32) {
    std::sort(first, last);
    return;
  }
  size_t count[256] = {};
  for (uint64_t* p = first; p != last; ++p) ++count[(*p >> shift) & 0xff];
  size_t start[257];
  start[0] = 0;
  for (int i = 0; i < 256; ++i) start[i + 1] = start[i] + count[i];
  size_t next[256];
  std::copy(start, start + 256, next);
  for (int b = 0; b < 256; ++b) {
    while (next[b] < start[b + 1]) {
      uint64_t v = first[next[b]];
      for (;;) {
        const int vb = static_cast<int>((v >> shift) & 0xff);
        if (vb == b) break;
        std::swap(v, first[next[vb]++]);
      }
      first[next[b]++] = v;
    }
  }
  for (int b = 0; b < 256; ++b) {
    if (count[b] > 1) RadixSort(first + start[b], first + start[b + 1], shift - 8);
  }
}

// Sorts `keys` (key of line index i at position i) into packed entries by
// bucket, in place: an American-flag sort, whose invariant is that an entry
// not yet placed is still at its own index, so its line is known when it
// moves. Then each bucket is sorted.
void BuildTable(std::vector<uint64_t>& t, std::vector<uint32_t>& dir) {
  dir.assign(kBuckets + 1, 0);
  for (uint64_t k : t) ++dir[(k >> 32) + 1];
  for (size_t b = 0; b < kBuckets; ++b) dir[b + 1] += dir[b];
  std::vector<uint32_t> next(dir.begin(), dir.end() - 1);
  for (size_t b = 0; b < kBuckets; ++b) {
    while (next[b] < dir[b + 1]) {
      const size_t hole = next[b];
      uint64_t key = t[hole];
      uint64_t index = hole;
      for (;;) {
        const size_t j = next[key >> 32]++;
        if (j == hole) {
          t[j] = Pack(key, index);
          break;
        }
        const uint64_t displaced = t[j];
        t[j] = Pack(key, index);
        key = displaced;
        index = j;
      }
    }
  }
  for (size_t b = 0; b < kBuckets; ++b) {
    if (dir[b + 1] - dir[b] > 1) RadixSort(t.data() + dir[b], t.data() + dir[b + 1], 56);
  }
}

}  // namespace

std::optional<uint64_t> SuppressionSet::Find(uint64_t key) const {
  if (key == 0 || dir_.empty()) return std::nullopt;
  const uint64_t b = key >> 32;
  if (b >= kBuckets) return std::nullopt;
  const auto first = table_.begin() + dir_[b];
  const auto last = table_.begin() + dir_[b + 1];
  const uint64_t probe = (key & 0xffffffffu) << 32;
  const auto it = std::lower_bound(first, last, probe);
  if (it == last || (*it >> 32) != (key & 0xffffffffu)) return std::nullopt;
  return (*it & 0xffffffffu) + 1;
}

bool SuppressionSet::Adopt(std::vector<uint64_t> keys, size_t numbers) {
  BuildTable(keys, dir_);
  table_ = std::move(keys);
  numbers_ = numbers;
  return true;
}

bool SuppressionSet::OutOfMemory(const std::string& name, std::string* error) {
  *error = name + ": not enough memory to load the list";
  table_.clear();
  dir_.clear();
  return false;
}

bool SuppressionSet::LoadText(std::string_view text, const std::string& name,
                              const NumberNormalizer& normalize, std::string* error) {
  try {
    std::vector<uint64_t> keys;
    keys.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    Builder builder(name, normalize, &keys);
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      if (keys.size() >= 0xffffffffu) {
        *error = name + ": more than 4294967294 lines";
        return false;
      }
      if (!builder.Line(text.substr(start, end - start))) {
        *error = builder.error();
        return false;
      }
      start = end + 1;
    }
    return Adopt(std::move(keys), builder.numbers());
  } catch (const std::bad_alloc&) {
    return OutOfMemory(name, error);
  }
}

namespace {

// A regular file, opened without blocking (a FIFO cannot hang the Linter).
int OpenRegular(const std::string& path, std::string* why) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *why = std::string("cannot open: ") + std::strerror(errno);
    return -1;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *why = "not a regular file";
    ::close(fd);
    return -1;
  }
  return fd;
}

// Calls `line` for each line of the file (without '\n'), reading 1 MiB at
// a time; a line is at most 64 KiB. False with *why on a read error, a
// longer line or when `line` returns false (*why empty then).
template <typename F>
bool ForEachLine(int fd, F&& line, std::string* why) {
  constexpr size_t kChunk = 1 << 20;
  constexpr size_t kMaxLine = 1 << 16;
  std::string buf;
  buf.resize(kChunk + kMaxLine);
  size_t have = 0;  // bytes of an unfinished line at the start of buf
  for (;;) {
    ssize_t n = ::read(fd, buf.data() + have, kChunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *why = std::string("cannot read: ") + std::strerror(errno);
      return false;
    }
    const size_t end = have + static_cast<size_t>(n);
    size_t start = 0;
    for (;;) {
      const void* nl = std::memchr(buf.data() + start, '\n', end - start);
      if (nl == nullptr) break;
      const size_t pos = static_cast<const char*>(nl) - buf.data();
      if (!line(std::string_view(buf.data() + start, pos - start))) return false;
      start = pos + 1;
    }
    have = end - start;
    if (have > kMaxLine) {
      *why = "a line longer than 65536 bytes";
      return false;
    }
    std::memmove(buf.data(), buf.data() + start, have);
    if (n == 0) {
      if (have > 0 && !line(std::string_view(buf.data(), have))) return false;
      return true;
    }
  }
}

}  // namespace

bool SuppressionSet::LoadFile(const std::string& path, const std::string& name,
                              const NumberNormalizer& normalize, std::string* error) {
  std::string why;
  const int fd = OpenRegular(path, &why);
  if (fd < 0) {
    *error = name + ": " + why;
    return false;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  try {
    // First count the lines, so the table is allocated once at its size:
    // growing it by doubling would need 1.5 times the memory while copying.
    uint64_t lines = 0;
    if (!ForEachLine(fd, [&](std::string_view) { return ++lines < 0xffffffffu; }, &why)) {
      *error = name + ": " + (why.empty() ? "more than 4294967294 lines" : why);
      return false;
    }
    if (::lseek(fd, 0, SEEK_SET) != 0) {
      *error = name + ": cannot seek: " + std::strerror(errno);
      return false;
    }
    std::vector<uint64_t> keys;
    keys.reserve(lines);
    Builder builder(name, normalize, &keys);
    const bool ok = ForEachLine(fd, [&](std::string_view line) {
      if (keys.size() >= lines) {
        why = "the file changed while it was read";
        return false;
      }
      return builder.Line(line);
    }, &why);
    if (!ok) {
      *error = why.empty() ? builder.error() : name + ": " + why;
      return false;
    }
    return Adopt(std::move(keys), builder.numbers());
  } catch (const std::bad_alloc&) {
    return OutOfMemory(name, error);
  }
}

}  // namespace smslint::internal
