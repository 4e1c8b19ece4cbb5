// Suppression (opt-out) lists: a file of phone numbers, loaded once into a
// compact exact set that says on which line each number was
// (docs/account.md, "Suppression lists").
//
//   SuppressionSet set;
//   std::string error;
//   if (!set.LoadFile("optouts.csv", normalize, &error)) { /* file:line: why */ }
//   if (auto line = set.Find(E164Key("+14155550123"))) { /* on line *line */ }
//
// Layout: a number is the integer of its E.164 digits (at most 15 digits,
// so below 2^50). Entry i of the table is
// (key mod 2^32) << 32 | line index, sorted; the top 18 bits of the key pick
// a bucket of a directory of 2^18 + 1 offsets (1 MiB). So each line of the
// file costs 8 bytes (comment, blank and header lines too: the line index is
// the entry's position before sorting, which is what lets the sort run in
// place), plus the fixed 1 MiB. A lookup is one binary search inside a
// bucket; the first line of a number listed twice is the one reported.
#ifndef SMSLINT_SRC_ACCOUNT_SUPPRESSION_LIST_H_
#define SMSLINT_SRC_ACCOUNT_SUPPRESSION_LIST_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smslint::internal {

// The key of an E.164 number ("+14155550123" -> 14155550123); 0 when
// `e164` is not '+' and 1 to 15 digits.
uint64_t E164Key(std::string_view e164);

// Turns one cell into a key: true with *key set, or false with *why set
// ("not a phone number", "too short", ...). The Linter's reads the cell with
// libphonenumber (through PhoneUtil) in the default region.
using NumberNormalizer =
    std::function<bool(std::string_view cell, uint64_t* key, std::string* why)>;

class SuppressionSet {
 public:
  // Reads the file at `path`: blank lines and lines starting with '#' are
  // skipped; CSV (a line with ',', ';' or a tab outside quotes decides,
  // looking at the first line that is not skipped) uses the column named
  // number, phone, phone_number, phonenumber, mobile, msisdn, to or e164 in
  // a header, else the first; a first line whose cell has no digit is a
  // header. Any other line that does not hold a number is an error:
  // `error` is "NAME:LINE: why" and the set stays empty. Never throws
  // (an allocation failure is an error too).
  bool LoadFile(const std::string& path, const std::string& name,
                const NumberNormalizer& normalize, std::string* error);
  // The same from text in memory (tests, fuzzing).
  bool LoadText(std::string_view text, const std::string& name,
                const NumberNormalizer& normalize, std::string* error);

  // The 1-based line of `key`'s first occurrence, or nullopt.
  std::optional<uint64_t> Find(uint64_t key) const;

  size_t numbers() const { return numbers_; }  // lines holding a number
  size_t lines() const { return table_.size(); }
  // Heap bytes held (the table and the directory).
  size_t bytes() const {
    return table_.capacity() * sizeof(uint64_t) + dir_.capacity() * sizeof(uint32_t);
  }

  static constexpr int kBucketBits = 18;  // keys < 2^50: 50 - 32

 private:
  class Builder;
  // The two loaders' endings: keep the sorted keys, or report that memory
  // ran out and stay empty.
  bool Adopt(std::vector<uint64_t> keys, size_t numbers);
  bool OutOfMemory(const std::string& name, std::string* error);
  std::vector<uint64_t> table_;
  std::vector<uint32_t> dir_;  // bucket b is table_[dir_[b], dir_[b + 1])
  size_t numbers_ = 0;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_ACCOUNT_SUPPRESSION_LIST_H_
