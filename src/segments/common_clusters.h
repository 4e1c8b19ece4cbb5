// The common shapes of grapheme cluster regions, resolved without ICU
// (see segments/grapheme.h for what a region is).
#ifndef SMSLINT_SRC_SEGMENTS_COMMON_CLUSTERS_H_
#define SMSLINT_SRC_SEGMENTS_COMMON_CLUSTERS_H_

#include <cstdint>
#include <vector>

namespace smslint::internal {

// A decoded code point of a region (see Ucs2Pass).
struct Cp {
  char32_t cp;
  uint32_t byte_pos;
  uint8_t len;
  bool simple;
  bool valid;
};

// The clusters of the most common regions without ICU (a region starts
// after a safe boundary and ends before one; see Ucs2Pass). Each cluster is
//  - a flag: a pair of regional indicators (GB12/13), or a lone one;
//  - a control, CR or LF on its own (GB4/5);
//  - a simple code point with its plain Extend characters (accents, VS16,
//    skin tones, keycaps; GB9) and a ZWJ (GB9), and after an emoji, more
//    emoji joined by ZWJ (GB11).
// Appends each cluster's length in code points; false when the region has
// another shape (Indic viramas, spacing marks, prepends, Hangul jamo, a
// region that starts with a mark), which is left to ICU.
// tests/unit/grapheme_test.cc compares the result with ICU.
bool CommonClusters(const std::vector<Cp>& region,
                    std::vector<uint32_t>& lengths);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_SEGMENTS_COMMON_CLUSTERS_H_
