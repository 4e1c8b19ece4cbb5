// CountSegments counts UCS-2 text with segments/ucs2_count.h; these tests
// hold it to the general pass (the oracle) on generated text, check that
// it answers itself on text of the common shapes, and check the one fact
// its block scan rests on against ICU.
#include "segments/ucs2_count.h"

#include <unicode/uchar.h>

#include <cstring>
#include <initializer_list>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "segments/cluster_steps.h"
#include "segments/simple_runs.h"
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

// `count` gives the general pass's count for `body` on each of `paths`.
template <typename Count>
testing::AssertionResult AgreesWithGeneralPass(const std::string& body, Count count,
                                               std::initializer_list<internal::ScanPath> paths) {
  const uint32_t want = internal::CountSegmentsReference(
      body, {.encoding = EncodingChoice::kUcs2});
  const auto* p = reinterpret_cast<const uint8_t*>(body.data());
  for (const auto path : paths) {
    const uint32_t got = count(p, body.size(), path);
    if (got != want) {
      return testing::AssertionFailure()
             << "path " << static_cast<int>(path) << ": " << got
             << " segments, the general pass " << want << ", for "
             << base::CodePointsLabel(body);
    }
  }
  return testing::AssertionSuccess();
}

// The UCS-2 count of every scan path equals the general pass's.
testing::AssertionResult SameUcs2Count(const std::string& body) {
  return AgreesWithGeneralPass(
      body,
      [](const uint8_t* p, size_t n, internal::ScanPath path) {
        return internal::CountUcs2Segments(p, n, path);
      },
      {internal::ScanPath::kBest, internal::ScanPath::kScalar, internal::ScanPath::kSse2,
       internal::ScanPath::kAvx2});
}

// CountCommonShapes answers `body` itself (not through the general pass),
// with the general pass's count, on every scan path.
testing::AssertionResult CommonShapesAnswer(const std::string& body) {
  return AgreesWithGeneralPass(
      body,
      [](const uint8_t* p, size_t n, internal::ScanPath path) {
        return internal::CountCommonShapes(p, n, path);
      },
      {internal::ScanPath::kScalar, internal::ScanPath::kSse2, internal::ScanPath::kAvx2});
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
    ASSERT_TRUE(CommonShapesAnswer(body)) << "case " << i;
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

// The window steps take printable ASCII by runs, as code points of class
// kSimple (neither pictographs nor controls).
TEST(Ucs2CountTest, PrintableAsciiIsOfTheSimpleClass) {
  const internal::InlineProperties props{internal::Bits()};
  for (char32_t cp = 0x20; cp <= 0x7E; ++cp) {
    EXPECT_EQ(internal::ucs2::ClassTable::Compute(cp, props),
              internal::ucs2::kSimple)
        << static_cast<uint32_t>(cp);
  }
}

// The SIMD masks of leads of ill-formed sequences: with the right number
// of continuation bytes after them, exactly the leads DecodeUtf8 rejects;
// at every position of the window.
TEST(Ucs2CountTest, InvalidLeadMasksAreTable3_7) {
  for (int lead = 0xC0; lead <= 0xFF; ++lead) {
    for (int second = 0x80; second <= 0xBF; ++second) {
      const uint8_t seq[4] = {static_cast<uint8_t>(lead),
                              static_cast<uint8_t>(second), 0x80, 0x80};
      const bool valid = base::DecodeUtf8(seq, seq + 4).valid;
      for (int at = 0; at < 31; ++at) {
        uint8_t w[internal::ucs2::kWindow + 8] = {};
        std::memset(w, 'a', internal::ucs2::kWindow);
        for (int k = 0; k < 4 && at + k < 32; ++k) w[at + k] = seq[k];
#if SMSLINT_X86
        const uint32_t bit = 1u << at;
        ASSERT_EQ((internal::ucs2::StepClassifySse2(w).invalid & bit) != 0,
                  !valid)
            << std::hex << lead << " " << second << " at " << std::dec << at;
        if (__builtin_cpu_supports("avx2")) {
          ASSERT_EQ((internal::ucs2::StepClassifyAvx2(w).invalid & bit) != 0,
                    !valid)
              << std::hex << lead << " " << second << " at " << std::dec << at;
        }
        // No other bit: the other bytes are ASCII and continuation bytes.
        ASSERT_EQ(internal::ucs2::StepClassifySse2(w).invalid & ~bit, 0u);
#else
        (void)valid;
#endif
      }
    }
  }
}

// Emoji-heavy text, which the window steps take code point by code point:
// emoji sequences, flags, keycaps, ASCII between them, long ZWJ chains
// (a cluster carried over many windows, or longer than a segment), and
// now and then an ill-formed byte or a shape the general pass must count.
// `common`: only clusters of the common shapes, none longer than a segment.
std::string EmojiBody(std::mt19937& rng, bool common = false) {
  static const std::vector<std::string> kEmoji = {
      "😀", "🚀", "🇺🇸", "🇯🇵", "🇯", "👍🏽", "👋🏿", "❤️", "☀️", "✨", "✔️", "1️⃣",
      "#️⃣", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🫱🏻‍🫲🏿", "🙂‍↔️", "🐦‍🔥", "❤️‍🔥", "👩🏽‍🚀", "©️",
      " ", "  ", "a", "go ", "see you", "\n", "\n", "é", "中", "Ж",
      // A tag sequence (tags are beyond the class table: not a common
      // shape), and strays, which may not follow a base.
      "🏴\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xB3\xF3\xA0\x81\xA3"
      "\xF3\xA0\x81\xB4\xF3\xA0\x81\xBF",
      "\xEF\xB8\x8F", "\xE2\x80\x8D", "\xF0\x9F\x8F\xBD"};
  static const std::vector<std::string> kRare = {
      "\x80", "\xF0\x9F\x98", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
      "\xE0\x80\xAF", "\xF5", "\xCC\x81",
      "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7",
      "\t", "\r\n", "\x7F"};
  std::uniform_int_distribution<size_t> piece(
      0, kEmoji.size() - (common ? 5 : 1));
  std::uniform_int_distribution<size_t> rare(0, kRare.size() - 1);
  std::uniform_int_distribution<int> kind(0, 99);
  const int target = std::uniform_int_distribution<int>(0, 900)(rng);
  std::string s;
  while (static_cast<int>(s.size()) < target) {
    const int k = kind(rng);
    if (k < 2) {
      if (!common) s += kRare[rare(rng)];
    } else if (k < 4) {
      // A ZWJ chain of 2 to 41 emoji (to 13, 46 units, when common).
      s += "👩";
      for (int j = std::uniform_int_distribution<int>(1, common ? 12 : 40)(rng);
           j > 0; --j) {
        s += (j % 3 == 0) ? "\xE2\x80\x8D👍🏽" : "\xE2\x80\x8D❤️";
      }
    } else {
      s += kEmoji[piece(rng)];
    }
  }
  return s;
}

TEST(Ucs2CountTest, EqualsTheGeneralPassOnEmojiText) {
  std::mt19937 rng(15);
  for (int i = 0; i < 10000; ++i) {
    const std::string body = EmojiBody(rng);
    ASSERT_TRUE(SameUcs2Count(body)) << "case " << i;
  }
}

TEST(Ucs2CountTest, AnswersItselfOnEmojiText) {
  // Not through the general pass: the window steps count these.
  std::mt19937 rng(17);
  for (int i = 0; i < 10000; ++i) {
    const std::string body = EmojiBody(rng, true);
    ASSERT_TRUE(CommonShapesAnswer(body)) << "case " << i;
  }
}

TEST(Ucs2CountTest, EqualsTheGeneralPassOnMutatedEmojiText) {
  // Emoji text with bytes changed or cut: ill-formed sequences at every
  // place of a window.
  std::mt19937 rng(16);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 5000; ++i) {
    std::string body = EmojiBody(rng);
    if (body.empty()) continue;
    std::uniform_int_distribution<size_t> at(0, body.size() - 1);
    for (int k = std::uniform_int_distribution<int>(1, 4)(rng); k > 0; --k) {
      body[at(rng)] = static_cast<char>(byte(rng));
    }
    if (i % 3 == 0) body.resize(at(rng));
    ASSERT_TRUE(SameUcs2Count(body)) << "case " << i;
  }
}

TEST(Ucs2CountTest, EmojiClustersAtEveryOffsetOfASegmentBoundary) {
  // Fills of clusters the window steps pack (one to eleven units), then a
  // piece, landing on each position around the 67-unit boundaries.
  for (const char* fill :
       {"❤️", "👍🏽", "e\xCC\x81", "🇺🇸", "1️⃣", "a 😀", "👨‍👩‍👧‍👦"}) {
    for (int k = 1; k < 70; ++k) {
      std::string body;
      for (int j = 0; j < k; ++j) body += fill;
      for (const std::string& piece : kPieces) {
        for (const std::string& tail :
             {std::string(), std::string("🫱🏻‍🫲🏿 ok") + std::string(40, 'b')}) {
          ASSERT_TRUE(SameUcs2Count(body + piece + tail)) << fill << " x " << k;
        }
      }
    }
  }
}

TEST(Ucs2CountTest, LongClustersFollowedByShortOnes) {
  // A cluster of up to a segment (a letter and its accents) after some
  // text, then runs of one-unit clusters: the segment may close before it
  // and again before a later one.
  for (int before = 0; before < 70; before += 3) {
    for (int accents = 20; accents < 67; ++accents) {
      std::string body(before, 'a');
      body += "e";
      for (int k = 0; k < accents; ++k) body += "\xCC\x81";
      for (const std::string& tail :
           {std::string(40, 'b'), "\n\xD0\x96 " + std::string(33, 'c'),
            std::string("❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️")}) {
        ASSERT_TRUE(SameUcs2Count(body + tail)) << before << " " << accents;
        ASSERT_NE(internal::CountCommonShapes(
                      reinterpret_cast<const uint8_t*>((body + tail).data()),
                      body.size() + tail.size(), internal::ScanPath::kSse2),
                  0u);
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
