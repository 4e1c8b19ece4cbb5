// The engine asks ICU about grapheme clusters only between "safe"
// boundaries (segments/grapheme.h). These tests check that this gives
// exactly ICU's clusters: on every code point next to every class of
// neighbour, and on random text from a pool of tricky characters.
#include "segments/grapheme.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "smslint/segments.h"

namespace smslint {
namespace {

// Cluster count by ICU over the whole text.
uint64_t IcuClusters(const std::u32string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  icu::UnicodeString u;
  for (char32_t c : text) u.append(static_cast<UChar32>(c));
  it->setText(u);
  uint64_t n = 0;
  int32_t prev = it->first();
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    // The calculator splits CR LF into two clusters; so does the engine.
    if (b - prev == 2 && u[prev] == '\r' && u[prev + 1] == '\n') ++n;
    ++n;
    prev = b;
  }
  return n;
}

std::string ToUtf8(const std::u32string& s) {
  std::string out;
  icu::UnicodeString u;
  for (char32_t c : s) u.append(static_cast<UChar32>(c));
  u.toUTF8String(out);
  return out;
}

uint64_t EngineClusters(const std::u32string& text) {
  return AnalyzeSegments(ToUtf8(text), {.smart_encoding = false,
                                        .encoding = EncodingChoice::kUcs2})
      .characters;
}

// Representatives of every Grapheme_Cluster_Break class and then some.
const std::vector<char32_t> kPool = {
    'a', 'Z', ' ', '\r', '\n', 0x01, 0x7F, 0xE9, 0x4E2D, 0x0416,  // simple
    0x0301, 0x0308, 0x20E3, 0xFE0F, 0xFE0E,                       // Extend
    0x200D, 0x200C,                                               // ZWJ, ZWNJ
    0x1F3FB, 0x1F3FF,                                             // modifiers
    0x1F1EE, 0x1F1F9, 0x1F1FA,                                    // RI
    0x0915, 0x094D, 0x0937, 0x093F, 0x0924, 0x0930,               // Devanagari
    0x0995, 0x09CD, 0x09B7,                                       // Bengali
    0x0E33, 0x0903, 0x0600, 0x110BD,                    // SpacingMark, Prepend
    0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01,                       // Hangul L V T LV LVT
    0x1F600, 0x1F468, 0x1F469, 0x1F467, 0x2764, 0x1F525, 0x1FAF1, 0x1FAF2,
    0x1F642, 0x2194, 0x1F426, 0x2B1B, 0x00A9, 0x0023, 0x0030,     // ExtPict, keycaps
    0xD7FF, 0xFFFD, 0x10FFFF, 0xE000, 0x2028, 0x00AD, 0x200B, 0xFEFF,
    0x05B4, 0x0651, 0x0E48, 0x1AB0, 0xE0061, 0xE007F, 0xE0100,    // more Extend
    0x0D4D, 0x0C4D, 0x0B4D, 0x0ACD, 0x0A4D, 0x0BCD,             // more viramas
};

TEST(GraphemeTest, EveryPairAndTripleOfPoolClasses) {
  for (char32_t a : kPool) {
    for (char32_t b : kPool) {
      const std::u32string t2 = {a, b};
      ASSERT_EQ(EngineClusters(t2), IcuClusters(t2))
          << std::hex << uint32_t(a) << " " << uint32_t(b);
      for (char32_t c : {char32_t('x'), char32_t(0x200D), char32_t(0x0301),
                         char32_t(0x1F1EE), char32_t(0x0915)}) {
        const std::u32string t3 = {a, c, b};
        ASSERT_EQ(EngineClusters(t3), IcuClusters(t3))
            << std::hex << uint32_t(a) << " " << uint32_t(c) << " "
            << uint32_t(b);
      }
    }
  }
}

TEST(GraphemeTest, RandomTextMatchesIcu) {
  std::mt19937 rng(20261126);
  std::uniform_int_distribution<size_t> pick(0, kPool.size() - 1);
  std::uniform_int_distribution<int> len(1, 200);
  for (int i = 0; i < 10000; ++i) {
    std::u32string t;
    const int n = len(rng);
    for (int k = 0; k < n; ++k) t.push_back(kPool[pick(rng)]);
    ASSERT_EQ(EngineClusters(t), IcuClusters(t)) << "case " << i;
  }
}

TEST(GraphemeTest, AsciiRunsBeforeAndAfterEveryPoolCharacter) {
  // The UCS-2 pass takes runs of plain ASCII 16 bytes at a time; the last
  // character of a run may join what follows (e + U+0301).
  for (size_t run = 0; run < 40; ++run) {
    for (char32_t c : kPool) {
      std::u32string t(run, U'e');
      t.push_back(c);
      t.append(run % 17, U'x');
      t.push_back(0x4E2D);  // forces UCS-2 whatever c is
      ASSERT_EQ(EngineClusters(t), IcuClusters(t))
          << run << " " << std::hex << uint32_t(c);
    }
  }
}

TEST(GraphemeTest, SimpleClassAgreesWithIcuOnAllBmpNeighbours) {
  // Two simple code points must always have a boundary between them.
  // Sampled over the BMP (every 7th code point against 'a' and U+4E2D).
  for (char32_t cp = 0; cp < 0x10000; cp += 7) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (!internal::IsClusterSimple(cp)) continue;
    for (char32_t other : {char32_t('a'), char32_t(0x4E2D), char32_t(0xAC00)}) {
      const std::u32string t = {cp, other, cp};
      ASSERT_EQ(IcuClusters(t), 3u) << std::hex << uint32_t(cp);
    }
  }
}

// The property tables are filled from ICU's maps range by range; every code
// point they cover must read as ICU answers it point by point.
TEST(GraphemeTest, PropertyTablesEqualIcuPerCodePoint) {
  for (char32_t cp = 0; cp < internal::kSimpleTableLimit; ++cp) {
    const auto c = static_cast<UChar32>(cp);
    const int gcb = u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK);
    const bool simple = gcb == U_GCB_OTHER || gcb == U_GCB_CR || gcb == U_GCB_LF ||
                        gcb == U_GCB_CONTROL || gcb == U_GCB_LV || gcb == U_GCB_LVT;
    const bool control = gcb == U_GCB_CR || gcb == U_GCB_LF || gcb == U_GCB_CONTROL;
    const bool plain_extend = gcb == U_GCB_EXTEND && u_getCombiningClass(c) != 9;
    const bool pictographic = u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC);
    ASSERT_EQ(internal::IsClusterSimple(cp), simple) << std::hex << uint32_t(cp);
    ASSERT_EQ(internal::IsControlBreak(cp), control) << std::hex << uint32_t(cp);
    ASSERT_EQ(internal::IsPlainExtend(cp), plain_extend) << std::hex << uint32_t(cp);
    ASSERT_EQ(internal::IsExtendedPictographic(cp), pictographic) << std::hex << uint32_t(cp);
  }
}

}  // namespace
}  // namespace smslint
