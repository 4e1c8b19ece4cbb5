// Duplicate recipients in a batch (docs/batch.md, "Duplicates").
#ifndef SMSLINT_CLI_BATCH_DUP_TABLE_H_
#define SMSLINT_CLI_BATCH_DUP_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "smslint/linter.h"
#include "smslint/report.h"

namespace smslint::cli {

// A recipient as the table compares it: `value` is the E.164 number's
// digits as an integer (at most 15 digits, so below 2^50), or for numbers
// that do not parse a 63-bit hash of the trimmed text with the top bit set
// (then `text` holds that trimmed text, so the table can compare exactly);
// 0 for an empty recipient. Converts to its value, as the old plain key did.
struct DupKey {
  uint64_t value = 0;
  std::string text;
  operator uint64_t() const { return value; }  // NOLINT: the old key type
};

// Recipients seen so far, exactly, for any number of them. E.164 numbers
// live in 12-byte slots (50-bit number + 14-bit line-minus-row, 32-bit
// row) of open-addressing tables split into shards that grow by half at
// 7/8 load one at a time, so memory is 14-21 bytes per distinct number
// and growth never doubles it. Rows past 2^32, odd line offsets, opaque
// 64-bit keys and unparseable texts go to exact side maps (rare, ~80
// bytes each).
class DupTable {
 public:
  // The pre-exactness cap; nothing is capped now (kept for old callers).
  static constexpr size_t kMaxUnique = 786'432;

  DupTable();
  DupTable(const DupTable&) = delete;
  DupTable& operator=(const DupTable&) = delete;
  ~DupTable();

  struct Hit {
    bool duplicate = false;
    uint64_t first_row = 0, first_line = 0;
  };

  // Whether `key` was seen (then where first); remembers it when not. Key
  // 0 is never a duplicate. A key with text is compared by its text.
  Hit Check(const DupKey& key, uint64_t row, uint64_t line);
  // A bare key: compared as the 64-bit value (exact for E.164 keys).
  Hit Check(uint64_t key, uint64_t row, uint64_t line);
  // Always false: tracking is exact for any number of recipients.
  bool capped() const { return false; }
  size_t size() const;
  // Bytes held by the tables (not counting the side maps' nodes).
  size_t table_bytes() const;

 private:
  struct Shard;
  using Pos = std::pair<uint64_t, uint64_t>;
  static constexpr int kShardBits = 6;
  std::unique_ptr<Shard[]> shards_;
  std::unordered_map<uint64_t, Pos> odd_positions_;  // E.164 key -> first
  std::unordered_map<uint64_t, Pos> opaque_;         // bare non-E.164 keys
  std::unordered_map<std::string, Pos> texts_;       // unparseable numbers
};

// The table key of a recipient (DupKey above).
DupKey RecipientKey(const Report& report, std::string_view to);

// Adds input/duplicate-recipient to the report of a row whose recipient
// (`to`, as given) came before, at `hit`, keeping the report's order; false
// when the rule is off. The Python binding's Dask path uses it too.
bool AddDuplicate(const Linter& linter, const DupTable::Hit& hit,
                  Report& report, std::string_view to);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_DUP_TABLE_H_
