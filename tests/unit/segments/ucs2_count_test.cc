// CountSegments counts UCS-2 text with segments/ucs2_count.h; these tests
// hold it to the general pass (the oracle) on generated text, check that
// it answers itself on text of the common shapes, and check the one fact
// its block scan rests on against ICU.
#include "segments/ucs2_count.h"

#include <unicode/uchar.h>

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "smslint/segments.h"

namespace smslint {
namespace {

bool IcuSimple(char32_t cp) {
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

TEST(Ucs2CountTest, UncheckedLeadsStartOnlyWellFormedSimpleCodePoints) {
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    base::AppendUtf8(s, cp);
    if (internal::IsCheckedLead(static_cast<uint8_t>(s[0]))) continue;
    ASSERT_TRUE(IcuSimple(cp)) << std::hex << uint32_t(cp);
  }
  // Leads of ill-formed sequences are always checked.
  for (int b : {0xC0, 0xC1, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF}) {
    EXPECT_TRUE(internal::IsCheckedLead(static_cast<uint8_t>(b))) << b;
  }
}

// The UCS-2 count of every scan path equals the general pass's.
testing::AssertionResult SameUcs2Count(const std::string& body) {
  const uint32_t want = internal::CountSegmentsReference(
      body, {.encoding = EncodingChoice::kUcs2});
  const auto* p = reinterpret_cast<const uint8_t*>(body.data());
  for (const auto path : {internal::ScanPath::kBest, internal::ScanPath::kScalar,
                          internal::ScanPath::kSse2, internal::ScanPath::kAvx2}) {
    const uint32_t got = internal::CountUcs2Segments(p, body.size(), path);
    if (got != want) {
      return testing::AssertionFailure()
             << "path " << static_cast<int>(path) << ": " << got
             << " segments, the general pass " << want << ", for "
             << base::CodePointsLabel(body);
    }
  }
  return testing::AssertionSuccess();
}

// Pieces of text of every kind the scan treats differently.
const std::vector<std::string> kPieces = {
    "a", "Hello ", "1234567890", " ", "\n", "\r\n", "\r", "\t", "{", "\x7F",
    "é", "ü", "£", "ß", "ł", "ğ", "Ω", "Привет", "ґ", "ҍ", "Ж", "а\xD2\x83",
    "你好世界", "ご予約", "ゎ", "が", "か\xE3\x82\x99", "감사합니다", "합",
    "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8",  // Hangul L V T
    "مرحبا", "\xD9\x8E", "\xD8\x80", "שָׁלוֹם", "Tiếng Việt",
    "e\xCC\x81", "\xCC\x81", "\xCD\xB0", "क्षि", "\xE0\xB8\xB3", "\xE2\x80\x8B",
    "\xE2\x80\x8C", "\xE2\x80\x8D", "\xEF\xB8\x8F", "\xEF\xBB\xBF",
    "\xEF\xBD\x9E", "\xEF\xBE\x9E", "\xEA\xB0\x80", "\xED\x9E\xB0",
    "😀", "📦", "🚀", "🇺🇸", "🇯", "👍🏽", "\xF0\x9F\x8F\xBD", "❤️", "☀️",
    "1️⃣", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🫱🏻‍🫲🏿", "🙂‍↔️", "\xF3\xA0\x80\x81",
    "\xF3\xA0\x84\x80", "\xF4\x8F\xBF\xBF", "\xF0\x90\x80\x80",
    // ill-formed: stray continuation, truncated, overlong, surrogate, > U+10FFFF
    "\x80", "\xBF\xBF", "\xD0", "\xE4\xBD", "\xF0\x9F\x98", "\xC0\xAF",
    "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5", "\xFF",
};

// Pieces that are whole clusters of the common shapes (or ill-formed
// bytes, which count as U+FFFD), so that any sequence of them is too.
const std::vector<std::string> kCommonPieces = {
    "a", "Hello ", "1234567890", " ", "\n", "\r\n", "\t", "{", "é", "£",
    "Привет", "Ж", "а\xD2\x83", "你好世界", "ご予約", "が", "か\xE3\x82\x99",
    "감사합니다", "합", "مرحبا", "م\xD9\x8E", "שָׁלוֹם", "Tiếng Việt", "e\xCC\x81",
    "\xCD\xB0", "x\xE2\x80\x8C", "\xEF\xBB\xBF", "\xEF\xBD\x9E",
    "\xEF\xBD\xB6\xEF\xBE\x9E", "\xEA\xB0\x80", "\xED\x9E\xA3", "😀",
    "📦", "🚀", "🇺🇸", "🇯", "👍🏽", "❤️", "☀️", "1️⃣", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🫱🏻‍🫲🏿",
    "🙂‍↔️", "🐦‍🔥", "©️", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",
    "\xF3\xA0\x80\x81", "\x80", "\xD0", "\xE4\xBD", "\xC0\xAF",
    "\xED\xA0\x80", "\xF5",
};

std::string RandomBody(std::mt19937& rng,
                       const std::vector<std::string>& pieces = kPieces,
                       bool marks = true) {
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_int_distribution<int> length(0, 700);
  const int target = length(rng);
  std::string s;
  while (static_cast<int>(s.size()) < target) {
    switch (kind(rng)) {
      case 0: {  // a run of one piece, to reach segment boundaries
        const std::string& p = pieces[piece(rng)];
        for (int k = std::uniform_int_distribution<int>(1, 80)(rng); k > 0; --k) {
          s += p;
        }
        break;
      }
      case 1: {  // any code point
        if (!marks) break;
        char32_t cp = std::uniform_int_distribution<char32_t>(0x80, 0x10FFFF)(rng);
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        base::AppendUtf8(s, cp);
        break;
      }
      case 2:  // a marks-only run that can exceed a segment
        if (!marks) break;
        for (int k = std::uniform_int_distribution<int>(1, 90)(rng); k > 0; --k) {
          s += "\xCC\x81";
        }
        break;
      default:
        s += pieces[piece(rng)];
    }
  }
  return s;
}

TEST(Ucs2CountTest, EqualsTheGeneralPassOnGeneratedText) {
  std::mt19937 rng(20261203);
  int ucs2 = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string body = RandomBody(rng);
    ASSERT_TRUE(SameUcs2Count(body)) << "case " << i;
    // Through the public entry point, with GSM-7 first and Smart Encoding.
    const SegmentOptions options{.smart_encoding = (i % 7 == 0)};
    ASSERT_EQ(CountSegments(body, options),
              internal::CountSegmentsReference(body, options))
        << "case " << i << ": " << base::CodePointsLabel(body);
    ucs2 += AnalyzeSegments(body).encoding == Encoding::kUcs2;
  }
  EXPECT_GT(ucs2, 15000);  // the generator does reach the UCS-2 pass
}

TEST(Ucs2CountTest, AnswersItselfOnCommonShapes) {
  std::mt19937 rng(3);
  for (int i = 0; i < 20000; ++i) {
    const std::string body = RandomBody(rng, kCommonPieces, false);
    const uint32_t want = internal::CountSegmentsReference(
        body, {.encoding = EncodingChoice::kUcs2});
    const auto* p = reinterpret_cast<const uint8_t*>(body.data());
    for (const auto path : {internal::ScanPath::kScalar,
                            internal::ScanPath::kSse2,
                            internal::ScanPath::kAvx2}) {
      ASSERT_EQ(internal::CountCommonShapes(p, body.size(), path), want)
          << "case " << i << " path " << static_cast<int>(path) << ": "
          << base::CodePointsLabel(body);
    }
  }
}

TEST(Ucs2CountTest, LeavesOtherShapesToTheGeneralPass) {
  for (const char* body : {"\xCC\x81", "a\n\xCC\x81", "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7",
                           "\xE0\xB8\x81\xE0\xB8\xB3", "\xE1\x84\x80\xE1\x85\xA1",
                           "x\xE2\x80\x8D\xE2\x80\x8D", "\xF3\xA0\x84\x80"}) {
    const std::string s(body);
    EXPECT_EQ(internal::CountCommonShapes(
                  reinterpret_cast<const uint8_t*>(s.data()), s.size()),
              0u)
        << base::CodePointsLabel(s);
  }
  // A cluster longer than a segment: the general pass cuts it.
  std::string zalgo = "a";
  for (int i = 0; i < 80; ++i) zalgo += "\xCC\x81";
  EXPECT_EQ(internal::CountCommonShapes(
                reinterpret_cast<const uint8_t*>(zalgo.data()), zalgo.size()),
            0u);
  EXPECT_EQ(CountSegments(zalgo), 2u);  // 67 + 14 units
}

TEST(Ucs2CountTest, EqualsTheGeneralPassOnRandomBytes) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> high(0x80, 0xFF);
  for (int i = 0; i < 20000; ++i) {
    std::string body(std::uniform_int_distribution<int>(0, 300)(rng), 'x');
    // Mostly high bytes, so that some runs are well-formed by chance.
    for (char& c : body) c = static_cast<char>(i % 2 ? byte(rng) : high(rng));
    ASSERT_TRUE(SameUcs2Count(body)) << "case " << i;
  }
}

TEST(Ucs2CountTest, EveryPieceAtEveryOffsetOfASegmentBoundary) {
  // The piece lands on each position around the 67-unit boundaries, after
  // a prefix of one- or two-unit characters, with text after it or not.
  for (const std::string& piece : kPieces) {
    for (const char* fill : {"a", "ж", "中", "😀"}) {
      for (int k = 55; k < 150; ++k) {
        std::string body;
        for (int j = 0; j < k; ++j) body += fill;
        body += piece;
        for (const std::string& tail : {std::string(), std::string("xyz中"),
                                        std::string(70, 'b')}) {
          ASSERT_TRUE(SameUcs2Count(body + tail)) << fill << " x " << k;
        }
      }
    }
  }
}

TEST(Ucs2CountTest, KnownCounts) {
  // 66 CJK + an emoji: 68 units, one segment; one more CJK: 69; at 71, the
  // emoji (a surrogate pair) cannot be cut: 66 + (2 + 3).
  std::string body;
  for (int j = 0; j < 66; ++j) body += "中";
  EXPECT_EQ(CountSegments(body + "😀"), 1u);
  EXPECT_EQ(CountSegments(body + "😀中中中"), 2u);
  std::string one_short;
  for (int j = 0; j < 134; ++j) one_short += "中";
  EXPECT_EQ(CountSegments(one_short), 2u);         // 67 + 67
  EXPECT_EQ(CountSegments(one_short + "中"), 3u);  // 135 units
  EXPECT_EQ(CountSegments(body + "中😀" + std::string(66, 'a')), 3u);
}

}  // namespace
}  // namespace smslint
