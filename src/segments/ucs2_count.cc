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
#include <map>
#include <string>
#include <vector>

#include "base/utf8.h"
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

// The one-code-point clusters at the start of a window: code points of
// the longest run of simple ones the window holds, but for the last, which
// may start a cluster with what follows.
struct Run {
  unsigned bytes;    // 0 for a run shorter than two code points
  uint32_t leads;    // one bit per code point, at its lead byte
  uint32_t pairs;    // the leads of code points outside the BMP
};

// The run at the start of window `w` with byte classes `m`, whose first
// `avail` bytes are text, followed by the rest of the text up to `end` when
// avail is the window.
[[gnu::always_inline]] inline Run SimpleRun(const uint8_t* w, size_t avail,
                                            const uint8_t* end,
                                            const WindowMasks& m,
                                            const Props& props) {
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
    const Decoded d = DecodeUtf8(w + i, i + 4 <= avail ? w + i + 4 : end);
    if (!d.valid || !props.Simple(d.cp)) {
      limit = i;
      break;
    }
  }
  const uint32_t leads = lead & below(limit);
  if ((leads & (leads - 1)) == 0) return {};  // fewer than two
  const unsigned last = 31 - __builtin_clz(leads);
  const uint32_t emitted = leads & below(last);
  return {last, emitted, emitted & m.four};
}

[[gnu::always_inline]] inline void PackRun(const Run& run,
                                           CountPacker& packer) {
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
  static const ClassTable& Get() {
    static const ClassTable* table = new ClassTable(Bits());
    return *table;
  }

  CpClass Of(char32_t cp, const Props& props) const {
    if (cp < kSimpleTableLimit) {
      return static_cast<CpClass>(
          blocks_[(static_cast<size_t>(index_[cp >> kShift]) << kShift) |
                  (cp & kMask)]);
    }
    return Compute(cp, props);
  }

  static CpClass Compute(char32_t cp, const Props& props) {
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

  explicit ClassTable(const PropertyBits& bits) {
    const Props props{bits};
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
constexpr uint32_t Shifted(ClusterState s) { return 8 * s; }

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
  const Props props{Bits()};
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
