#include "segments/body_rules.h"

#include <cstdio>
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/utf16_span.h"
#include "base/utf8.h"
#include "segments/gsm_tables.h"

namespace smslint::internal {
namespace {

constexpr size_t kMaxNamedCharacters = 10;

// Where the text reaches `limit` code points (by_utf16 = false) or `limit`
// UTF-16 units (true): the span from there to the end.
Span TailSpan(std::string_view text, uint64_t limit, bool by_utf16) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto* end = p + text.size();
  size_t byte = 0;
  uint64_t count = 0;
  while (p + byte < end && count < limit) {
    const base::Decoded d = base::DecodeUtf8(p + byte, end);
    const uint32_t w = base::Utf16Length(d.cp);
    if (by_utf16 && count + w > limit) break;
    count += by_utf16 ? w : 1;
    byte += d.len;
  }
  return base::Utf16Span(text, byte, text.size());
}

// How a character is shown in a message: invisible and control characters
// by code point only.
std::string ShowCharacter(std::string_view text) {
  const base::Decoded d = base::DecodeUtf8At(text, 0);
  const bool invisible = d.cp < 0x20 || (d.cp >= 0x7F && d.cp < 0xA0) ||
                         d.cp == 0xA0 || (d.cp >= 0x2000 && d.cp <= 0x200F) ||
                         (d.cp >= 0x2028 && d.cp <= 0x202F) ||
                         d.cp == 0x2060 || d.cp == 0xFEFF ||
                         (d.cp >= 0x300 && d.cp < 0x370);
  if (invisible) return "(" + base::CodePointsLabel(text) + ")";
  return "'" + std::string(text) + "' (" + base::CodePointsLabel(text) + ")";
}

void CheckForcesUcs2(const Message& m, const SegmentInfo& info,
                     const Options& options, const Emit& emit) {
  if (info.encoding != Encoding::kUcs2 || info.non_gsm.empty()) return;
  struct Distinct {
    std::string_view text;
    size_t count;
  };
  // In order of first appearance; the index finds a character in constant
  // time (a body of 32k distinct characters was quadratic).
  std::vector<Distinct> distinct;
  std::unordered_map<std::string_view, size_t> index;
  index.reserve(std::min<size_t>(info.non_gsm.size(), 4096));
  for (const NonGsmCharacter& c : info.non_gsm) {
    const auto [it, inserted] = index.try_emplace(c.text, distinct.size());
    if (inserted) {
      distinct.push_back({c.text, 1});
    } else {
      ++distinct[it->second].count;
    }
  }
  std::string names;
  for (size_t i = 0; i < distinct.size() && i < kMaxNamedCharacters; ++i) {
    if (!names.empty()) names += ", ";
    names += ShowCharacter(distinct[i].text);
    if (distinct[i].count > 1) names += " x" + std::to_string(distinct[i].count);
  }
  if (distinct.size() > kMaxNamedCharacters) {
    names += ", and " + std::to_string(distinct.size() - kMaxNamedCharacters) +
             " more";
  }
  Diagnostic* d = emit(rule::kSegmentsForcesUcs2, "body", info.non_gsm[0].span,
                       {{"count", std::to_string(distinct.size())},
                        {"segments", std::to_string(info.segment_count)},
                        {"characters", names}});
  if (d == nullptr || !options.suggest_smart_encoding) return;

  // Smart Encoding helps only when every character left is GSM-7: a code
  // point that is neither GSM-7 nor replaced (an emoji, a CJK character)
  // settles it without encoding the body.
  for (const Distinct& c : distinct) {
    const auto* q = reinterpret_cast<const uint8_t*>(c.text.data());
    const auto* q_end = q + c.text.size();
    while (q < q_end) {
      const base::Decoded dec = base::DecodeUtf8(q, q_end);
      if (!dec.valid || (Gsm7Septets(dec.cp) == 0 && !SmartReplacement(dec.cp))) return;
      q += dec.len;
    }
  }
  const std::string smart = SmartEncode(m.body);
  const uint32_t smart_segments =
      CountSegments(smart, {.encoding = EncodingChoice::kGsm7});
  if (smart_segments == 0 || smart_segments > info.segment_count) return;
  Fix fix;
  fix.applicability = Applicability::kUnsafe;
  const auto* p = reinterpret_cast<const uint8_t*>(m.body.data());
  const auto* end = p + m.body.size();
  base::Utf16Mapper spans(m.body);
  for (size_t byte = 0; p + byte < end;) {
    const base::Decoded dec = base::DecodeUtf8(p + byte, end);
    if (dec.valid) {
      if (const auto r = SmartReplacement(dec.cp)) {
        fix.edits.push_back({spans.ToSpan(byte, byte + dec.len), std::string(*r)});
      }
    }
    byte += dec.len;
  }
  const uint32_t saved = info.segment_count - smart_segments;
  fix.description = "apply Smart Encoding (" +
                    std::to_string(fix.edits.size()) +
                    " replacement(s)): GSM-7, " +
                    std::to_string(smart_segments) + " segment(s)";
  fix.description += saved > 0 ? " instead of " +
                                     std::to_string(info.segment_count) +
                                     ", saving " + std::to_string(saved)
                               : ", the same count";
  d->args.push_back({"smart_segments", std::to_string(smart_segments)});
  d->args.push_back({"segments_saved", std::to_string(saved)});
  d->fix = std::move(fix);
}

void CheckCrlf(const Message& m, const SegmentInfo& info, const Emit& emit) {
  if (info.line_break_style != LineBreakStyle::kCrlf &&
      info.line_break_style != LineBreakStyle::kLfCrlf) {
    return;
  }
  std::string lf;
  lf.reserve(m.body.size());
  Fix fix;
  fix.applicability = Applicability::kSafe;
  const auto* p = reinterpret_cast<const uint8_t*>(m.body.data());
  const auto* end = p + m.body.size();
  base::Utf16Mapper spans(m.body);
  size_t crlf = 0;
  for (size_t b = 0; p + b < end;) {
    const base::Decoded d = base::DecodeUtf8(p + b, end);
    if (d.cp == '\r' && p + b + 1 < end && p[b + 1] == '\n') {
      fix.edits.push_back({spans.ToSpan(b, b + 1), ""});
      ++crlf;
    } else {
      lf.append(m.body, b, d.len);
    }
    b += d.len;
  }
  const uint32_t lf_segments = CountSegments(lf);
  if (lf_segments >= info.segment_count) return;
  fix.description = "replace CRLF line breaks with LF";
  Diagnostic* d = emit(rule::kSegmentsCrlfLineBreaks, "body", fix.edits[0].span,
                       {{"crlf_count", std::to_string(crlf)},
                        {"segments_lf", std::to_string(lf_segments)},
                        {"segments", std::to_string(info.segment_count)}});
  if (d != nullptr) d->fix = std::move(fix);
}

}  // namespace

void CheckBody(const Message& m, const SegmentInfo& info,
               const Options& options, const Emit& emit) {
  if (m.body.empty()) {
    if (m.media.empty() && m.media_urls.empty()) {
      emit(rule::kBodyEmpty, "body", std::nullopt, {});
    }
    return;
  }
  if (info.invalid_utf8) {
    const size_t off = info.invalid_utf8_offset;
    const base::Decoded d = base::DecodeUtf8At(m.body, off);
    const size_t u16 = base::Utf16Offset(m.body, off);
    emit(rule::kBodyInvalidUtf8, "body", Span{off, off + d.len, u16, u16 + 1},
         {{"offset", std::to_string(off)}});
  }
  const uint64_t limit = options.max_body_characters;
  if (info.code_points > limit) {
    emit(rule::kBodyTooLong, "body", TailSpan(m.body, limit, false),
         {{"count", std::to_string(info.code_points)},
          {"limit", std::to_string(limit)}});
  } else if (info.utf16_units > limit) {
    emit(rule::kBodyTooLongUtf16, "body", TailSpan(m.body, limit, true),
         {{"utf16_units", std::to_string(info.utf16_units)},
          {"count", std::to_string(info.code_points)},
          {"limit", std::to_string(limit)}});
  }
  CheckForcesUcs2(m, info, options, emit);
  if (info.segment_count > options.max_segments) {
    emit(rule::kSegmentsTooManySegments, "body", std::nullopt,
         {{"segments", std::to_string(info.segment_count)},
          {"encoding", std::string(EncodingName(info.encoding))},
          {"limit", std::to_string(options.max_segments)}});
  }
  CheckCrlf(m, info, emit);
}

}  // namespace smslint::internal
