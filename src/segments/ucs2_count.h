// The segment count of a UCS-2 message, without the detail AnalyzeSegments
// reports: what CountSegments runs once the text is known not to be GSM-7.
// It gives exactly the result of the general per-code-point pass
// (Ucs2Pass in segments.cc), which stays the oracle: tests compare the two
// on generated text, and the benchmarks time both. Text whose clusters are
// not of the common shapes is left to the general pass.
#ifndef SMSLINT_SRC_SEGMENTS_UCS2_COUNT_H_
#define SMSLINT_SRC_SEGMENTS_UCS2_COUNT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smslint/segments.h"

namespace smslint::internal {

// How CountUcs2Segments scans: kBest picks AVX2 when the CPU has it (with
// POPCNT, BMI1/2 and LZCNT), else SSE2; tests ask for each.
enum class ScanPath { kBest, kScalar, kSse2, kAvx2 };

// Segments of the `n` bytes of UTF-8 at `p` sent as UCS-2. A path the build
// or the CPU lacks falls back to the next simpler one.
uint32_t CountUcs2Segments(const uint8_t* p, size_t n,
                           ScanPath path = ScanPath::kBest);

// The count of CountUcs2Segments when the text's clusters are all of the
// common shapes (CommonClusters), else 0.
uint32_t CountCommonShapes(const uint8_t* p, size_t n,
                           ScanPath path = ScanPath::kBest);

// The general pass's count of the same (segments.cc).
uint32_t CountUcs2General(const uint8_t* p, size_t n);

// CountSegments through the general pass instead of CountUcs2Segments.
uint32_t CountSegmentsReference(std::string_view utf8,
                                const SegmentOptions& options = {});

// The lead bytes of multi-byte UTF-8 sequences that the block scan checks
// one by one: those that can start an ill-formed sequence (C0, C1, E0, ED,
// F0-FF) or a code point that is not simple (segments/grapheme.h). Every
// well-formed sequence with another lead is a simple code point;
// tests/unit/segments/ucs2_count_test.cc checks that against ICU.
bool IsCheckedLead(uint8_t byte);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_SEGMENTS_UCS2_COUNT_H_
