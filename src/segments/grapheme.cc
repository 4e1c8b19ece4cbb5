#include "segments/grapheme.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/ucpmap.h>
#include <unicode/uset.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <memory>

namespace smslint::internal {
namespace {

constexpr char32_t kTableLimit = kSimpleTableLimit;

bool SimpleGcb(int gcb) {
  switch (gcb) {
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

bool ComputeSimple(char32_t cp) {
  return SimpleGcb(u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_GRAPHEME_CLUSTER_BREAK));
}

// The tables below are filled from ICU's property maps range by range
// (ucpmap_getRange, u_getBinaryPropertySet): asking ICU code point by code
// point for all 0x20000 cost ~3 ms of every process's first UCS-2 text.
void SetBits(uint64_t* table, char32_t first, char32_t last) {
  for (char32_t cp = first; cp <= last && cp < kTableLimit; ++cp) {
    table[cp >> 6] |= uint64_t{1} << (cp & 63);
  }
}

// Calls f(first, last, gcb) for each range of equal Grapheme_Cluster_Break
// below kTableLimit.
template <typename F>
void ForEachGcbRange(F f) {
  UErrorCode status = U_ZERO_ERROR;
  const UCPMap* map = u_getIntPropertyMap(UCHAR_GRAPHEME_CLUSTER_BREAK, &status);
  if (U_FAILURE(status) || map == nullptr) {
    // Cannot happen with ICU's built-in data; the slow way, still exact.
    for (char32_t cp = 0; cp < kTableLimit; ++cp) {
      f(cp, cp, u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_GRAPHEME_CLUSTER_BREAK));
    }
    return;
  }
  UChar32 start = 0;
  while (start < static_cast<UChar32>(kTableLimit)) {
    uint32_t value = 0;
    const UChar32 end = ucpmap_getRange(map, start, UCPMAP_RANGE_NORMAL, 0, nullptr,
                                        nullptr, &value);
    if (end < start) break;
    f(static_cast<char32_t>(start), static_cast<char32_t>(end), static_cast<int>(value));
    start = end + 1;
  }
}

const uint64_t* SimpleTable() {
  static const uint64_t* table = [] {
    auto* t = new uint64_t[kTableLimit / 64]();
    ForEachGcbRange([t](char32_t first, char32_t last, int gcb) {
      if (SimpleGcb(gcb)) SetBits(t, first, last);
    });
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
    ForEachGcbRange([t](char32_t first, char32_t last, int gcb) {
      if (gcb == U_GCB_EXTEND) {
        // Extend is a few thousand code points: the virama test per point.
        for (char32_t cp = first; cp <= last && cp < kTableLimit; ++cp) {
          if (u_getCombiningClass(static_cast<UChar32>(cp)) != 9) SetBits(t->plain_extend, cp, cp);
        }
      } else if (gcb == U_GCB_CR || gcb == U_GCB_LF || gcb == U_GCB_CONTROL) {
        SetBits(t->control, first, last);
      }
    });
    UErrorCode status = U_ZERO_ERROR;
    const USet* pictographic = u_getBinaryPropertySet(UCHAR_EXTENDED_PICTOGRAPHIC, &status);
    if (U_SUCCESS(status) && pictographic != nullptr) {
      const int32_t n = uset_getRangeCount(pictographic);
      for (int32_t i = 0; i < n; ++i) {
        UChar32 first = 0, last = 0;
        uset_getItem(pictographic, i, &first, &last, nullptr, 0, &status);
        if (first >= static_cast<UChar32>(kTableLimit)) break;
        SetBits(t->pictographic, static_cast<char32_t>(first), static_cast<char32_t>(last));
      }
    } else {
      for (char32_t cp = 0; cp < kTableLimit; ++cp) {
        if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC)) {
          SetBits(t->pictographic, cp, cp);
        }
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

}  // namespace smslint::internal
