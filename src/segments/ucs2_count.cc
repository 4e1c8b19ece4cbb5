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
// run is packed by popcount.
//
// A window without such a run (emoji-heavy text) goes through the state
// machine lead by lead: SIMD masks give the leads and check the window's
// UTF-8, so that each code point is decoded without checks and without
// waiting for the one before; printable ASCII takes no step of its own;
// and the window's clusters are packed at once from masks (a bit per
// UTF-16 unit, one per cluster start), at most one segment closing in a
// window. After such a window, the next few do not look for a run: there
// the search costs more than it saves. The scalar path, an ill-formed
// sequence and a long cluster in progress go one code point at a time.
#include "segments/ucs2_count.h"

#include <algorithm>
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
using ucs2::kAfterSimple;
using ucs2::kEmojiZwj;
using ucs2::kFail;
using ucs2::kJoins;
using ucs2::kSimple;
using ucs2::kStart;
using ucs2::kStateBits;
using ucs2::kStepRows;
using ucs2::kStepRowsAfter;
using ucs2::kWindow;
using ucs2::PackRun;
using ucs2::Run;
using ucs2::Shifted;
using ucs2::SimpleRun;
using ucs2::StepMasks;
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

// DecodeUtf8 of a sequence known to be well-formed; reads four bytes.
[[gnu::always_inline]] inline char32_t DecodeWellFormed(const uint8_t* p) {
  uint32_t w;
  std::memcpy(&w, p, 4);
  w = __builtin_bswap32(w);
  const LeadInfo& lead = kLeads[w >> 24];
  const uint32_t all = (((w >> 24) & lead.payload_mask) << 18) |
                       (((w >> 16) & 0x3F) << 12) | (((w >> 8) & 0x3F) << 6) |
                       (w & 0x3F);
  return all >> lead.shift;
}

// The length of the longest prefix of window `m`, of which `avail` bytes
// are text, that is whole well-formed sequences (Table 3-7): it ends at
// the first lead whose sequence runs past the window or the text, or is
// ill-formed, or is followed by a stray continuation byte.
[[gnu::always_inline]] inline unsigned WellFormedPrefix(const WindowMasks& m,
                                                        const StepMasks& more,
                                                        size_t avail) {
  const uint32_t lead = ~m.cont;
  // Leads whose sequences would run past the window, and ill-formed ones.
  uint64_t stop = (m.multi & 0x80000000u) | (m.three & 0xC0000000u) |
                  (m.four & 0xE0000000u) | more.invalid |
                  (uint64_t{1} << avail);
  // Each lead followed by as many continuation bytes as it says, and no
  // others: the first byte that breaks this stops at the lead before it,
  // whose sequence it cuts short (or follows).
  const uint32_t expected = (m.multi << 1) | (m.three << 2) | (m.four << 3);
  if (const uint32_t bad = expected ^ m.cont) {
    const uint32_t owners =
        lead & static_cast<uint32_t>((uint64_t{1} << __builtin_ctz(bad)) - 1);
    stop |= owners == 0 ? 1 : uint64_t{1} << (31 - __builtin_clz(owners));
  }
  return static_cast<unsigned>(__builtin_ctzll(stop));
}

// The position of set bit `r` (from 0) of `bits`, or 32 when it has
// fewer: a binary search on popcounts, without branches.
[[gnu::always_inline]] inline unsigned SelectBit(uint32_t bits, uint32_t r) {
  unsigned pos = 0;
  for (unsigned step = 16; step > 0; step /= 2) {
    // Set bits below pos + step.
    const uint32_t below = __builtin_popcount(
        bits & static_cast<uint32_t>((uint64_t{1} << (pos + step)) - 1));
    pos += below <= r ? step : 0;
  }
  // pos is now the largest position with at most r set bits below it.
  return pos == 31 && __builtin_popcount(bits) <= r ? 32 : pos;
}

// Windows to step through code point by code point, without looking for a
// run, after a window without one or with a short one (emoji-heavy text):
// there the run search costs more than it saves.
constexpr unsigned kRestAfterMiss = 4;
constexpr unsigned kShortRun = 16;  // bytes
// A window can be read where this many bytes remain: the code point at its
// last byte is read four bytes at a time.
constexpr size_t kPaddedWindow = kWindow + 3;
// The largest cluster in progress a window can take code point by code
// point: a window adds at most one unit a byte, so that no cluster it ends
// is longer than a segment, nor needs the segment after the next.
constexpr uint32_t kMaxCarried = kUcs2Multi - kWindow;

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

  // One code point of `units` UTF-16 units through the state machine;
  // false when the text is not of the common shapes.
  auto step = [&](char32_t cp, uint32_t units) __attribute__((always_inline)) {
    const CpClass cls = classes.Of(cp, props);
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
    cluster_units = (cluster_units & ~starts) + units;
    return true;
  };

  while (pos < n) {
    if (use_blocks && cluster_units <= kMaxCarried) {
      const uint8_t* w = p + pos;
      size_t avail = kWindow;
      uint8_t tail[kPaddedWindow];
      if (n - pos < kPaddedWindow) {
        // The tail, through a zero-padded copy so that loads stay in it.
        avail = std::min(n - pos, kWindow);
        std::memset(tail, 0, kPaddedWindow);
        std::memcpy(tail, p + pos, n - pos);
        w = tail;
      }
      const WindowMasks m = classify(w);
      // A run of simple code points, when the first cannot join the
      // cluster in progress.
      if (rest == 0 && state != Shifted(kEmojiZwj)) {
        const Run run = n - pos == avail
                            ? SimpleRun<true>(w, avail, w + avail, m, props)
                            : SimpleRun(w, avail, w + avail, m, props);
        if (run.bytes > 0) {
          packer.AddCounted(cluster_units);
          cluster_units = 0;
          PackRun(run, packer);
          pos += run.bytes;
          state = Shifted(kStart);
          if (run.bytes < kShortRun) rest = kRestAfterMiss;
          continue;
        }
        rest = kRestAfterMiss;
      } else if (rest > 0) {
        --rest;
      }
      // Else the window's code points through the state machine, found
      // from the masks rather than each from the one before (a chain of
      // loads), then its clusters packed by mask arithmetic.
      const StepMasks more = classify.More(w);
      const unsigned limit = WellFormedPrefix(m, more, avail);
      const uint32_t in = static_cast<uint32_t>((uint64_t{1} << limit) - 1);
      const uint32_t leads = ~m.cont & in;
      // Printable ASCII starts a cluster that nothing joins, from any
      // state: only the state after it matters, and not each of them: the
      // step of the code point after one is that of kStepRowsAfter.
      const uint32_t plain = more.plain & in;
      const uint32_t after_plain = plain << 1;
      uint64_t joins = 0;  // code points that join the cluster before them,
                           // at their lead's position + 7
      for (uint32_t c = leads & ~plain; c != 0; c &= c - 1) {
        const unsigned i = __builtin_ctz(c);
        const char32_t cp = DecodeWellFormed(w + i);
        const size_t row =
            classes.Of(cp, props) | (((after_plain >> i) & 1) * kAfterSimple);
        const uint32_t next =
            static_cast<uint32_t>(kStepRowsAfter[row] >> state);
        state = next & kStateBits;
        joins |= static_cast<uint64_t>(next & kJoins) << i;
      }
      if ((plain >> (31 - __builtin_clz(leads | 1))) & 1) {
        state = (kStepRows[kSimple] >> state) & kStateBits;
      }
      // kFail stays kFail.
      if (state == Shifted(kFail)) [[unlikely]] return 0;

      // The clusters: each code point that does not join starts one; a
      // unit at the lead of each, and another after the lead of each
      // outside the BMP.
      const uint32_t starts = leads & ~static_cast<uint32_t>(joins >> 7);
      const uint32_t units = leads | ((leads & m.four) << 1);
      const uint32_t all_units = __builtin_popcount(units);
      const uint32_t carried = cluster_units;
      // The last cluster stays in progress; the others, with the one
      // carried in when a cluster starts here, are packed.
      const unsigned last = 31 - __builtin_clz(starts | 1);
      const uint32_t last_units = __builtin_popcount(
          units & ~static_cast<uint32_t>((uint64_t{1} << last) - 1));
      const uint32_t packed =
          starts != 0 ? carried + all_units - last_units : 0;
      cluster_units = starts != 0 ? last_units : carried + all_units;
      if (packer.Fits(packed)) {
        packer.AddWithin(packed);
      } else {
        // Greedy packing closes one segment here, no more (the clusters
        // are at most kMaxCarried + kWindow units in all): before the
        // first cluster that does not fit, whose units and those of the
        // clusters after it go to the next segment. `cut`: the units
        // before it.
        const uint32_t room = packer.Room();
        uint32_t cut = 0;  // when the carried cluster does not fit
        if (carried <= room) {
          // The first unit that does not fit, counting from the window's
          // start, and the cluster around it (if none starts before it:
          // the carried one).
          const unsigned overflow = SelectBit(units, room - carried);
          const uint32_t cut_starts =
              starts & static_cast<uint32_t>((uint64_t{2} << overflow) - 1);
          if (cut_starts != 0) {
            const unsigned cut_at = 31 - __builtin_clz(cut_starts);
            cut = carried + __builtin_popcount(units & ((1u << cut_at) - 1));
          }
        }
        packer.AddPacked(packed, cut);
      }
      if (limit > 0) {
        pos += limit;
        continue;
      }
    }
    // Else one code point.
    const Decoded d = DecodeAt(p + pos, p + n);
    if (!step(d.cp, Utf16Length(d.cp))) [[unlikely]] return 0;
    pos += d.len;
  }
  if (cluster_units > kUcs2Multi) return 0;
  packer.AddCounted(cluster_units);
  return packer.Finish(kUcs2Single, n, 0);
}

// The window classifiers, as function objects so that Count inlines them.
struct NoBlocks {
  WindowMasks operator()(const uint8_t*) const { return {}; }
  StepMasks More(const uint8_t*) const { return {}; }
};

uint32_t CountScalar(const uint8_t* p, size_t n) {
  return Count(p, n, NoBlocks{}, false);
}

#if SMSLINT_X86
using ucs2::ClassifyAvx2;
using ucs2::ClassifySse2;
using ucs2::StepClassifyAvx2;
using ucs2::StepClassifySse2;

struct Sse2Blocks {
  WindowMasks operator()(const uint8_t* w) const { return ClassifySse2(w); }
  StepMasks More(const uint8_t* w) const { return StepClassifySse2(w); }
};

struct Avx2Blocks {
  [[gnu::target("avx2")]] WindowMasks operator()(const uint8_t* w) const {
    return ClassifyAvx2(w);
  }
  [[gnu::target("avx2")]] StepMasks More(const uint8_t* w) const {
    return StepClassifyAvx2(w);
  }
};

uint32_t CountSse2(const uint8_t* p, size_t n) {
  return Count(p, n, Sse2Blocks{}, true);
}

// With BMI1/2 for the masks and shifts of the window steps (no PEXT/PDEP,
// slow on some AMD CPUs).
[[gnu::target("avx2,popcnt,bmi,bmi2,lzcnt")]] uint32_t CountAvx2(
    const uint8_t* p, size_t n) {
  return Count(p, n, Avx2Blocks{}, true);
}

bool HasAvx2() {
  static const bool has =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") &&
      __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") &&
      __builtin_cpu_supports("lzcnt");
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
