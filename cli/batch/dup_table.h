// Duplicate recipients in a batch (docs/batch.md, "Duplicates").
#ifndef SMSLINT_CLI_BATCH_DUP_TABLE_H_
#define SMSLINT_CLI_BATCH_DUP_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smslint/linter.h"
#include "smslint/report.h"

namespace smslint::cli {

// Recipients seen so far: a flat open-addressing table of 16-byte entries
// (key, first row, first line) with a fixed number of slots, allocated
// once with calloc so that only the pages touched count towards memory.
// At kMaxUnique recipients it stops adding new ones (`capped`).
class DupTable {
 public:
  static constexpr size_t kSlots = size_t{1} << 20;  // 16 MiB of address space
  static constexpr size_t kMaxUnique = 786'432;      // load factor 0.75

  DupTable() = default;
  DupTable(const DupTable&) = delete;
  DupTable& operator=(const DupTable&) = delete;
  ~DupTable();

  struct Hit {
    bool duplicate = false;
    uint64_t first_row = 0, first_line = 0;
  };

  // Whether `key` was seen (then where first); remembers it when not. Key
  // 0 is never a duplicate.
  Hit Check(uint64_t key, uint64_t row, uint64_t line);
  bool capped() const { return capped_; }

 private:
  struct Entry {
    uint64_t key;
    uint32_t row;
    uint32_t line;
  };
  static_assert(sizeof(Entry) == 16);
  Entry* slots_ = nullptr;
  size_t size_ = 0;
  bool capped_ = false;
};

// The table key of a recipient: an E.164 number's digits as an integer (at
// most 15 digits), or for numbers that do not parse a 63-bit hash of the
// trimmed text with the top bit set; 0 for an empty recipient.
uint64_t RecipientKey(const Report& report, std::string_view to);

// Adds input/duplicate-recipient to the report of a row whose recipient
// (`to`, as given) came before, at `hit`, keeping the report's order; false
// when the rule is off. The Python binding's Dask path uses it too.
bool AddDuplicate(const Linter& linter, const DupTable::Hit& hit,
                  Report& report, std::string_view to);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_DUP_TABLE_H_
