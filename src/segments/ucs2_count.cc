// The UCS-2 segment count (see ucs2_count.h).
//
// One pass over the clusters, with the general pass's result:
//  - Most of a UCS-2 body is simple code points (segments/grapheme.h), each
//    a cluster of its own of one UTF-16 unit (two outside the BMP). At a
//    safe boundary a block scan takes them 32 bytes at a time: SIMD finds
//    the sequence structure and the lead bytes that need a closer look
//    (IsCheckedLead); only those are decoded. It stops before anything else
//    (a code point that is not simple, an ill-formed sequence).
//  - The rest goes cluster by cluster, decoding as it goes, with the common
//    shapes of CommonClusters (accents, emoji with modifiers and VS16, ZWJ
//    sequences, flags) resolved in place. A region (safe boundary to safe
//    boundary) of another shape, or with a cluster longer than a segment,
//    is packed again from its start as Ucs2Pass packs it: CommonClusters,
//    else ICU.
// Where the block scan keeps finding short runs (emoji-heavy text), it
// rests for a few clusters: the scan costs more than it saves there.
#include "segments/ucs2_count.h"

#include <array>
#include <cstring>
#include <vector>

#include "base/utf8.h"
#include "segments/common_clusters.h"
#include "segments/grapheme.h"
#include "segments/packer.h"

#if defined(__SSE2__) && (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define SMSLINT_X86 1
#endif

namespace smslint::internal {
namespace {

using base::Decoded;
using base::DecodeUtf8;
using base::Utf16Length;
using CountPacker = Packer<false>;

// The lead bytes IsCheckedLead accepts, as ranges.
struct ByteRange {
  uint8_t lo, hi;
};
constexpr ByteRange kCheckedLeads[] = {
    {0xC0, 0xC1},  // overlong
    {0xCC, 0xCD},  // combining diacritical marks
    {0xD2, 0xD2},  // Cyrillic combining marks
    {0xD6, 0xD9},  // Hebrew points, Arabic marks and prepends
    {0xDB, 0xE3},  // Arabic, Syriac, Thaana, NKo; Indic; Hangul jamo;
                   // ZWJ, ZWNJ, combining marks for symbols; kana marks
    {0xEA, 0xEA},  // Indic and Hangul jamo extensions
    {0xED, 0xED},  // surrogates; Hangul jamo extended-B
    {0xEF, 0xFF},  // variation selectors, half-width kana marks; every
                   // 4-byte sequence (regional indicators, skin tones)
};

constexpr bool Checked(uint8_t byte) {
  for (const ByteRange& r : kCheckedLeads) {
    if (byte >= r.lo && byte <= r.hi) return true;
  }
  return false;
}

// Property look-ups inlined through the bit tables.
struct Props {
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

constexpr size_t kWindow = 32;

// Byte classes of a window, one bit per byte.
struct WindowMasks {
  uint32_t cont;     // continuation bytes 80..BF
  uint32_t multi;    // leads of 2-, 3- and 4-byte sequences, C0..FF
  uint32_t three;    // leads of 3- and 4-byte sequences, E0..FF
  uint32_t four;     // leads of 4-byte sequences, F0..FF
  uint32_t checked;  // IsCheckedLead
};

#if SMSLINT_X86
inline __m128i InRange16(__m128i v, uint8_t lo, uint8_t hi) {
  const __m128i t = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(
      _mm_min_epu8(t, _mm_set1_epi8(static_cast<char>(hi - lo))), t);
}

inline __m128i AtLeast16(__m128i v, uint8_t lo) {
  return _mm_cmpeq_epi8(
      _mm_max_epu8(v, _mm_set1_epi8(static_cast<char>(lo))), v);
}

inline void Classify16(const uint8_t* p, int shift, WindowMasks& m) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto bits = [shift](__m128i x) {
    return static_cast<uint32_t>(_mm_movemask_epi8(x)) << shift;
  };
  // Signed compare: 80..BF are the bytes below (int8_t)0xC0.
  m.cont |= bits(_mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(0xC0))));
  m.multi |= bits(AtLeast16(v, 0xC0));
  m.three |= bits(AtLeast16(v, 0xE0));
  m.four |= bits(AtLeast16(v, 0xF0));
  constexpr size_t kLast = std::size(kCheckedLeads) - 1;
  __m128i checked = AtLeast16(v, kCheckedLeads[kLast].lo);
  for (size_t r = 0; r < kLast; ++r) {
    checked = _mm_or_si128(
        checked, InRange16(v, kCheckedLeads[r].lo, kCheckedLeads[r].hi));
  }
  m.checked |= bits(checked);
}

inline WindowMasks ClassifySse2(const uint8_t* w) {
  WindowMasks m{};
  Classify16(w, 0, m);
  Classify16(w + 16, 16, m);
  return m;
}

// For the AVX2 path: IsCheckedLead of C0..FF as a nibble lookup. Entry
// `low` has bit h set when lead 0xC0 + 16 * h + low is checked.
constexpr std::array<char, 16> CheckedByLowNibble() {
  std::array<char, 16> t{};
  for (int low = 0; low < 16; ++low) {
    for (int h = 0; h < 4; ++h) {
      if (Checked(static_cast<uint8_t>(0xC0 + 16 * h + low))) t[low] |= 1 << h;
    }
  }
  return t;
}

[[gnu::target("avx2")]] inline uint32_t Bits32(__m256i x) {
  return static_cast<uint32_t>(_mm256_movemask_epi8(x));
}

[[gnu::target("avx2")]] inline __m256i AtLeast32(__m256i v, uint8_t lo) {
  return _mm256_cmpeq_epi8(
      _mm256_max_epu8(v, _mm256_set1_epi8(static_cast<char>(lo))), v);
}

[[gnu::target("avx2")]] inline WindowMasks ClassifyAvx2(const uint8_t* w) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w));
  WindowMasks m;
  m.cont = Bits32(
      _mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(0xC0)), v));
  m.multi = Bits32(AtLeast32(v, 0xC0));
  m.three = Bits32(AtLeast32(v, 0xE0));
  m.four = Bits32(AtLeast32(v, 0xF0));
  static constexpr std::array<char, 16> kLow = CheckedByLowNibble();
  const __m256i low_table = _mm256_broadcastsi128_si256(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(kLow.data())));
  // The bit of the high nibble: C, D, E, F give 1, 2, 4, 8; others 0.
  const __m256i high_bit = _mm256_setr_epi8(
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8,  //
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8);
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i low = _mm256_and_si256(v, nibble);
  const __m256i high = _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble);
  const __m256i hit =
      _mm256_and_si256(_mm256_shuffle_epi8(low_table, low),
                       _mm256_shuffle_epi8(high_bit, high));
  m.checked = ~Bits32(_mm256_cmpeq_epi8(hit, _mm256_setzero_si256()));
  return m;
}
#endif  // SMSLINT_X86

// Packs the one-code-point clusters at the start of window `w` (whose first
// `avail` bytes are text, followed by the rest of the text up to `end` when
// avail is the window): all but the last of the longest run of simple code
// points the window holds, the last one being possibly the start of a
// cluster with what follows. Returns the bytes consumed, 0 for a run
// shorter than two code points.
template <typename Classify>
[[gnu::always_inline]] inline size_t SimpleRun(const uint8_t* w, size_t avail,
                                               const uint8_t* end,
                                               const Props& props,
                                               CountPacker& packer,
                                               Classify classify) {
  const WindowMasks m = classify(w);
  const uint32_t lead = ~m.cont;
  // Where each lead's continuation bytes must be.
  const uint32_t expected = (m.multi << 1) | (m.three << 2) | (m.four << 3);
  auto below = [](unsigned k) {
    return static_cast<uint32_t>((uint64_t{1} << k) - 1);
  };
  // Only leads below `limit` count: their sequences lie in the window
  // (they precede the first lead of the last three bytes) and in the text.
  unsigned limit = kWindow;
  if (const uint32_t late = lead >> (kWindow - 3)) {
    limit = kWindow - 3 + __builtin_ctz(late);
  }
  if (avail < limit) limit = static_cast<unsigned>(avail);
  // A byte that breaks the structure ends the run at the lead before it.
  if (const uint32_t bad = (expected ^ m.cont) & below(limit)) {
    const uint32_t owners = lead & below(__builtin_ctz(bad) + 1);
    if (owners == 0) return 0;
    limit = 31 - __builtin_clz(owners);
  }
  // The run also ends at the first checked lead that is ill-formed or not
  // simple.
  for (uint32_t c = m.checked & below(limit); c != 0; c &= c - 1) {
    const unsigned i = __builtin_ctz(c);
    const Decoded d = DecodeUtf8(w + i, i + 4 <= avail ? w + i + 4 : end);
    if (!d.valid || !props.Simple(d.cp)) {
      limit = i;
      break;
    }
  }
  const uint32_t leads = lead & below(limit);
  if ((leads & (leads - 1)) == 0) return 0;  // fewer than two
  const unsigned last = 31 - __builtin_clz(leads);
  const uint32_t emitted = leads & below(last);
  const uint32_t count = __builtin_popcount(emitted);
  const uint32_t pairs = __builtin_popcount(emitted & m.four);
  if (packer.Fits(count + pairs)) {
    packer.AddWithin(count + pairs);
  } else if (pairs == 0) {
    packer.AddRun(count, 0, 0);
  } else {
    // A surrogate pair near the end of a segment: one at a time.
    for (uint32_t e = emitted; e != 0; e &= e - 1) {
      packer.Add(((m.four >> __builtin_ctz(e)) & 1) + 1, 0, 0);
    }
  }
  return last;
}

// Packs the region at the safe boundary `pos` as Ucs2Pass does: its code
// points up to the next safe boundary, clusters from CommonClusters or else
// ICU, a cluster longer than a segment per code point. Returns its end.
size_t GeneralRegion(const uint8_t* p, size_t n, size_t pos,
                     const Props& props, CountPacker& packer) {
  thread_local std::vector<Cp> tls_region;
  thread_local std::vector<uint32_t> tls_lengths;
  thread_local std::vector<char32_t> tls_cps;
  std::vector<Cp>& region = tls_region;
  std::vector<uint32_t>& lengths = tls_lengths;
  region.clear();
  size_t end = pos;
  while (end < n) {
    const Decoded d = DecodeUtf8(p + end, p + n);
    const bool simple = props.Simple(d.cp);
    // A region holds at least two code points.
    if (region.size() >= 2 && region.back().simple && simple) break;
    region.push_back({d.cp, static_cast<uint32_t>(end),
                      static_cast<uint8_t>(d.len), simple, d.valid});
    end += d.len;
  }
  lengths.clear();
  if (!CommonClusters(region, lengths)) {
    tls_cps.clear();
    for (const Cp& c : region) tls_cps.push_back(c.cp);
    lengths.clear();
    SegmentClusters(tls_cps, lengths);
  }
  size_t k = 0;
  for (const uint32_t len : lengths) {
    uint32_t units = 0;
    for (size_t i = k; i < k + len; ++i) units += Utf16Length(region[i].cp);
    if (units <= kUcs2Multi) {
      packer.Add(units, 0, 0);
    } else {
      for (size_t i = k; i < k + len; ++i) {
        packer.Add(Utf16Length(region[i].cp), 0, 0);
      }
    }
    k += len;
  }
  return end;
}

// Clusters to go without the block scan after it found a short run.
constexpr unsigned kRestAfterMiss = 12;
constexpr unsigned kRestAfterShortRun = 4;
constexpr size_t kShortRun = 12;  // bytes

template <typename Classify>
[[gnu::always_inline]] inline uint32_t Count(const uint8_t* p, size_t n,
                                             Classify classify,
                                             bool use_blocks) {
  CountPacker packer(kUcs2Multi, nullptr);
  if (n == 0) return packer.Finish(kUcs2Single, 0, 0);
  const Props props{Bits()};
  size_t pos = 0;           // a cluster boundary; all before it is packed
  size_t region_start = 0;  // the last safe boundary, at or before pos
  CountPacker packed_at_region_start = packer;
  unsigned rest = 0;
  Decoded c = DecodeUtf8(p, p + n);  // the code point at pos
  while (true) {
    if (pos == region_start && use_blocks) {
      if (rest == 0) {
        size_t run;
        if (n - pos >= kWindow) {
          run = SimpleRun(p + pos, kWindow, p + n, props, packer, classify);
        } else {
          // The tail, through a zero-padded copy so that loads stay in it.
          uint8_t tail[kWindow] = {};
          std::memcpy(tail, p + pos, n - pos);
          run = SimpleRun(tail, n - pos, tail + (n - pos), props, packer,
                          classify);
        }
        if (run > 0) {
          pos += run;
          region_start = pos;
          packed_at_region_start = packer;
          c = DecodeUtf8(p + pos, p + n);
          if (run < kShortRun) rest = kRestAfterShortRun;
          continue;
        }
        rest = kRestAfterMiss;
      } else {
        --rest;
      }
    }
    // The cluster that starts at pos with c.
    uint32_t units = Utf16Length(c.cp);
    char32_t last = c.cp;
    size_t j = pos + c.len;
    bool more = j < n;
    if (!more && pos == region_start) {  // the last code point, on its own
      packer.Add(units, 0, 0);
      break;
    }
    Decoded next = more ? DecodeUtf8(p + j, p + n) : Decoded{0, 0, false};
    bool last_simple = props.Simple(c.cp);
    bool next_simple = more && props.Simple(next.cp);
    if (!(last_simple && next_simple)) {
      auto take = [&] {
        units += Utf16Length(next.cp);
        last = next.cp;
        j += next.len;
        more = j < n;
        if (more) next = DecodeUtf8(p + j, p + n);
      };
      bool common = true;
      if (IsRegionalIndicator(c.cp)) {
        if (more && IsRegionalIndicator(next.cp)) take();
        while (more && props.PlainExtend(next.cp)) take();
      } else if (!last_simple) {
        common = false;
      } else if (!props.ControlBreak(c.cp)) {
        const bool pictographic = props.Pictographic(c.cp);
        while (true) {
          while (more && props.PlainExtend(next.cp)) take();
          if (more && next.cp == 0x200D) {
            take();
            if (pictographic && more && props.Pictographic(next.cp)) {
              take();
              continue;
            }
          }
          break;
        }
      }
      if (!common || units > kUcs2Multi) {
        // Pack the whole region again, the general way.
        packer = packed_at_region_start;
        pos = GeneralRegion(p, n, region_start, props, packer);
        if (pos >= n) break;
        region_start = pos;
        packed_at_region_start = packer;
        c = DecodeUtf8(p + pos, p + n);
        continue;
      }
      last_simple = props.Simple(last);
      next_simple = more && props.Simple(next.cp);
    }
    packer.Add(units, 0, 0);
    if (!more) break;
    pos = j;
    c = next;
    if (last_simple && next_simple) {
      region_start = pos;
      packed_at_region_start = packer;
    }
  }
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

bool IsCheckedLead(uint8_t byte) { return Checked(byte); }

uint32_t CountUcs2Segments(const uint8_t* p, size_t n, ScanPath path) {
#if SMSLINT_X86
  switch (path) {
    case ScanPath::kBest:
    case ScanPath::kAvx2:
      if (HasAvx2()) return CountAvx2(p, n);
      [[fallthrough]];
    case ScanPath::kSse2:
      return CountSse2(p, n);
    case ScanPath::kScalar:
      break;
  }
#else
  (void)path;
#endif
  return CountScalar(p, n);
}

}  // namespace smslint::internal
