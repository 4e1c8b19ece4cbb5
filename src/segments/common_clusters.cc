#include "segments/common_clusters.h"

#include "segments/grapheme.h"

namespace smslint::internal {

bool CommonClusters(const std::vector<Cp>& region,
                    std::vector<uint32_t>& lengths) {
  const size_t n = region.size();
  size_t k = 0;
  while (k < n) {
    const size_t start = k;
    const char32_t first = region[k].cp;
    if (IsRegionalIndicator(first)) {
      k += (k + 1 < n && IsRegionalIndicator(region[k + 1].cp)) ? 2 : 1;
      while (k < n && IsPlainExtend(region[k].cp)) ++k;
    } else if (!region[k].simple) {
      lengths.clear();
      return false;
    } else if (IsControlBreak(first)) {
      ++k;
    } else {
      const bool pictographic = IsExtendedPictographic(first);
      ++k;
      while (true) {
        while (k < n && IsPlainExtend(region[k].cp)) ++k;
        if (k < n && region[k].cp == 0x200D) {
          ++k;
          if (pictographic && k < n &&
              IsExtendedPictographic(region[k].cp)) {
            ++k;
            continue;
          }
        }
        break;
      }
    }
    lengths.push_back(static_cast<uint32_t>(k - start));
  }
  return true;
}

}  // namespace smslint::internal
