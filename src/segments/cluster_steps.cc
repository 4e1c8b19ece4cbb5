#include "segments/cluster_steps.h"

#include <map>
#include <string>

namespace smslint::internal::ucs2 {

const ClassTable& ClassTable::Get() {
  static const ClassTable* table = new ClassTable(Bits());
  return *table;
}

ClassTable::ClassTable(const PropertyBits& bits) {
  const InlineProperties props{bits};
  std::map<std::string, uint16_t> seen;
  std::string block(kMask + 1, '\0');
  for (char32_t b = 0; b < kSimpleTableLimit; b += kMask + 1) {
    for (char32_t k = 0; k <= kMask; ++k) block[k] = Compute(b + k, props);
    const auto [it, added] = seen.emplace(
        block, static_cast<uint16_t>(blocks_.size() >> kShift));
    if (added) blocks_.insert(blocks_.end(), block.begin(), block.end());
    index_[b >> kShift] = it->second;
  }
}

}  // namespace smslint::internal::ucs2
