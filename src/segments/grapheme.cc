#include "segments/grapheme.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <memory>

namespace smslint::internal {
namespace {

constexpr char32_t kTableLimit = kSimpleTableLimit;

bool ComputeSimple(char32_t cp) {
  switch (u_getIntPropertyValue(static_cast<UChar32>(cp),
                                UCHAR_GRAPHEME_CLUSTER_BREAK)) {
    case U_GCB_OTHER:
    case U_GCB_CR:
    case U_GCB_LF:
    case U_GCB_CONTROL:
    case U_GCB_LV:
    case U_GCB_LVT:
      return true;
    default:
      return false;
  }
}

const uint64_t* SimpleTable() {
  static const uint64_t* table = [] {
    auto* t = new uint64_t[kTableLimit / 64]();
    for (char32_t cp = 0; cp < kTableLimit; ++cp) {
      if (ComputeSimple(cp)) t[cp >> 6] |= uint64_t{1} << (cp & 63);
    }
    return t;
  }();
  return table;
}

// Bit tables of the properties the engine asks about per code point, for
// code points below kTableLimit; built once, on first use.
struct PropertyTables {
  uint64_t plain_extend[kTableLimit / 64] = {};
  uint64_t pictographic[kTableLimit / 64] = {};
  uint64_t control[kTableLimit / 64] = {};
};

const PropertyTables& Tables() {
  static const PropertyTables* tables = [] {
    auto* t = new PropertyTables();
    for (char32_t cp = 0; cp < kTableLimit; ++cp) {
      const auto c = static_cast<UChar32>(cp);
      const uint64_t bit = uint64_t{1} << (cp & 63);
      const int gcb = u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK);
      if (gcb == U_GCB_EXTEND && u_getCombiningClass(c) != 9) {
        t->plain_extend[cp >> 6] |= bit;
      }
      if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) {
        t->pictographic[cp >> 6] |= bit;
      }
      if (gcb == U_GCB_CR || gcb == U_GCB_LF || gcb == U_GCB_CONTROL) {
        t->control[cp >> 6] |= bit;
      }
    }
    return t;
  }();
  return *tables;
}

icu::BreakIterator* ThreadIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(),
                                                    status));
    if (U_FAILURE(status)) bi.reset();
    return bi;
  }();
  return it.get();
}

}  // namespace

bool IsClusterSimple(char32_t cp) {
  if (cp < kTableLimit) return (SimpleTable()[cp >> 6] >> (cp & 63)) & 1;
  return ComputeSimple(cp);
}

const uint64_t* SimpleBits() { return SimpleTable(); }

const PropertyBits& Bits() {
  static const PropertyBits bits = {SimpleTable(), Tables().plain_extend,
                                    Tables().pictographic, Tables().control};
  return bits;
}

bool IsExtendedPictographic(char32_t cp) {
  if (cp < kTableLimit) return TestBit(Tables().pictographic, cp);
  return u_hasBinaryProperty(static_cast<UChar32>(cp),
                             UCHAR_EXTENDED_PICTOGRAPHIC);
}

bool IsControlBreak(char32_t cp) {
  if (cp < kTableLimit) return TestBit(Tables().control, cp);
  switch (u_getIntPropertyValue(static_cast<UChar32>(cp),
                                UCHAR_GRAPHEME_CLUSTER_BREAK)) {
    case U_GCB_CR:
    case U_GCB_LF:
    case U_GCB_CONTROL:
      return true;
    default:
      return false;
  }
}

bool IsPlainExtend(char32_t cp) {
  // Above the table: tag characters (E0020..E007F) and variation selectors
  // supplement are Extend; leave them to ICU.
  if (cp >= kTableLimit) return false;
  return TestBit(Tables().plain_extend, cp);
}

void SegmentClusters(std::span<const char32_t> cps,
                     std::vector<uint32_t>& lengths) {
  icu::BreakIterator* it = ThreadIterator();
  if (it == nullptr || cps.size() <= 1) {
    // No ICU data: fall back to one cluster per code point.
    for (size_t i = 0; i < cps.size(); ++i) lengths.push_back(1);
    return;
  }
  // A reused UTF-16 buffer wrapped in a UText: no UnicodeString copy per
  // region.
  thread_local std::vector<UChar> text;
  text.clear();
  for (char32_t cp : cps) {
    if (cp >= 0x10000) {
      text.push_back(static_cast<UChar>(U16_LEAD(cp)));
      text.push_back(static_cast<UChar>(U16_TRAIL(cp)));
    } else {
      text.push_back(static_cast<UChar>(cp));
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    for (size_t i = 0; i < cps.size(); ++i) lengths.push_back(1);
    return;
  }
  it->first();
  // Walk code points alongside the UTF-16 boundaries.
  size_t cp_index = 0;
  int32_t unit = 0;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    uint32_t n = 0;
    while (unit < b && cp_index < cps.size()) {
      unit += cps[cp_index] >= 0x10000 ? 2 : 1;
      ++cp_index;
      ++n;
    }
    lengths.push_back(n);
  }
  utext_close(&ut);
}

void WarmUpGraphemes() {
  (void)SimpleTable();
  (void)Tables();
  (void)Bits();
  (void)ThreadIterator();
}

}  // namespace smslint::internal
