// The common shapes of grapheme clusters (CommonClusters) as a state
// machine over classes of code points, one code point at a time, for the
// UCS-2 count (ucs2_count.cc).
#ifndef SMSLINT_SRC_SEGMENTS_CLUSTER_STEPS_H_
#define SMSLINT_SRC_SEGMENTS_CLUSTER_STEPS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "segments/grapheme.h"

namespace smslint::internal::ucs2 {

// Classes of code points for the cluster state machine of Count. Simple
// ones first (segments/grapheme.h); Extended_Pictographic code points are
// all simple (Grapheme_Cluster_Break Other).
enum CpClass : uint8_t {
  kSimple,       // any other simple code point
  kPictograph,   // Extended_Pictographic
  kControl,      // CR, LF, Control
  kPlainExtend,  // IsPlainExtend
  kZwj,          // U+200D
  kRegional,     // regional indicator
  kOther,        // any other code point: Indic, Hangul jamo, prepends...
  kClassCount
};

// The class of each code point below kSimpleTableLimit, as a two-level
// table of 128-code-point blocks (most blocks are alike). Built once, from
// the property tables.
class ClassTable {
 public:
  // Built on first use; thread-safe.
  static const ClassTable& Get();

  CpClass Of(char32_t cp, const InlineProperties& props) const {
    if (cp < kSimpleTableLimit) {
      return static_cast<CpClass>(
          blocks_[(static_cast<size_t>(index_[cp >> kShift]) << kShift) |
                  (cp & kMask)]);
    }
    return Compute(cp, props);
  }

  static CpClass Compute(char32_t cp, const InlineProperties& props) {
    if (props.Simple(cp)) {
      return props.Pictographic(cp)   ? kPictograph
             : props.ControlBreak(cp) ? kControl
                                      : kSimple;
    }
    if (cp == 0x200D) return kZwj;
    if (IsRegionalIndicator(cp)) return kRegional;
    return props.PlainExtend(cp) ? kPlainExtend : kOther;
  }

 private:
  static constexpr int kShift = 7;
  static constexpr char32_t kMask = (1 << kShift) - 1;

  explicit ClassTable(const PropertyBits& bits);

  uint16_t index_[kSimpleTableLimit >> kShift];
  std::vector<uint8_t> blocks_;
};

// States of the cluster state machine: CommonClusters, one code point at a
// time. The state after a code point says which classes the next one joins.
enum ClusterState : uint8_t {
  kStart,      // nothing joins: a control, a ZWJ after a non-emoji, the start
  kRegional1,  // a lone regional indicator: another one or an Extend joins
  kRegional2,  // a flag (or a regional indicator with Extend): Extend joins
  kBase,       // a simple code point and its Extend: Extend and ZWJ join
  kEmoji,      // the same for an emoji base
  kEmojiZwj,   // an emoji sequence up to a ZWJ: an emoji joins
  kFail,       // a cluster would start with neither a simple code point nor
               // a regional indicator: not a common shape
  kStateCount
};

// kStep[state][class]: the next state, plus kJoins when the code point
// joins the cluster rather than starting one.
constexpr uint8_t kJoins = 0x80;
constexpr std::array<std::array<uint8_t, kClassCount>, kStateCount> kStep = [] {
  std::array<std::array<uint8_t, kClassCount>, kStateCount> t{};
  // A code point that starts a cluster.
  constexpr uint8_t kStartOf[kClassCount] = {
      kBase, kEmoji, kStart, kFail, kFail, kRegional1, kFail};
  for (int s = 0; s < kStateCount; ++s) {
    for (int c = 0; c < kClassCount; ++c) t[s][c] = kStartOf[c];
  }
  t[kRegional1][kRegional] = kRegional2 | kJoins;
  t[kRegional1][kPlainExtend] = kRegional2 | kJoins;
  t[kRegional2][kPlainExtend] = kRegional2 | kJoins;
  t[kBase][kPlainExtend] = kBase | kJoins;
  t[kBase][kZwj] = kStart | kJoins;
  t[kEmoji][kPlainExtend] = kEmoji | kJoins;
  t[kEmoji][kZwj] = kEmojiZwj | kJoins;
  t[kEmojiZwj][kPictograph] = kEmoji | kJoins;
  for (int c = 0; c < kClassCount; ++c) t[kFail][c] = kFail;
  return t;
}();

// kStep by class, one byte per state, the state as 8 times its value (the
// shift of its byte) and kJoins: a step is a shift of a row held in a
// register rather than a load that depends on the previous step.
constexpr std::array<uint64_t, kClassCount> kStepRows = [] {
  std::array<uint64_t, kClassCount> rows{};
  for (int c = 0; c < kClassCount; ++c) {
    for (int s = 0; s < kStateCount; ++s) {
      const uint64_t next = ((kStep[s][c] & ~kJoins) << 3) |
                            (kStep[s][c] & kJoins);
      rows[c] |= next << (8 * s);
    }
  }
  return rows;
}();
constexpr uint32_t kStateBits = 0x38;

// kStepRows for a code point of class `c` (entry c) and for one that
// follows a simple one (entry kAfterSimple + c): the step from the state
// after that simple code point, which starts a cluster from any state.
constexpr size_t kAfterSimple = 8;
static_assert(kClassCount <= kAfterSimple);
constexpr std::array<uint64_t, 2 * kAfterSimple> kStepRowsAfter = [] {
  std::array<uint64_t, 2 * kAfterSimple> rows{};
  for (int c = 0; c < kClassCount; ++c) {
    rows[c] = kStepRows[c];
    for (int s = 0; s < kStateCount; ++s) {
      const int after = kStep[s][kSimple] & ~kJoins;
      const uint8_t step = kStep[after][c];
      const uint64_t next = ((step & ~kJoins) << 3) | (step & kJoins);
      rows[kAfterSimple + c] |= next << (8 * s);
    }
  }
  return rows;
}();
constexpr uint32_t Shifted(ClusterState s) { return 8 * s; }

}  // namespace smslint::internal::ucs2

#endif  // SMSLINT_SRC_SEGMENTS_CLUSTER_STEPS_H_
