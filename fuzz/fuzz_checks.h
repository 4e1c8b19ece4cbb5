// Invariant checks shared by the fuzz targets (fuzz/*_fuzzer.cc).
//
// Every check that fails prints what it expected and aborts, so libFuzzer
// saves the input as crash-* and the replay driver (fuzz/replay_main.cc)
// dies with a non-zero status under `meson test --suite fuzz-regress`.
//
// The oracles here are independent of smslint's own code: UTF-8 decoding
// uses ICU's U8_NEXT (which substitutes U+FFFD for each maximal ill-formed
// subpart, as segments.h promises smslint does), grapheme clusters come
// straight from ICU's character BreakIterator, not from the engine's
// "simple code point" shortcut (src/segments/grapheme.h), and
// ReferenceSegments is a slow, straightforward model of the whole segment
// analysis (sharing only the generated GSM-7 table with the engine).
#ifndef SMSLINT_FUZZ_FUZZ_CHECKS_H_
#define SMSLINT_FUZZ_FUZZ_CHECKS_H_

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "smslint/diagnostic.h"
#include "smslint/linter.h"
#include "smslint/report.h"
#include "smslint/segments.h"
// Only for the raw generated GSM-7 table (kGsm7Table); the reference model
// below does not use the engine's lookup (Gsm7Septets) or anything else.
#include "segments/gsm_tables.h"

namespace smslint_fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* expr,
                              const std::string& detail) {
  std::fprintf(stderr, "%s:%d: FUZZ INVARIANT FAILED: %s\n", file, line, expr);
  if (!detail.empty()) std::fprintf(stderr, "  %s\n", detail.c_str());
  std::fflush(stderr);
  std::abort();
}

// FUZZ_CHECK(cond) / FUZZ_CHECK_MSG(cond, std::string detail): abort with a
// message when cond is false. Always on (not tied to NDEBUG).
#define FUZZ_CHECK(cond)                                              \
  do {                                                                \
    if (!(cond)) ::smslint_fuzz::Fail(__FILE__, __LINE__, #cond, ""); \
  } while (0)
#define FUZZ_CHECK_MSG(cond, detail)                                      \
  do {                                                                    \
    if (!(cond)) ::smslint_fuzz::Fail(__FILE__, __LINE__, #cond, (detail)); \
  } while (0)

// How often the expensive oracles run (the reference segment model, the
// report checks, JSON validation): 1 = every input. The *_fuzzer and
// *_replay programs are built with 1, so fuzz-regress checks every corpus
// file fully; the *_fast_fuzzer variants with a larger N (fuzz/meson.build),
// so they spend their time on the code under test and find crashes and
// sanitizer reports many times faster. SMSLINT_FUZZ_ORACLE_EVERY=N in the
// environment overrides it for any of them.
#ifndef SMSLINT_FUZZ_ORACLE_EVERY
#define SMSLINT_FUZZ_ORACLE_EVERY 1
#endif

inline uint64_t OracleEvery() {
  static const uint64_t every = [] {
    const char* env = std::getenv("SMSLINT_FUZZ_ORACLE_EVERY");
    const long long v = env != nullptr ? std::atoll(env) : 0;
    return v > 0 ? static_cast<uint64_t>(v)
                 : static_cast<uint64_t>(SMSLINT_FUZZ_ORACLE_EVERY);
  }();
  return every;
}

// Whether this input gets the oracles. Chosen by a hash of the input, not
// by a counter, so an invariant failure found by a fast variant reproduces
// with the same input and the same N.
inline bool OracleFor(const uint8_t* data, size_t size) {
  const uint64_t every = OracleEvery();
  if (every <= 1) return true;
  uint64_t h = 14695981039346656037ull;  // FNV-1a
  for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 1099511628211ull;
  return h % every == 0;
}

inline std::string Num(uint64_t v) { return std::to_string(v); }

inline std::string SpanText(const smslint::Span& s) {
  return "bytes [" + Num(s.byte_begin) + "," + Num(s.byte_end) + ") utf16 [" +
         Num(s.utf16_begin) + "," + Num(s.utf16_end) + ")";
}

// What an independent decoder says about a UTF-8 string.
struct Utf8Facts {
  uint64_t code_points = 0;
  uint64_t utf16_units = 0;
  bool invalid = false;
  size_t first_invalid = 0;
  // utf16_at[b] = UTF-16 offset of byte b when b starts a code point (or
  // is the end); SIZE_MAX inside a sequence.
  std::vector<size_t> utf16_at;
};

// Decodes `s` with ICU's U8_NEXT; with_offsets also fills utf16_at.
inline Utf8Facts DecodeFacts(std::string_view s, bool with_offsets) {
  Utf8Facts f;
  if (with_offsets) f.utf16_at.assign(s.size() + 1, SIZE_MAX);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    if (with_offsets) f.utf16_at[i] = f.utf16_units;
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      if (!f.invalid) {
        f.invalid = true;
        f.first_invalid = static_cast<size_t>(start);
      }
      c = 0xFFFD;
    }
    ++f.code_points;
    f.utf16_units += U16_LENGTH(c);
  }
  if (with_offsets) f.utf16_at[s.size()] = f.utf16_units;
  return f;
}

inline Utf8Facts DecodeWithIcu(std::string_view s) { return DecodeFacts(s, true); }

// Just the UTF-16 length and validity (no tables): for short strings.
inline Utf8Facts DecodeLight(std::string_view s) { return DecodeFacts(s, false); }

// ICU's character BreakIterator, one per thread; nullptr without ICU data.
inline icu::BreakIterator* ThreadBreakIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), st));
    if (U_FAILURE(st)) bi.reset();
    return bi;
  }();
  return it.get();
}

// GSM-7 septets of cp by a linear search of the raw generated table.
inline uint32_t RefGsm7Septets(char32_t cp) {
  for (const smslint::internal::Gsm7Entry& e : smslint::internal::kGsm7Table) {
    if (e.cp == cp) return e.septets;
  }
  return 0;
}

// A slow, obviously-correct model of the segment engine, written from
// docs/segments.md and segments.h only:
//  - decode with U+FFFD per maximal ill-formed subpart (ICU U8_NEXT);
//  - GSM-7 when every code point is valid and in the table (unless UCS-2 is
//    forced); items are code points of 1 or 2 septets;
//  - otherwise UCS-2: items are ICU grapheme clusters, except that CR LF is
//    two; a cluster over 67 units is split into its code points;
//  - one segment when the total fits 160 / 70, else greedy bins of 153 / 67
//    that never split an item.
struct RefModel {
  bool ok = false;  // false without ICU data
  bool gsm = false;
  bool gsm_incompatible = false;
  uint64_t units = 0;
  uint64_t clusters = 0;
  std::vector<smslint::SegmentSpan> segments;
  std::vector<smslint::NonGsmCharacter> non_gsm;
};

inline RefModel ReferenceSegments(std::string_view text,
                                  smslint::EncodingChoice choice) {
  struct Cp {
    UChar32 cp;
    size_t byte, len, utf16;
    bool valid;
  };
  std::vector<Cp> cps;
  icu::UnicodeString u16;
  {
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t n = static_cast<int32_t>(text.size());
    int32_t i = 0;
    size_t utf16 = 0;
    while (i < n) {
      const int32_t start = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      const bool valid = c >= 0;
      if (!valid) c = 0xFFFD;
      cps.push_back({c, static_cast<size_t>(start),
                     static_cast<size_t>(i - start), utf16, valid});
      u16.append(c);
      utf16 += U16_LENGTH(c);
    }
  }
  const size_t end_byte = text.size();
  const size_t end_utf16 = static_cast<size_t>(u16.length());

  struct Item {
    uint32_t size;
    size_t byte, utf16;
  };
  std::vector<Item> items;
  RefModel m;
  m.ok = true;
  bool gsm_ok = choice != smslint::EncodingChoice::kUcs2;
  if (gsm_ok) {
    for (const Cp& c : cps) {
      const uint32_t sept = c.valid ? RefGsm7Septets(c.cp) : 0;
      if (sept == 0) {
        gsm_ok = false;
        break;
      }
      items.push_back({sept, c.byte, c.utf16});
    }
    if (!gsm_ok && choice == smslint::EncodingChoice::kGsm7) {
      m.gsm_incompatible = true;
    }
  }
  if (gsm_ok) {
    m.gsm = true;
  } else {
    items.clear();
    icu::BreakIterator* it = ThreadBreakIterator();
    if (it == nullptr) return RefModel{};
    // Cluster boundaries, as code point indexes.
    std::vector<size_t> bounds;
    it->setText(u16);
    size_t k = 0;
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
      while (k < cps.size() && cps[k].utf16 < static_cast<size_t>(b)) ++k;
      bounds.push_back(k);
    }
    it->setText(icu::UnicodeString());
    size_t first = 0;
    auto cluster = [&](size_t a, size_t b) {  // cps [a, b)
      ++m.clusters;
      uint32_t units = 0;
      for (size_t j = a; j < b; ++j) units += U16_LENGTH(cps[j].cp);
      const bool single_gsm =
          b - a == 1 && cps[a].valid && RefGsm7Septets(cps[a].cp) != 0;
      if (!single_gsm) {
        smslint::NonGsmCharacter c;
        for (size_t j = a; j < b; ++j) {
          std::string tmp;
          icu::UnicodeString(cps[j].cp).toUTF8String(tmp);
          c.text += tmp;
        }
        const size_t e_byte = b < cps.size() ? cps[b].byte : end_byte;
        const size_t e_utf16 = b < cps.size() ? cps[b].utf16 : end_utf16;
        c.span = {cps[a].byte, e_byte, cps[a].utf16, e_utf16};
        m.non_gsm.push_back(std::move(c));
      }
      if (units <= 67) {
        items.push_back({units, cps[a].byte, cps[a].utf16});
      } else {
        for (size_t j = a; j < b; ++j) {
          items.push_back({static_cast<uint32_t>(U16_LENGTH(cps[j].cp)),
                           cps[j].byte, cps[j].utf16});
        }
      }
    };
    for (size_t b : bounds) {
      if (b - first == 2 && cps[first].cp == '\r' && cps[first + 1].cp == '\n') {
        cluster(first, first + 1);
        cluster(first + 1, b);
      } else if (b > first) {
        cluster(first, b);
      }
      first = b;
    }
  }
  const uint32_t single = m.gsm ? 160 : 70;
  const uint32_t multi = m.gsm ? 153 : 67;
  for (const Item& i : items) m.units += i.size;
  if (m.units <= single) {
    m.segments.push_back({{0, end_byte, 0, end_utf16},
                          static_cast<uint32_t>(m.units), single});
    return m;
  }
  smslint::SegmentSpan cur{{0, 0, 0, 0}, 0, multi};
  for (const Item& i : items) {
    if (cur.fill + i.size > multi && cur.fill > 0) {
      cur.span.byte_end = i.byte;
      cur.span.utf16_end = i.utf16;
      m.segments.push_back(cur);
      cur = {{i.byte, 0, i.utf16, 0}, 0, multi};
    }
    cur.fill += i.size;
  }
  cur.span.byte_end = end_byte;
  cur.span.utf16_end = end_utf16;
  m.segments.push_back(cur);
  return m;
}

// A span lies within `text` (facts from DecodeWithIcu(text)), starts and
// ends on code point boundaries, and its UTF-16 offsets agree with its byte
// offsets.
inline void CheckSpanInText(const smslint::Span& s, std::string_view text,
                            const Utf8Facts& f, const char* what) {
  // Built only when a check fails.
  const auto d = [&] {
    return std::string(what) + ": " + SpanText(s) + " text bytes " +
           Num(text.size()) + " utf16 " + Num(f.utf16_units);
  };
  FUZZ_CHECK_MSG(s.byte_begin <= s.byte_end, d());
  FUZZ_CHECK_MSG(s.byte_end <= text.size(), d());
  FUZZ_CHECK_MSG(s.utf16_begin <= s.utf16_end, d());
  FUZZ_CHECK_MSG(s.utf16_end <= f.utf16_units, d());
  FUZZ_CHECK_MSG(f.utf16_at[s.byte_begin] == s.utf16_begin, d());
  FUZZ_CHECK_MSG(f.utf16_at[s.byte_end] == s.utf16_end, d());
}

// Every invariant of one AnalyzeSegments result. `input` is what was passed
// in; `o` the options used.
inline void CheckSegmentInfo(std::string_view input,
                             const smslint::SegmentOptions& o,
                             const smslint::SegmentInfo& info) {
  using smslint::Encoding;
  using smslint::EncodingChoice;
  using smslint::SegmentError;

  // Smart encoding: the analysed text is SmartEncode(input), exactly.
  std::string smart;
  std::string_view text = input;
  if (o.smart_encoding) {
    smart = smslint::SmartEncode(input);
    text = smart;
    FUZZ_CHECK(info.smart_encoded);
    FUZZ_CHECK(info.smart_text == smart);
    // Analysing the smart text directly gives the same answer.
    smslint::SegmentOptions plain = o;
    plain.smart_encoding = false;
    const smslint::SegmentInfo again = smslint::AnalyzeSegments(smart, plain);
    FUZZ_CHECK(again.segment_count == info.segment_count);
    FUZZ_CHECK(again.units == info.units);
    FUZZ_CHECK(again.encoding == info.encoding);
    FUZZ_CHECK(again.segments.size() == info.segments.size());
    for (size_t i = 0; i < again.segments.size(); ++i) {
      FUZZ_CHECK(again.segments[i].span == info.segments[i].span);
      FUZZ_CHECK(again.segments[i].fill == info.segments[i].fill);
    }
  } else {
    FUZZ_CHECK(!info.smart_encoded);
    FUZZ_CHECK(info.smart_text.empty());
  }
  FUZZ_CHECK(info.bytes == text.size());

  const Utf8Facts f = DecodeWithIcu(text);
  const bool gsm = info.encoding == Encoding::kGsm7;

  // Encoding choice and error.
  const uint32_t count = smslint::CountSegments(input, o);
  if (info.error == SegmentError::kIncompatibleWithGsm7) {
    FUZZ_CHECK(o.encoding == EncodingChoice::kGsm7);
    FUZZ_CHECK(!gsm);
    FUZZ_CHECK_MSG(count == 0, "CountSegments " + Num(count));
  } else {
    FUZZ_CHECK(info.error == SegmentError::kOk);
    FUZZ_CHECK_MSG(count == info.segment_count,
                   "CountSegments " + Num(count) + " AnalyzeSegments " +
                       Num(info.segment_count));
  }
  if (o.encoding == EncodingChoice::kUcs2) FUZZ_CHECK(!gsm);
  if (o.encoding == EncodingChoice::kGsm7 &&
      info.error == SegmentError::kOk) {
    FUZZ_CHECK(gsm);
  }
  if (o.encoding == EncodingChoice::kAuto && !gsm) {
    // UCS-2 was chosen, so something is not GSM-7 ...
    FUZZ_CHECK(!info.non_gsm.empty());
  }
  if (gsm) {
    // ... and GSM-7 text has no non-GSM characters, and is valid.
    FUZZ_CHECK(info.non_gsm.empty());
    FUZZ_CHECK(!info.invalid_utf8);
  }
  // The three choices agree with each other.
  {
    smslint::SegmentOptions g = o, u = o, a = o;
    g.encoding = EncodingChoice::kGsm7;
    u.encoding = EncodingChoice::kUcs2;
    a.encoding = EncodingChoice::kAuto;
    const uint32_t cg = smslint::CountSegments(input, g);
    const uint32_t cu = smslint::CountSegments(input, u);
    const uint32_t ca = smslint::CountSegments(input, a);
    FUZZ_CHECK(cu >= 1);
    FUZZ_CHECK(ca >= 1);
    if (cg != 0) {
      FUZZ_CHECK_MSG(ca == cg, "auto " + Num(ca) + " gsm " + Num(cg));
    } else {
      FUZZ_CHECK_MSG(ca == cu, "auto " + Num(ca) + " ucs2 " + Num(cu));
    }
  }

  // Counts against the independent decoder.
  FUZZ_CHECK_MSG(info.code_points == f.code_points,
                 Num(info.code_points) + " vs ICU " + Num(f.code_points));
  FUZZ_CHECK_MSG(info.utf16_units == f.utf16_units,
                 Num(info.utf16_units) + " vs ICU " + Num(f.utf16_units));
  FUZZ_CHECK(info.invalid_utf8 == f.invalid);
  if (f.invalid) {
    FUZZ_CHECK_MSG(info.invalid_utf8_offset == f.first_invalid,
                   Num(info.invalid_utf8_offset) + " vs ICU " +
                       Num(f.first_invalid));
  }
  if (gsm) {
    FUZZ_CHECK(info.characters == info.units);
    FUZZ_CHECK(info.units >= info.code_points);
    FUZZ_CHECK(info.units <= 2 * info.code_points);
    FUZZ_CHECK(info.message_bits == info.units * 7);
  } else {
    FUZZ_CHECK(info.units == info.utf16_units);
    FUZZ_CHECK(info.message_bits == info.units * 16);
  }

  // The whole analysis against the reference model.
  const RefModel ref = ReferenceSegments(text, o.encoding);
  if (ref.ok) {
    FUZZ_CHECK_MSG(ref.gsm == gsm, std::string("reference says ") +
                                       (ref.gsm ? "GSM-7" : "UCS-2"));
    FUZZ_CHECK(ref.gsm_incompatible ==
               (info.error == SegmentError::kIncompatibleWithGsm7));
    FUZZ_CHECK_MSG(ref.units == info.units,
                   "units " + Num(info.units) + " reference " + Num(ref.units));
    if (!gsm) {
      FUZZ_CHECK_MSG(ref.clusters == info.characters,
                     "characters " + Num(info.characters) + " reference " +
                         Num(ref.clusters));
    }
    FUZZ_CHECK_MSG(ref.segments.size() == info.segments.size(),
                   "segments " + Num(info.segments.size()) + " reference " +
                       Num(ref.segments.size()));
    for (size_t i = 0; i < ref.segments.size(); ++i) {
      const smslint::SegmentSpan& a = info.segments[i];
      const smslint::SegmentSpan& b = ref.segments[i];
      FUZZ_CHECK_MSG(a.span == b.span && a.fill == b.fill &&
                         a.capacity == b.capacity,
                     "segment " + Num(i) + ": " + SpanText(a.span) + " fill " +
                         Num(a.fill) + "/" + Num(a.capacity) + "; reference " +
                         SpanText(b.span) + " fill " + Num(b.fill) + "/" +
                         Num(b.capacity));
    }
    FUZZ_CHECK_MSG(ref.non_gsm.size() == info.non_gsm.size(),
                   "non_gsm " + Num(info.non_gsm.size()) + " reference " +
                       Num(ref.non_gsm.size()));
    for (size_t i = 0; i < ref.non_gsm.size(); ++i) {
      const smslint::NonGsmCharacter& a = info.non_gsm[i];
      const smslint::NonGsmCharacter& b = ref.non_gsm[i];
      FUZZ_CHECK_MSG(a.span == b.span && a.text == b.text,
                     "non_gsm " + Num(i) + ": " + SpanText(a.span) +
                         "; reference " + SpanText(b.span));
    }
  }
  FUZZ_CHECK(info.total_bits ==
             info.message_bits +
                 (info.segment_count > 1 ? 48 * info.segment_count : 0));

  // Segments: count, coverage, fill and capacity.
  FUZZ_CHECK(info.segment_count >= 1);
  FUZZ_CHECK_MSG(info.segment_count == info.segments.size(),
                 Num(info.segment_count) + " vs " + Num(info.segments.size()));
  const uint32_t single = gsm ? 160 : 70;
  const uint32_t multi = gsm ? 153 : 67;
  FUZZ_CHECK_MSG((info.units <= single) == (info.segment_count == 1),
                 "units " + Num(info.units) + " segments " +
                     Num(info.segment_count));
  uint64_t fills = 0;
  size_t byte = 0, utf16 = 0;
  for (size_t i = 0; i < info.segments.size(); ++i) {
    const smslint::SegmentSpan& s = info.segments[i];
    const auto d = [&] {
      return "segment " + Num(i) + ": " + SpanText(s.span) + " fill " +
             Num(s.fill) + " capacity " + Num(s.capacity);
    };
    FUZZ_CHECK_MSG(s.span.byte_begin == byte, d());
    FUZZ_CHECK_MSG(s.span.utf16_begin == utf16, d());
    CheckSpanInText(s.span, text, f, "segment");
    FUZZ_CHECK_MSG(s.capacity == (info.segment_count == 1 ? single : multi), d());
    FUZZ_CHECK_MSG(s.fill <= s.capacity, d());
    if (info.segment_count > 1) {
      FUZZ_CHECK_MSG(s.fill > 0, d());
      FUZZ_CHECK_MSG(s.span.byte_begin < s.span.byte_end, d());
    }
    // A segment's UCS-2 fill is its UTF-16 length.
    if (!gsm) {
      FUZZ_CHECK_MSG(s.fill == s.span.utf16_end - s.span.utf16_begin, d());
    }
    fills += s.fill;
    byte = s.span.byte_end;
    utf16 = s.span.utf16_end;
  }
  FUZZ_CHECK_MSG(byte == text.size(), "last segment ends at byte " + Num(byte));
  FUZZ_CHECK_MSG(utf16 == f.utf16_units, "last segment ends at unit " + Num(utf16));
  FUZZ_CHECK_MSG(fills == info.units,
                 "fills " + Num(fills) + " units " + Num(info.units));

  // Non-GSM characters: in order, inside the text, whole code points.
  size_t prev_end = 0;
  for (const smslint::NonGsmCharacter& c : info.non_gsm) {
    CheckSpanInText(c.span, text, f, "non_gsm");
    FUZZ_CHECK(c.span.byte_begin >= prev_end);
    FUZZ_CHECK(c.span.byte_begin < c.span.byte_end);
    FUZZ_CHECK(!c.text.empty());
    prev_end = c.span.byte_end;
    const Utf8Facts cf = DecodeLight(c.text);
    FUZZ_CHECK(!cf.invalid);  // ill-formed input is reported as U+FFFD
    FUZZ_CHECK_MSG(cf.utf16_units == c.span.utf16_end - c.span.utf16_begin,
                   SpanText(c.span));
    const std::string_view orig =
        text.substr(c.span.byte_begin, c.span.byte_end - c.span.byte_begin);
    if (!DecodeLight(orig).invalid) FUZZ_CHECK(c.text == orig);
  }
}

// Applies non-overlapping, sorted edits to `text`.
inline std::string ApplyEdits(std::string_view text,
                              const std::vector<smslint::Edit>& edits) {
  std::string out;
  size_t pos = 0;
  for (const smslint::Edit& e : edits) {
    out.append(text.substr(pos, e.span.byte_begin - pos));
    out.append(e.replacement);
    pos = e.span.byte_end;
  }
  out.append(text.substr(pos));
  return out;
}

// Every invariant of one Lint result for `m`.
// A diagnostic of the number rules (to/*, from/*, message/*): about a
// number field, and its only fix replaces the whole field with a strict
// E.164 number (what the rule's "e164" argument says).
// A finding of the request rules (src/request; media/size-unknown on a URL):
// on a request field, of the right area, with a span inside that field's
// value and no fix.
inline void CheckRequestDiagnostic(const smslint::Message& m,
                                   const smslint::Diagnostic& d) {
  const std::string* text = nullptr;
  const std::string_view f = d.field;
  if (f.starts_with("media_url[")) {
    const size_t i = std::stoul(std::string(f.substr(10)));
    FUZZ_CHECK_MSG(i < m.media_urls.size(), d.field);
    text = &m.media_urls[i];
    FUZZ_CHECK_MSG(d.rule_id.starts_with("media/"), d.rule_id);
  } else if (f == "status_callback") {
    text = &m.status_callback;
    FUZZ_CHECK_MSG(d.rule_id.starts_with("callback/"), d.rule_id);
  } else if (f == "send_at" || f == "schedule_type" || f == "validity_period") {
    text = f == "send_at" ? &m.send_at : f == "schedule_type" ? &m.schedule_type : nullptr;
    FUZZ_CHECK_MSG(d.rule_id.starts_with("schedule/"), d.rule_id);
  }
  FUZZ_CHECK_MSG(text != nullptr || f == "validity_period", d.field);
  FUZZ_CHECK_MSG(!d.fix, d.rule_id);
  if (d.span) {
    FUZZ_CHECK_MSG(text != nullptr && d.span->byte_begin <= d.span->byte_end &&
                       d.span->byte_end <= text->size() &&
                       d.span->utf16_begin <= d.span->utf16_end,
                   d.rule_id);
  }
}

inline bool IsRequestField(std::string_view f) {
  return f.starts_with("media_url[") || f == "status_callback" || f == "send_at" ||
         f == "schedule_type" || f == "validity_period";
}

inline void CheckNumberDiagnostic(const smslint::Message& m,
                                  const smslint::Diagnostic& d) {
  const std::string* text = nullptr;
  if (d.field == "to") text = &m.to;
  if (d.field == "from") text = &m.from;
  if (d.field == "messaging_service_id") text = &m.messaging_service_id;
  FUZZ_CHECK_MSG(text != nullptr || d.field == "region", d.field);
  // Account checks (embargo, geo permissions, suppression, trial) and quiet
  // hours judge the recipient as a whole: on its field, without a span.
  const bool whole_number = d.rule_id.starts_with("account/") ||
                            d.rule_id == "schedule/quiet-hours";
  FUZZ_CHECK_MSG(d.rule_id.starts_with("to/") ||
                     d.rule_id.starts_with("from/") ||
                     d.rule_id.starts_with("message/") ||
                     (whole_number && !d.span),
                 d.rule_id);
  if (d.span) {
    FUZZ_CHECK_MSG(text != nullptr && d.span->byte_begin == 0 &&
                       d.span->byte_end == text->size(),
                   d.rule_id);
  }
  if (!d.fix) return;
  FUZZ_CHECK_MSG(d.rule_id.ends_with("/not-e164"), d.rule_id);
  FUZZ_CHECK(d.fix->edits.size() == 1);
  const smslint::Edit& e = d.fix->edits[0];
  FUZZ_CHECK(e.span.byte_begin == 0 && e.span.byte_end == text->size());
  FUZZ_CHECK(e.replacement == d.Arg("e164"));
  const std::string& r = e.replacement;
  FUZZ_CHECK_MSG(r.size() >= 3 && r.size() <= 16 && r[0] == '+' &&
                     r[1] >= '1' && r[1] <= '9' &&
                     r.find_first_not_of("0123456789", 1) == std::string::npos,
                 r);
}

inline void CheckReport(const smslint::Linter& linter, const smslint::Message& m,
                        const smslint::Report& r) {
  FUZZ_CHECK(r.id == m.id);
  const smslint::SegmentInfo expect = smslint::AnalyzeSegments(m.body);
  FUZZ_CHECK(r.segments.segment_count == expect.segment_count);
  FUZZ_CHECK(r.segments.units == expect.units);
  FUZZ_CHECK(r.segments.encoding == expect.encoding);
  FUZZ_CHECK(linter.SegmentCount(m.body) == r.segments.segment_count);
  // (Report::Count is not used: it is not exported from libsmslint.so.)
  size_t errors = 0;
  for (const smslint::Diagnostic& d : r.diagnostics) {
    errors += d.severity == smslint::Severity::kError;
  }
  FUZZ_CHECK(linter.IsSendable(m) == (errors == 0));

  const Utf8Facts f = DecodeWithIcu(m.body);
  bool seen_too_many = false;
  for (const smslint::Diagnostic& d : r.diagnostics) {
    FUZZ_CHECK(!d.rule_id.empty());
    FUZZ_CHECK_MSG(!d.message.empty(), d.rule_id);
    std::string given = m.body + m.to + m.from + m.messaging_service_id + m.region +
                        m.status_callback + m.send_at + m.schedule_type;
    for (const std::string& u : m.media_urls) given += u;
    FUZZ_CHECK_MSG(d.message.find('{') == std::string::npos ||
                       given.find('{') != std::string::npos,
                   d.rule_id + ": unrendered template? " + d.message);
    FUZZ_CHECK(d.severity == smslint::Severity::kInfo ||
               d.severity == smslint::Severity::kWarning ||
               d.severity == smslint::Severity::kError);
    if (d.rule_id == "segments/too-many-segments") seen_too_many = true;
    if (IsRequestField(d.field)) {
      CheckRequestDiagnostic(m, d);
      continue;
    }
    if (d.rule_id.starts_with("media/") || d.rule_id.starts_with("mms/")) {
      // Media findings: about media, media[i], media_url or (MMS regions)
      // to/from; no spans, no fixes.
      FUZZ_CHECK_MSG(!m.media.empty() || !m.media_urls.empty(), d.rule_id);
      FUZZ_CHECK_MSG(!d.span && !d.fix, d.rule_id);
      FUZZ_CHECK_MSG(d.field == "media" || d.field == "media_url" || d.field == "to" ||
                         d.field == "from" || d.field.starts_with("media["),
                     d.field);
      continue;
    }
    if (d.field == "body") {
      if (d.span) CheckSpanInText(*d.span, m.body, f, d.rule_id.c_str());
    } else {
      CheckNumberDiagnostic(m, d);
      continue;
    }
    if (!d.fix) continue;
    size_t prev = 0;
    for (const smslint::Edit& e : d.fix->edits) {
      FUZZ_CHECK_MSG(d.field == "body", d.rule_id);
      CheckSpanInText(e.span, m.body, f, (d.rule_id + " fix").c_str());
      FUZZ_CHECK_MSG(e.span.byte_begin >= prev, d.rule_id + " edits overlap");
      prev = e.span.byte_end;
    }
    const std::string fixed = ApplyEdits(m.body, d.fix->edits);
    if (d.rule_id == "segments/forces-ucs2") {
      // The fix is Smart Encoding, edit by edit.
      FUZZ_CHECK(fixed == smslint::SmartEncode(m.body));
      const std::string_view ss = d.Arg("smart_segments");
      FUZZ_CHECK(ss == Num(smslint::CountSegments(
                           fixed, {.encoding = smslint::EncodingChoice::kGsm7})));
    } else if (d.rule_id == "segments/crlf-line-breaks") {
      FUZZ_CHECK(d.Arg("segments_lf") == Num(smslint::CountSegments(fixed)));
      FUZZ_CHECK(smslint::CountSegments(fixed) < r.segments.segment_count);
    }
  }
  if (r.segments.segment_count > linter.options().max_segments) {
    FUZZ_CHECK(seen_too_many ||
               !linter.MakeDiagnostic("segments/too-many-segments", "body",
                                      std::nullopt, {}));
  }

  // The JSON form is one line of valid JSON. (accept() only: building the
  // DOM again would double the cost of every run for little gain.)
  const std::string json = smslint::ReportToJson(r, {.line = 1, .row = {}});
  FUZZ_CHECK(json.find('\n') == std::string::npos);
  FUZZ_CHECK_MSG(nlohmann::json::accept(json), json.substr(0, 200));
  FUZZ_CHECK(json.find("\"segment_count\":" + Num(r.segments.segment_count)) !=
             std::string::npos);
}

}  // namespace smslint_fuzz

#endif  // SMSLINT_FUZZ_FUZZ_CHECKS_H_
