// Runs of simple code points (segments/grapheme.h) in 32-byte windows of
// UTF-8, for the UCS-2 count (ucs2_count.cc): SIMD classifies the bytes
// (sequence structure, and the lead bytes whose code points need a look),
// only those leads are decoded, and a run is packed by popcount. Also the
// byte classes of windows without a run, which go code point by code point
// (StepMasks). SSE2, and AVX2 for callers compiled for it (the functions
// are inlined into them).
#ifndef SMSLINT_SRC_SEGMENTS_SIMPLE_RUNS_H_
#define SMSLINT_SRC_SEGMENTS_SIMPLE_RUNS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "base/utf8.h"
#include "segments/grapheme.h"
#include "segments/packer.h"

#if defined(__SSE2__) && (defined(__x86_64__) || defined(__i386__))
#include <immintrin.h>
#define SMSLINT_X86 1
#endif

namespace smslint::internal::ucs2 {

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

constexpr bool CheckedLead(uint8_t byte) {
  for (const ByteRange& r : kCheckedLeads) {
    if (byte >= r.lo && byte <= r.hi) return true;
  }
  return false;
}

constexpr size_t kWindow = 32;

// Byte classes of a window, one bit per byte.
struct WindowMasks {
  uint32_t cont;     // continuation bytes 80..BF
  uint32_t multi;    // leads of 2-, 3- and 4-byte sequences, C0..FF
  uint32_t three;    // leads of 3- and 4-byte sequences, E0..FF
  uint32_t four;     // leads of 4-byte sequences, F0..FF
  uint32_t checked;  // IsCheckedLead
};

// More byte classes, for windows stepped through code point by code point.
struct StepMasks {
  // Leads that start an ill-formed sequence whatever follows them (C0, C1,
  // F5..FF) or given the byte after them (an overlong E0 or F0 sequence, a
  // surrogate, past U+10FFFF); the last byte's successor counts as 00.
  // With the structure of WindowMasks, the rest of Table 3-7.
  uint32_t invalid;
  uint32_t plain;  // printable ASCII 20..7E: simple, neither control nor
                   // pictograph (tests check)
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

// Leads of ill-formed sequences, given the bytes `v` and those after them.
inline __m128i Invalid16(__m128i v, __m128i next) {
  auto is = [v](uint8_t b) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b)));
  };
  __m128i bad = _mm_or_si128(InRange16(v, 0xC0, 0xC1), AtLeast16(v, 0xF5));
  bad = _mm_or_si128(bad, _mm_and_si128(is(0xE0), InRange16(next, 0x80, 0x9F)));
  bad = _mm_or_si128(bad, _mm_and_si128(is(0xED), InRange16(next, 0xA0, 0xBF)));
  bad = _mm_or_si128(bad, _mm_and_si128(is(0xF0), InRange16(next, 0x80, 0x8F)));
  bad = _mm_or_si128(bad, _mm_and_si128(is(0xF4), InRange16(next, 0x90, 0xBF)));
  return bad;
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

inline StepMasks StepClassifySse2(const uint8_t* w) {
  const __m128i low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w));
  const __m128i high =
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 16));
  const __m128i after_low =
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + 1));
  auto bits = [](__m128i x, int shift) {
    return static_cast<uint32_t>(_mm_movemask_epi8(x)) << shift;
  };
  return {bits(Invalid16(low, after_low), 0) |
              bits(Invalid16(high, _mm_srli_si128(high, 1)), 16),
          bits(InRange16(low, 0x20, 0x7E), 0) |
              bits(InRange16(high, 0x20, 0x7E), 16)};
}

// For the AVX2 path: IsCheckedLead of C0..FF as a nibble lookup. Entry
// `low` has bit h set when lead 0xC0 + 16 * h + low is checked.
constexpr std::array<char, 16> CheckedByLowNibble() {
  std::array<char, 16> t{};
  for (int low = 0; low < 16; ++low) {
    for (int h = 0; h < 4; ++h) {
      if (CheckedLead(static_cast<uint8_t>(0xC0 + 16 * h + low))) t[low] |= 1 << h;
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

[[gnu::target("avx2")]] inline __m256i InRange32(__m256i v, uint8_t lo,
                                                 uint8_t hi) {
  const __m256i t = _mm256_sub_epi8(v, _mm256_set1_epi8(static_cast<char>(lo)));
  return _mm256_cmpeq_epi8(
      _mm256_min_epu8(t, _mm256_set1_epi8(static_cast<char>(hi - lo))), t);
}

// Invalid16 for 32 bytes.
[[gnu::target("avx2")]] inline __m256i Invalid32(__m256i v) {
  // The byte after each, 00 after the last.
  const __m256i next =
      _mm256_alignr_epi8(_mm256_permute2x128_si256(v, v, 0x81), v, 1);
  auto is = [v](uint8_t b) __attribute__((always_inline, target("avx2"))) {
    return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(b)));
  };
  __m256i bad = _mm256_or_si256(InRange32(v, 0xC0, 0xC1), AtLeast32(v, 0xF5));
  bad = _mm256_or_si256(
      bad, _mm256_and_si256(is(0xE0), InRange32(next, 0x80, 0x9F)));
  bad = _mm256_or_si256(
      bad, _mm256_and_si256(is(0xED), InRange32(next, 0xA0, 0xBF)));
  bad = _mm256_or_si256(
      bad, _mm256_and_si256(is(0xF0), InRange32(next, 0x80, 0x8F)));
  bad = _mm256_or_si256(
      bad, _mm256_and_si256(is(0xF4), InRange32(next, 0x90, 0xBF)));
  return bad;
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

[[gnu::target("avx2")]] inline StepMasks StepClassifyAvx2(const uint8_t* w) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w));
  return {Bits32(Invalid32(v)), Bits32(InRange32(v, 0x20, 0x7E))};
}
#endif  // SMSLINT_X86

// The one-code-point clusters at the start of a window: code points of
// the longest run of simple ones the window holds, but for the last, which
// may start a cluster with what follows.
struct Run {
  unsigned bytes;    // 0 for a run shorter than two code points (but
                     // one at the end of the text)
  uint32_t leads;    // one bit per code point, at its lead byte
  uint32_t pairs;    // the leads of code points outside the BMP
};

// The run at the start of window `w` with byte classes `m`, whose first
// `avail` bytes are text, followed by the rest of the text up to `end` when
// avail is the window. When they are the end of the text (kAtEnd) and
// all simple, the run is all of them: nothing follows the last.
template <bool kAtEnd = false>
[[gnu::always_inline]] inline Run SimpleRun(const uint8_t* w, size_t avail,
                                            const uint8_t* end,
                                            const WindowMasks& m,
                                            const InlineProperties& props) {
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
    if (owners == 0) return {};
    limit = 31 - __builtin_clz(owners);
  }
  // The run also ends at the first checked lead that is ill-formed or not
  // simple.
  for (uint32_t c = m.checked & below(limit); c != 0; c &= c - 1) {
    const unsigned i = __builtin_ctz(c);
    const base::Decoded d = base::DecodeUtf8(w + i, i + 4 <= avail ? w + i + 4 : end);
    if (!d.valid || !props.Simple(d.cp)) {
      limit = i;
      break;
    }
  }
  const uint32_t leads = lead & below(limit);
  // (At the end, the last sequence must also be whole: past the text the
  // window holds zeros, which are not continuation bytes.)
  if constexpr (kAtEnd) {
    if (limit == avail && ((expected ^ m.cont) & ~below(limit)) == 0) {
      return {leads != 0 ? limit : 0, leads, leads & m.four};
    }
  }
  if ((leads & (leads - 1)) == 0) return {};  // fewer than two
  const unsigned last = 31 - __builtin_clz(leads);
  const uint32_t emitted = leads & below(last);
  return {last, emitted, emitted & m.four};
}

[[gnu::always_inline]] inline void PackRun(const Run& run,
                                           Packer<false>& packer) {
  const uint32_t count = __builtin_popcount(run.leads);
  const uint32_t pairs = __builtin_popcount(run.pairs);
  if (packer.Fits(count + pairs)) {
    packer.AddWithin(count + pairs);
  } else if (pairs == 0) {
    packer.AddRun(count, 0, 0);
  } else {
    // A surrogate pair near the end of a segment: one at a time.
    for (uint32_t e = run.leads; e != 0; e &= e - 1) {
      packer.AddCounted(((run.pairs >> __builtin_ctz(e)) & 1) + 1);
    }
  }
}

}  // namespace smslint::internal::ucs2

#endif  // SMSLINT_SRC_SEGMENTS_SIMPLE_RUNS_H_
