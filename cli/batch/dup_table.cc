#include "batch/dup_table.h"

#include <cstdlib>
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

}  // namespace

DupTable::~DupTable() { std::free(slots_); }

DupTable::Hit DupTable::Check(uint64_t key, uint64_t row, uint64_t line) {
  Hit hit;
  if (key == 0) return hit;
  if (slots_ == nullptr) {
    slots_ = static_cast<Entry*>(std::calloc(kSlots, sizeof(Entry)));
    if (slots_ == nullptr) { capped_ = true; return hit; }
  }
  size_t i = Mix(key) & (kSlots - 1);
  while (slots_[i].key != 0) {
    if (slots_[i].key == key) {
      hit.duplicate = true;
      hit.first_row = slots_[i].row;
      hit.first_line = slots_[i].line;
      return hit;
    }
    i = (i + 1) & (kSlots - 1);
  }
  if (size_ >= kMaxUnique || row > UINT32_MAX || line > UINT32_MAX) {
    capped_ = true;
    return hit;
  }
  slots_[i] = {key, static_cast<uint32_t>(row), static_cast<uint32_t>(line)};
  ++size_;
  return hit;
}

uint64_t RecipientKey(const Report& report, std::string_view to) {
  to = Trim(to);
  if (to.empty()) return 0;
  if (report.to_number && !report.to_number->e164.empty()) {
    const std::string& e = report.to_number->e164;
    uint64_t v = 0;
    bool ok = e.size() >= 2 && e.size() <= 16 && e[0] == '+';
    for (size_t i = 1; ok && i < e.size(); ++i) {
      if (e[i] < '0' || e[i] > '9') ok = false;
      else v = v * 10 + static_cast<uint64_t>(e[i] - '0');
    }
    if (ok && v != 0) return v;
  }
  return Fnv1a(to) | (uint64_t{1} << 63);
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
