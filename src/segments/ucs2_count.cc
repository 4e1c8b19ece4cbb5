// The UCS-2 segment count (see ucs2_count.h).
//
// One pass over the code points with a state machine that is CommonClusters
// one code point at a time (letters with accents, emoji with modifiers and
// VS16, ZWJ sequences, flags), packing each cluster as it ends. Text of any
// other shape (Indic conjuncts, spacing marks, Hangul jamo, a cluster
// longer than a segment...) stops it, and the general pass (Ucs2Pass, with
// ICU) counts the text instead.
//
// Most of a UCS-2 body is simple code points (segments/grapheme.h), each a
// cluster of its own. A block scan finds runs of them 32 bytes at a time:
// SIMD classifies the bytes (sequence structure, and the lead bytes that
// need a closer look: IsCheckedLead), only those leads are decoded, and the
// run is packed by popcount. After a window without a run, or with a short
// one (emoji-heavy text), a few code points go one at a time first: there
// the scan costs more than it saves.
#include "segments/ucs2_count.h"

#include <array>
#include <cstring>

#include "base/utf8.h"
#include "segments/cluster_steps.h"
#include "segments/grapheme.h"
#include "segments/packer.h"
#include "segments/simple_runs.h"

namespace smslint::internal {
namespace {

using base::Decoded;
using base::DecodeUtf8;
using base::Utf16Length;
using ucs2::CheckedLead;
using ucs2::ClassTable;
using ucs2::CpClass;
using ucs2::kEmojiZwj;
using ucs2::kFail;
using ucs2::kStart;
using ucs2::kStateBits;
using ucs2::kStepRows;
using ucs2::kWindow;
using ucs2::PackRun;
using ucs2::Run;
using ucs2::Shifted;
using ucs2::SimpleRun;
using ucs2::WindowMasks;
using CountPacker = Packer<false>;

// Per lead byte: sequence length (0 for a byte no sequence starts with),
// the lead's payload bits, where the code point sits in the 24 payload bits
// of four bytes, which continuation bytes to check, and the smallest code
// point of that length.
struct LeadInfo {
  uint8_t len;
  uint8_t payload_mask;
  uint8_t shift;
  uint32_t cont_mask;
  uint32_t min_cp;
};
constexpr std::array<LeadInfo, 256> kLeads = [] {
  std::array<LeadInfo, 256> t{};
  for (int b = 0; b < 256; ++b) {
    if (b < 0x80) {
      t[b] = {1, 0x7F, 18, 0, 0};
    } else if (b >= 0xC2 && b < 0xE0) {
      t[b] = {2, 0x1F, 12, 0x00C00000, 0x80};
    } else if (b >= 0xE0 && b < 0xF0) {
      t[b] = {3, 0x0F, 6, 0x00C0C000, 0x800};
    } else if (b >= 0xF0 && b < 0xF5) {
      t[b] = {4, 0x07, 0, 0x00C0C0C0, 0x10000};
    } else {
      t[b] = {0, 0, 0, 0, 0xFFFFFFFF};  // never valid
    }
  }
  return t;
}();

// DecodeUtf8 without branches on the sequence length, for when four bytes
// can be read; falls back to DecodeUtf8 for anything ill-formed.
[[gnu::always_inline]] inline Decoded DecodeAt(const uint8_t* p,
                                               const uint8_t* end) {
  if (end - p < 4) [[unlikely]] return DecodeUtf8(p, end);
  uint32_t w;
  std::memcpy(&w, p, 4);
  w = __builtin_bswap32(w);  // first byte on top
  const LeadInfo& lead = kLeads[w >> 24];
  // Continuation bytes after the lead: 10xxxxxx each.
  const bool cont_ok = (w & lead.cont_mask) == (lead.cont_mask & 0x00808080);
  const uint32_t all = (((w >> 24) & lead.payload_mask) << 18) |
                       (((w >> 16) & 0x3F) << 12) | (((w >> 8) & 0x3F) << 6) |
                       (w & 0x3F);
  const char32_t cp = all >> lead.shift;
  // One test: below the minimum (overlong, or no sequence), a surrogate,
  // or past U+10FFFF.
  const bool bad = (cp < lead.min_cp) | (cp - 0xD800 < 0x800) |
                   (cp > 0x10FFFF) | !cont_ok;
  if (bad) [[unlikely]] return DecodeUtf8(p, end);
  return {cp, lead.len, true};
}

// Code points to go one at a time, without looking for a run, after a
// window without one or with a short one (emoji-heavy text): there the
// block scan costs more than it saves.
constexpr unsigned kRestAfterMiss = 8;
constexpr unsigned kShortRun = 16;  // bytes

// The count, or 0 at the first region that is not of the common shapes
// (or has a cluster longer than a segment), for the general pass to count.
template <typename Classify>
[[gnu::always_inline]] inline uint32_t Count(const uint8_t* p, size_t n,
                                             Classify classify,
                                             bool use_blocks) {
  CountPacker packer(kUcs2Multi, nullptr);
  const InlineProperties props{Bits()};
  const ClassTable& classes = ClassTable::Get();
  size_t pos = 0;
  // The cluster in progress: it ends before pos.
  uint32_t cluster_units = 0;
  uint32_t state = Shifted(kStart);  // as in kStepRows
  unsigned rest = 0;

  // One code point through the state machine; false when the text is not
  // of the common shapes.
  auto step = [&](const Decoded& d) __attribute__((always_inline)) {
    const CpClass cls = classes.Of(d.cp, props);
    const uint32_t next = (kStepRows[cls] >> state) & 0xFF;
    // All ones when the code point starts a cluster, else 0: arithmetic
    // rather than a branch, which emoji text would mispredict.
    const uint32_t starts = ((next >> 7) & 1) - 1u;
    // A cluster that starts packs the one before it.
    const uint32_t done = cluster_units & starts;
    state = next & kStateBits;
    if (state == Shifted(kFail) || done > kUcs2Multi) [[unlikely]] {
      return false;
    }
    packer.AddCounted(done);
    cluster_units = (cluster_units & ~starts) + Utf16Length(d.cp);
    return true;
  };

  while (pos < n) {
    // A run of simple code points, when the first cannot join the cluster
    // in progress.
    if (use_blocks && rest == 0 && state != Shifted(kEmojiZwj)) {
      const uint8_t* w = p + pos;
      size_t avail = kWindow;
      uint8_t tail[kWindow];
      if (n - pos < kWindow) {
        // The tail, through a zero-padded copy so that loads stay in it.
        avail = n - pos;
        std::memset(tail, 0, kWindow);
        std::memcpy(tail, p + pos, avail);
        w = tail;
      }
      const Run run = SimpleRun(w, avail, w + avail, classify(w), props);
      if (run.bytes > 0 && cluster_units <= kUcs2Multi) {
        packer.AddCounted(cluster_units);
        cluster_units = 0;
        PackRun(run, packer);
        pos += run.bytes;
        state = Shifted(kStart);
        if (run.bytes < kShortRun) rest = kRestAfterMiss;
        continue;
      }
      rest = kRestAfterMiss;
    }
    // Else one code point.
    if (rest > 0) --rest;
    const Decoded d = DecodeAt(p + pos, p + n);
    if (!step(d)) [[unlikely]] return 0;
    pos += d.len;
  }
  if (cluster_units > kUcs2Multi) return 0;
  packer.AddCounted(cluster_units);
  return packer.Finish(kUcs2Single, n, 0);
}

// The window classifiers, as function objects so that Count inlines them.
struct NoBlocks {
  WindowMasks operator()(const uint8_t*) const { return {}; }
};

uint32_t CountScalar(const uint8_t* p, size_t n) {
  return Count(p, n, NoBlocks{}, false);
}

#if SMSLINT_X86
using ucs2::ClassifyAvx2;
using ucs2::ClassifySse2;

struct Sse2Blocks {
  WindowMasks operator()(const uint8_t* w) const { return ClassifySse2(w); }
};

struct Avx2Blocks {
  [[gnu::target("avx2")]] WindowMasks operator()(const uint8_t* w) const {
    return ClassifyAvx2(w);
  }
};

uint32_t CountSse2(const uint8_t* p, size_t n) {
  return Count(p, n, Sse2Blocks{}, true);
}

[[gnu::target("avx2,popcnt")]] uint32_t CountAvx2(const uint8_t* p,
                                                   size_t n) {
  return Count(p, n, Avx2Blocks{}, true);
}

bool HasAvx2() {
  static const bool has =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
  return has;
}
#endif

}  // namespace

bool IsCheckedLead(uint8_t byte) { return CheckedLead(byte); }

uint32_t CountCommonShapes(const uint8_t* p, size_t n, ScanPath path) {
#if SMSLINT_X86
  if (path == ScanPath::kBest || path == ScanPath::kAvx2) {
    return HasAvx2() ? CountAvx2(p, n) : CountSse2(p, n);
  }
  if (path == ScanPath::kSse2) return CountSse2(p, n);
#else
  (void)path;
#endif
  return CountScalar(p, n);
}

uint32_t CountUcs2Segments(const uint8_t* p, size_t n, ScanPath path) {
  const uint32_t segments = CountCommonShapes(p, n, path);
  return segments != 0 ? segments : CountUcs2General(p, n);
}

}  // namespace smslint::internal
