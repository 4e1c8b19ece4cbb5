#include "batch/dup_table.h"

#include <cstdlib>
#include <new>
#include <string>
#include <utility>

#include "ascii.h"

namespace smslint::cli {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27; x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

constexpr int kKeyBits = 50;  // 10^15 - 1 < 2^50
constexpr uint64_t kKeyMask = (uint64_t{1} << kKeyBits) - 1;
constexpr uint64_t kOddDelta = (uint64_t{1} << (64 - kKeyBits)) - 1;  // see side map

}  // namespace

// 12-byte slots: alignment 4 keeps them packed; word 0 means empty.
struct DupTable::Shard {
  struct Slot {
    uint32_t lo, hi, row;
    uint64_t word() const { return uint64_t{hi} << 32 | lo; }
  };
  static_assert(sizeof(Slot) == 12);
  Slot* slots = nullptr;
  size_t capacity = 0, size = 0;

  ~Shard() { std::free(slots); }

  // Start of `h`'s probe: the hash's low 32 bits scaled to the capacity.
  size_t Home(uint64_t h) const { return ((h & 0xffffffffu) * capacity) >> 32; }

  Slot* Find(uint64_t key, uint64_t h) {
    size_t i = Home(h);
    for (;;) {
      Slot& s = slots[i];
      const uint64_t w = s.word();
      if (w == 0 || (w & kKeyMask) == key) return &s;
      if (++i == capacity) i = 0;
    }
  }

  void Grow() {
    const size_t old_capacity = capacity;
    Slot* old = slots;
    capacity = old_capacity == 0 ? 1024 : old_capacity + old_capacity / 2;
    slots = static_cast<Slot*>(std::calloc(capacity, sizeof(Slot)));
    if (slots == nullptr) throw std::bad_alloc();
    for (size_t i = 0; i < old_capacity; ++i) {
      const uint64_t w = old[i].word();
      if (w != 0) *Find(w & kKeyMask, Mix(w & kKeyMask)) = old[i];
    }
    std::free(old);
  }
};

DupTable::DupTable() : shards_(new Shard[size_t{1} << kShardBits]) {}
DupTable::~DupTable() = default;

size_t DupTable::size() const {
  size_t n = opaque_.size() + texts_.size();
  for (size_t i = 0; i < (size_t{1} << kShardBits); ++i) n += shards_[i].size;
  return n;
}

size_t DupTable::table_bytes() const {
  size_t n = 0;
  for (size_t i = 0; i < (size_t{1} << kShardBits); ++i) {
    n += shards_[i].capacity * sizeof(Shard::Slot);
  }
  return n;
}

DupTable::Hit DupTable::Check(const DupKey& key, uint64_t row, uint64_t line) {
  if (key.value == 0 || key.text.empty()) return Check(key.value, row, line);
  Hit hit;
  const auto [it, inserted] = texts_.try_emplace(key.text, row, line);
  if (!inserted) hit = {true, it->second.first, it->second.second};
  return hit;
}

DupTable::Hit DupTable::Check(uint64_t key, uint64_t row, uint64_t line) {
  Hit hit;
  if (key == 0) return hit;
  if (key > kKeyMask) {  // not an E.164 number: exact on the 64-bit key
    const auto [it, inserted] = opaque_.try_emplace(key, row, line);
    if (!inserted) hit = {true, it->second.first, it->second.second};
    return hit;
  }
  const uint64_t h = Mix(key);
  Shard& shard = shards_[h >> (64 - kShardBits)];
  if (shard.size + 1 > shard.capacity / 8 * 7) shard.Grow();
  Shard::Slot* s = shard.Find(key, h);
  const uint64_t w = s->word();
  if (w != 0) {
    hit.duplicate = true;
    const uint64_t delta = w >> kKeyBits;
    if (delta == kOddDelta) {
      const Pos& p = odd_positions_.at(key);
      hit.first_row = p.first;
      hit.first_line = p.second;
    } else {
      hit.first_row = s->row;
      hit.first_line = s->row + delta;
    }
    return hit;
  }
  uint64_t delta = line - row;
  if (line < row || delta >= kOddDelta || row > UINT32_MAX) {
    delta = kOddDelta;
    odd_positions_.emplace(key, Pos{row, line});
  }
  const uint64_t word = key | delta << kKeyBits;
  *s = {static_cast<uint32_t>(word), static_cast<uint32_t>(word >> 32),
        static_cast<uint32_t>(row)};
  ++shard.size;
  return hit;
}

DupKey RecipientKey(const Report& report, std::string_view to) {
  to = Trim(to);
  if (to.empty()) return {};
  if (report.to_number && !report.to_number->e164.empty()) {
    const std::string& e = report.to_number->e164;
    uint64_t v = 0;
    bool ok = e.size() >= 2 && e.size() <= 16 && e[0] == '+';
    for (size_t i = 1; ok && i < e.size(); ++i) {
      if (e[i] < '0' || e[i] > '9') ok = false;
      else v = v * 10 + static_cast<uint64_t>(e[i] - '0');
    }
    if (ok && v != 0) return {v, {}};
  }
  return {Fnv1a(to) | (uint64_t{1} << 63), std::string(to)};
}

bool AddDuplicate(const Linter& linter, const DupTable::Hit& hit,
                  Report& report, std::string_view to) {
  std::string number = report.to_number && !report.to_number->e164.empty()
                           ? report.to_number->e164
                           : std::string(Trim(to));
  auto d = linter.MakeDiagnostic(
      "input/duplicate-recipient", "to", std::nullopt,
      {{"number", number},
       {"first_line", std::to_string(hit.first_line)},
       {"first_row", std::to_string(hit.first_row)}});
  if (!d) return false;
  report.diagnostics.push_back(std::move(*d));
  SortDiagnostics(report.diagnostics);
  return true;
}

}  // namespace smslint::cli
