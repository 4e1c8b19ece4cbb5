// The segment engine. See include/smslint/segments.h for the contract and
// docs/segments.md for the rules and the two documented departures from the
// reference calculator.
//
// Two passes, each one linear:
//  1. GSM-7 (unless UCS-2 is forced): 16 bytes at a time while the text is
//     plain ASCII GSM, per character otherwise. It stops at the first
//     character outside GSM-7.
//  2. UCS-2: per code point; grapheme clusters come from ICU only in the
//     regions where they can span more than one code point
//     (segments/grapheme.h).
// Both feed a Packer, the closed form of the calculator's packing: one
// segment up to 160 septets / 70 units, otherwise greedy bins of 153 / 67
// that never split an item (an escape pair or a cluster).
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "segments/common_clusters.h"
#include "segments/grapheme.h"
#include "segments/gsm_tables.h"
#include "segments/packer.h"
#include "segments/ucs2_count.h"
#include "smslint/segments.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace smslint {
namespace {

using base::Decoded;
using base::DecodeUtf8;
using internal::CommonClusters;
using internal::Cp;
using internal::Gsm7Septets;
using internal::kGsmMulti;
using internal::kGsmSingle;
using internal::kUcs2Multi;
using internal::kUcs2Single;
using internal::kUdhBits;
using internal::Packer;

// Byte classes of a 16-byte block, one bit per byte.
struct BlockMasks {
  uint32_t special;  // not a plain one-septet GSM-7 ASCII character
  uint32_t ext;      // GSM-7 extension characters: [ \ ] ^ { | } ~ FF
  uint32_t lf_cr;    // LF, CR
};

#if defined(__SSE2__)
// `special` covers bytes >= 0x80, C0 controls (LF, CR and FF included),
// '`', DEL and the extension characters.
inline BlockMasks Classify16(const uint8_t* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed compare: bytes >= 0x80 are negative, so they count as well.
  const __m128i below_space = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
  const __m128i t1 = _mm_sub_epi8(v, _mm_set1_epi8(0x5B));
  const __m128i brackets = _mm_cmpeq_epi8(_mm_min_epu8(t1, _mm_set1_epi8(3)), t1);
  const __m128i t2 = _mm_sub_epi8(v, _mm_set1_epi8(0x7B));
  const __m128i braces = _mm_cmpeq_epi8(_mm_min_epu8(t2, _mm_set1_epi8(3)), t2);
  const __m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F));
  const __m128i grave = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x60));
  const __m128i ff = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x0C));
  const __m128i lf_cr = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x0A)),
                                     _mm_cmpeq_epi8(v, _mm_set1_epi8(0x0D)));
  const __m128i ext = _mm_or_si128(_mm_or_si128(brackets, braces), ff);
  const __m128i special = _mm_or_si128(_mm_or_si128(below_space, ext),
                                       _mm_or_si128(del, grave));
  return {static_cast<uint32_t>(_mm_movemask_epi8(special)),
          static_cast<uint32_t>(_mm_movemask_epi8(ext)),
          static_cast<uint32_t>(_mm_movemask_epi8(lf_cr))};
}
#else
// Without SSE2 every block takes the per-character path.
inline BlockMasks Classify16(const uint8_t*) { return {1, 0, 0}; }
#endif
constexpr size_t kBlock = 16;

struct PassCounts {
  uint64_t code_points = 0;
  uint64_t utf16_units = 0;
  uint64_t clusters = 0;
  bool invalid_utf8 = false;
  size_t invalid_offset = 0;
};

// Pass 1. Returns false at the first character that is not GSM-7 (or is
// ill-formed), leaving `counts` and `packer` meaningless.
template <bool kDetail>
bool GsmPass(const uint8_t* p, size_t n, Packer<kDetail>& packer,
             PassCounts& counts) {
  size_t i = 0;
  uint64_t cps = 0;
  while (i < n) {
    if (i + kBlock <= n) {
      const BlockMasks m = Classify16(p + i);
      // Only extension characters, and the block ends inside the current
      // segment: no boundary to place, so just count septets.
      if (m.special != 0 && m.special == m.ext) {
        const uint32_t septets = kBlock + __builtin_popcount(m.ext);
        if (packer.Fits(septets)) {
          packer.AddWithin(septets);
          i += kBlock;
          cps += kBlock;
          continue;
        }
      }
      const uint32_t run = m.special == 0 ? kBlock : __builtin_ctz(m.special);
      if (run > 0) {
        packer.AddRun(run, i, cps);
        i += run;
        cps += run;
        continue;
      }
    }
    const Decoded d = DecodeUtf8(p + i, p + n);
    const uint8_t septets = d.valid ? Gsm7Septets(d.cp) : 0;
    if (septets == 0) return false;
    packer.Add(septets, i, cps);
    i += d.len;
    ++cps;
  }
  counts.code_points = cps;
  counts.utf16_units = cps;  // every GSM-7 character is in the BMP
  return true;
}

// Pass 2: UCS-2 over grapheme clusters.
template <bool kDetail>
void Ucs2Pass(const uint8_t* p, size_t n, Packer<kDetail>& packer,
              PassCounts& counts, std::vector<NonGsmCharacter>* non_gsm) {
  // Scratch space, one per thread; bound once here because each access to
  // a thread_local of a shared library costs a call.
  thread_local std::vector<Cp> tls_region;
  thread_local std::vector<uint32_t> tls_lengths;
  thread_local std::vector<char32_t> tls_region_cps;
  std::vector<Cp>& region = tls_region;
  std::vector<uint32_t>& lengths = tls_lengths;
  std::vector<char32_t>& region_cps = tls_region_cps;

  size_t utf16 = 0;
  const uint64_t* simple_bits = internal::SimpleBits();
  auto note_invalid = [&](const Decoded& d, size_t pos) {
    if (!d.valid && !counts.invalid_utf8) {
      counts.invalid_utf8 = true;
      counts.invalid_offset = pos;
    }
  };
  auto decode_at = [&](size_t pos) {
    const Decoded d = DecodeUtf8(p + pos, p + n);
    note_invalid(d, pos);
    return Cp{d.cp, static_cast<uint32_t>(pos), static_cast<uint8_t>(d.len),
              internal::IsClusterSimpleFast(simple_bits, d.cp), d.valid};
  };
  // Emits a one-code-point cluster.
  auto emit_single = [&](const Decoded& d, size_t pos) {
    const uint32_t units = base::Utf16Length(d.cp);
    if constexpr (kDetail) {
      if (!(d.valid && Gsm7Septets(d.cp) != 0)) {
        NonGsmCharacter& c = non_gsm->emplace_back();
        if (d.valid) {
          c.text.assign(reinterpret_cast<const char*>(p + pos), d.len);
        } else {
          base::AppendUtf8(c.text, d.cp);  // U+FFFD
        }
        c.span = {pos, pos + d.len, utf16, utf16 + units};
      }
    }
    packer.Add(units, pos, utf16);
    utf16 += units;
    ++counts.code_points;
    ++counts.clusters;
  };
  // Emits the cluster made of `count` code points starting at `cs`.
  auto emit = [&](const Cp* cs, size_t count) {
    if (count == 1) {
      return emit_single(Decoded{cs[0].cp, cs[0].len, cs[0].valid},
                         cs[0].byte_pos);
    }
    uint32_t units = 0;
    for (size_t k = 0; k < count; ++k) units += base::Utf16Length(cs[k].cp);
    if constexpr (kDetail) {
      NonGsmCharacter c;
      for (size_t k = 0; k < count; ++k) base::AppendUtf8(c.text, cs[k].cp);
      const size_t end = cs[count - 1].byte_pos + cs[count - 1].len;
      c.span = {cs[0].byte_pos, end, utf16, utf16 + units};
      non_gsm->push_back(std::move(c));
    }
    if (units <= kUcs2Multi) {
      packer.Add(units, cs[0].byte_pos, utf16);
    } else {
      // An oversize cluster cannot be kept whole in any segment: a real
      // encoder must cut it, so it is packed per code point (a surrogate
      // pair is never cut). See docs/segments.md.
      size_t u = utf16;
      for (size_t k = 0; k < count; ++k) {
        const uint32_t w = base::Utf16Length(cs[k].cp);
        packer.Add(w, cs[k].byte_pos, u);
        u += w;
      }
    }
    utf16 += units;
    counts.code_points += count;
    ++counts.clusters;
  };

  if (n == 0) return;
  if constexpr (kDetail) {
    // Most UCS-2 bodies are mostly non-GSM (another script): avoid growing
    // the list one doubling at a time.
    non_gsm->reserve(std::min<size_t>(n / 2, 512));
  }
  size_t pos = 0;
  Decoded cur = DecodeUtf8(p, p + n);
  note_invalid(cur, 0);
  bool cur_simple = internal::IsClusterSimpleFast(simple_bits, cur.cp);
  while (true) {
    // Plain GSM-7 ASCII is simple and one unit: a run of it, but for its
    // last character (which may start a cluster with what follows), is
    // that many one-unit clusters.
    if (cur.cp < 0x80 && pos + kBlock <= n) {
      const BlockMasks m = Classify16(p + pos);
      // In UCS-2, extension characters, LF and CR are single GSM-7
      // characters of one unit like the rest.
      const uint32_t mask = m.special & ~(m.ext | m.lf_cr);
      const uint32_t run = mask == 0 ? kBlock : __builtin_ctz(mask);
      if (run >= 2) {
        packer.AddRun(run - 1, pos, utf16);
        pos += run - 1;
        utf16 += run - 1;
        counts.code_points += run - 1;
        counts.clusters += run - 1;
        cur = Decoded{p[pos], 1, true};
        cur_simple = true;
      }
    }
    const size_t cur_end = pos + cur.len;
    if (cur_end >= n) {  // last code point: its own cluster
      emit_single(cur, pos);
      break;
    }
    const Decoded next = DecodeUtf8(p + cur_end, p + n);
    note_invalid(next, cur_end);
    const bool next_simple = internal::IsClusterSimpleFast(simple_bits, next.cp);
    if (cur_simple && next_simple) {
      emit_single(cur, pos);
      pos = cur_end;
      cur = next;
      continue;
    }
    // A region from `cur` to the next safe boundary (or the end).
    region.clear();
    region.push_back({cur.cp, static_cast<uint32_t>(pos),
                      static_cast<uint8_t>(cur.len), cur_simple, cur.valid});
    region.push_back({next.cp, static_cast<uint32_t>(cur_end),
                      static_cast<uint8_t>(next.len), next_simple, next.valid});
    size_t region_end = cur_end + next.len;
    Cp after{};
    while (region_end < n) {
      after = decode_at(region_end);
      if (region.back().simple && after.simple) break;
      region.push_back(after);
      region_end += after.len;
    }
    lengths.clear();
    if (!CommonClusters(region, lengths)) {
      region_cps.clear();
      for (const Cp& c : region) region_cps.push_back(c.cp);
      lengths.clear();
      internal::SegmentClusters(region_cps, lengths);
    }
    size_t k = 0;
    for (uint32_t len : lengths) {
      emit(&region[k], len);
      k += len;
    }
    if (region_end >= n) break;
    pos = region_end;
    cur = Decoded{after.cp, after.len, after.valid};
    cur_simple = after.simple;
  }
  counts.utf16_units = utf16;
}

LineBreakStyle DetectLineBreaks(std::string_view t) {
  bool lf = false, crlf = false;
  for (size_t i = t.find('\n'); i != std::string_view::npos;
       i = t.find('\n', i + 1)) {
    if (i > 0 && t[i - 1] == '\r') {
      crlf = true;
    } else {
      lf = true;
    }
    if (lf && crlf) break;
  }
  if (lf && crlf) return LineBreakStyle::kLfCrlf;
  if (crlf) return LineBreakStyle::kCrlf;
  if (lf) return LineBreakStyle::kLf;
  return LineBreakStyle::kNone;
}

// `general`: count UCS-2 text with Ucs2Pass rather than CountUcs2Segments
// (no effect with kDetail, which always takes Ucs2Pass).
template <bool kDetail>
uint32_t Analyze(std::string_view text, EncodingChoice choice,
                 SegmentInfo* info, bool general = false) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  std::vector<SegmentSpan>* spans = kDetail ? &info->segments : nullptr;
  bool incompatible = false;
  if (choice != EncodingChoice::kUcs2) {
    Packer<kDetail> packer(kGsmMulti, spans);
    PassCounts counts;
    if (GsmPass(p, n, packer, counts)) {
      const uint32_t segs = packer.Finish(kGsmSingle, n, counts.code_points);
      if constexpr (kDetail) {
        info->encoding = Encoding::kGsm7;
        info->segment_count = segs;
        info->units = packer.total();
        info->message_bits = packer.total() * 7;
        info->characters = packer.total();
        info->code_points = counts.code_points;
        info->utf16_units = counts.utf16_units;
      }
      return segs;
    }
    if (choice == EncodingChoice::kGsm7) {
      if constexpr (!kDetail) return 0;
      incompatible = true;
    }
    if constexpr (kDetail) info->segments.clear();
  }
  if constexpr (!kDetail) {
    if (!general) return internal::CountUcs2Segments(p, n);
  }
  Packer<kDetail> packer(kUcs2Multi, spans);
  PassCounts counts;
  Ucs2Pass(p, n, packer, counts, kDetail ? &info->non_gsm : nullptr);
  const uint32_t segs = packer.Finish(kUcs2Single, n, counts.utf16_units);
  if constexpr (kDetail) {
    info->error = incompatible ? SegmentError::kIncompatibleWithGsm7
                               : SegmentError::kOk;
    info->encoding = Encoding::kUcs2;
    info->segment_count = segs;
    info->units = packer.total();
    info->message_bits = packer.total() * 16;
    info->characters = counts.clusters;
    info->code_points = counts.code_points;
    info->utf16_units = counts.utf16_units;
    info->invalid_utf8 = counts.invalid_utf8;
    info->invalid_utf8_offset = counts.invalid_offset;
  }
  return segs;
}

}  // namespace

std::string_view EncodingName(Encoding e) {
  return e == Encoding::kGsm7 ? "GSM-7" : "UCS-2";
}

std::string_view LineBreakStyleName(LineBreakStyle s) {
  switch (s) {
    case LineBreakStyle::kNone: return "";
    case LineBreakStyle::kLf: return "LF";
    case LineBreakStyle::kCrlf: return "CRLF";
    case LineBreakStyle::kLfCrlf: return "LF+CRLF";
  }
  return "";
}

std::string SmartEncode(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto* end = p + utf8.size();
  while (p < end) {
    // Plain GSM-7 ASCII never has a replacement: copy runs of it.
    if (p + kBlock <= end) {
      const uint32_t mask = Classify16(p).special;
      const uint32_t run = mask == 0 ? kBlock : __builtin_ctz(mask);
      if (run > 0) {
        out.append(reinterpret_cast<const char*>(p), run);
        p += run;
        continue;
      }
    }
    if (*p < 0x80) {
      // ASCII: only controls, '`' and DEL can have replacements.
      if (const auto r = internal::SmartReplacement(*p)) {
        out.append(*r);
      } else {
        out.push_back(static_cast<char>(*p));
      }
      ++p;
      continue;
    }
    const Decoded d = DecodeUtf8(p, end);
    const auto r = d.valid ? internal::SmartReplacement(d.cp) : std::nullopt;
    if (r) {
      out.append(*r);
    } else {
      out.append(reinterpret_cast<const char*>(p), d.len);
    }
    p += d.len;
  }
  return out;
}

SegmentInfo AnalyzeSegments(std::string_view utf8,
                            const SegmentOptions& options) {
  SegmentInfo info;
  std::string smart;
  std::string_view text = utf8;
  if (options.smart_encoding) {
    smart = SmartEncode(utf8);
    text = smart;
  }
  info.bytes = text.size();
  info.line_break_style = DetectLineBreaks(text);
  Analyze<true>(text, options.encoding, &info);
  info.total_bits = info.message_bits +
                    (info.segment_count > 1 ? kUdhBits * info.segment_count : 0);
  if (options.smart_encoding) {
    info.smart_encoded = true;
    info.smart_text = std::move(smart);
  }
  return info;
}

uint32_t CountSegments(std::string_view utf8, const SegmentOptions& options) {
  if (options.smart_encoding) {
    return Analyze<false>(SmartEncode(utf8), options.encoding, nullptr);
  }
  return Analyze<false>(utf8, options.encoding, nullptr);
}

namespace internal {

uint32_t CountUcs2General(const uint8_t* p, size_t n) {
  Packer<false> packer(kUcs2Multi, nullptr);
  PassCounts counts;
  Ucs2Pass(p, n, packer, counts, nullptr);
  return packer.Finish(kUcs2Single, n, counts.utf16_units);
}

uint32_t CountSegmentsReference(std::string_view utf8,
                                const SegmentOptions& options) {
  if (options.smart_encoding) {
    return Analyze<false>(SmartEncode(utf8), options.encoding, nullptr, true);
  }
  return Analyze<false>(utf8, options.encoding, nullptr, true);
}

}  // namespace internal

}  // namespace smslint
