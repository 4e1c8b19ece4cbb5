// Grapheme clusters, as ICU's character BreakIterator defines them, without
// paying ICU's cost (about 60 MB/s here) on text where clusters cannot
// matter.
//
// A code point is "simple" when its Grapheme_Cluster_Break value is Other,
// CR, LF, Control, LV or LVT. UAX #29 has no rule that joins two simple
// code points (GB3 CR x LF aside, which the calculator splits anyway), and
// no rule looks back across one, so the position between two simple code
// points is always a boundary. The engine treats runs of simple code points
// as one-code-point clusters and asks ICU only about the regions between
// such safe boundaries. tests/unit/grapheme_test.cc checks this against
// ICU on every code point class and on random text.
#ifndef SMSLINT_SRC_SEGMENTS_GRAPHEME_H_
#define SMSLINT_SRC_SEGMENTS_GRAPHEME_H_

#include <cstdint>
#include <span>
#include <vector>

namespace smslint::internal {

// True when `cp` is simple in the sense above.
bool IsClusterSimple(char32_t cp);

// The same answer from a bit table, for code points below kSimpleTableLimit
// (the BMP and the emoji plane), to be inlined into hot loops.
inline constexpr char32_t kSimpleTableLimit = 0x20000;
const uint64_t* SimpleBits();
inline bool IsClusterSimpleFast(const uint64_t* bits, char32_t cp) {
  if (cp < kSimpleTableLimit) return (bits[cp >> 6] >> (cp & 63)) & 1;
  return IsClusterSimple(cp);
}

// True when `cp` has Grapheme_Cluster_Break=Extend and is not a virama
// (canonical combining class 9, which can link Indic consonants, GB9c).
// Such a code point always joins what precedes it (GB9) and never joins a
// simple code point that follows.
bool IsPlainExtend(char32_t cp);

// Extended_Pictographic (emoji and pictographs), for GB11.
bool IsExtendedPictographic(char32_t cp);

// True for Grapheme_Cluster_Break CR, LF and Control.
bool IsControlBreak(char32_t cp);

// Regional indicators (flag halves).
inline bool IsRegionalIndicator(char32_t cp) {
  return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

// The bit tables behind the functions above, below kSimpleTableLimit, for
// loops that cannot afford a call per code point (ucs2_count.cc).
struct PropertyBits {
  const uint64_t* simple;
  const uint64_t* plain_extend;
  const uint64_t* pictographic;
  const uint64_t* control;
};
const PropertyBits& Bits();
inline bool TestBit(const uint64_t* table, char32_t cp) {
  return (table[cp >> 6] >> (cp & 63)) & 1;
}

// The functions above through the bit tables, inlined.
struct InlineProperties {
  const PropertyBits& bits;
  bool Simple(char32_t cp) const {
    return cp < kSimpleTableLimit ? TestBit(bits.simple, cp)
                                  : IsClusterSimple(cp);
  }
  bool PlainExtend(char32_t cp) const {
    return cp < kSimpleTableLimit && TestBit(bits.plain_extend, cp);
  }
  bool Pictographic(char32_t cp) const {
    return cp < kSimpleTableLimit ? TestBit(bits.pictographic, cp)
                                  : IsExtendedPictographic(cp);
  }
  bool ControlBreak(char32_t cp) const {
    return cp < kSimpleTableLimit ? TestBit(bits.control, cp)
                                  : IsControlBreak(cp);
  }
};

// Splits `cps` into grapheme clusters with ICU and appends each cluster's
// length in code points to `lengths`. Thread-safe (one ICU iterator per
// thread).
void SegmentClusters(std::span<const char32_t> cps,
                     std::vector<uint32_t>& lengths);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_SEGMENTS_GRAPHEME_H_
