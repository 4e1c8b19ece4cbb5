#include "smslint/segments.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace smslint {
namespace {

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(SegmentsTest, GsmSpansAreContiguousAndExact) {
  const std::string body = Repeat("a", 152) + "{" + Repeat("b", 152);
  const SegmentInfo info = AnalyzeSegments(body);
  ASSERT_EQ(info.segments.size(), 3u);
  EXPECT_EQ(info.segments[0].span, (Span{0, 152, 0, 152}));
  EXPECT_EQ(info.segments[1].span, (Span{152, 152 + 1 + 151, 152, 304}));
  EXPECT_EQ(info.segments[2].span, (Span{304, 305, 304, 305}));
  EXPECT_EQ(info.segments[1].capacity, 153u);
}

TEST(SegmentsTest, Ucs2SpansCountUtf16) {
  const std::string body = Repeat("a", 66) + "\xF0\x9F\x98\x80" + Repeat("b", 66);
  const SegmentInfo info = AnalyzeSegments(body);
  ASSERT_EQ(info.segments.size(), 3u);
  EXPECT_EQ(info.segments[1].span.byte_begin, 66u);
  EXPECT_EQ(info.segments[1].span.utf16_begin, 66u);
  EXPECT_EQ(info.segments[1].span.byte_end, 66u + 4 + 65);
  EXPECT_EQ(info.segments[1].span.utf16_end, 66u + 2 + 65);
  ASSERT_EQ(info.non_gsm.size(), 1u);
  EXPECT_EQ(info.non_gsm[0].text, "\xF0\x9F\x98\x80");
  EXPECT_EQ(info.non_gsm[0].span, (Span{66, 70, 66, 68}));
}

TEST(SegmentsTest, NonGsmListsWholeClustersInOrder) {
  const SegmentInfo info = AnalyzeSegments("x\xE2\x80\x99y e\xCC\x81 \xE2\x80\x99");
  ASSERT_EQ(info.non_gsm.size(), 3u);
  EXPECT_EQ(info.non_gsm[0].text, "\xE2\x80\x99");
  EXPECT_EQ(info.non_gsm[1].text, "e\xCC\x81");
  EXPECT_EQ(info.non_gsm[1].span, (Span{6, 9, 4, 6}));
  EXPECT_EQ(info.non_gsm[2].span.byte_begin, 10u);
}

TEST(SegmentsTest, GsmMessageHasNoNonGsmList) {
  EXPECT_TRUE(AnalyzeSegments("Hello {world} \xE2\x82\xAC").non_gsm.empty());
}

TEST(SegmentsTest, InvalidUtf8IsReplacementCharacterWithOffset) {
  const SegmentInfo info = AnalyzeSegments(std::string("Hi\xFF there"));
  EXPECT_TRUE(info.invalid_utf8);
  EXPECT_EQ(info.invalid_utf8_offset, 2u);
  EXPECT_EQ(info.encoding, Encoding::kUcs2);
  ASSERT_EQ(info.non_gsm.size(), 1u);
  EXPECT_EQ(info.non_gsm[0].text, "\xEF\xBF\xBD");
  EXPECT_EQ(info.code_points, 9u);
}

TEST(SegmentsTest, TruncatedSequenceAtEnd) {
  const SegmentInfo info = AnalyzeSegments(std::string("ab\xE2\x80"));
  EXPECT_TRUE(info.invalid_utf8);
  EXPECT_EQ(info.invalid_utf8_offset, 2u);
  EXPECT_EQ(info.code_points, 3u);  // E2 80 is one maximal subpart
}

TEST(SegmentsTest, SurrogatesAndOverlongsAreInvalid) {
  for (const char* bad : {"\xED\xA0\x80", "\xC0\xAF", "\xE0\x80\xAF",
                          "\xF4\x90\x80\x80", "\x80", "\xF8\x88\x80\x80\x80"}) {
    const SegmentInfo info = AnalyzeSegments(std::string("ok") + bad);
    EXPECT_TRUE(info.invalid_utf8) << bad;
    EXPECT_EQ(info.invalid_utf8_offset, 2u);
  }
}

TEST(SegmentsTest, SmartEncodeReplacesOncePerCodePoint) {
  EXPECT_EQ(SmartEncode("\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\xA6"), "\"Hi\" ...");
  EXPECT_EQ(SmartEncode("a\tb"), "a       b");
  EXPECT_EQ(SmartEncode("n\xCC\x83"), "n~");  // NFD n + tilde
  EXPECT_EQ(SmartEncode("\xC3\xB1"), "\xC3\xB1");  // NFC ñ is GSM already
  EXPECT_EQ(SmartEncode(std::string("\xFF`")), std::string("\xFF'"));
}

TEST(SegmentsTest, SmartInfoCarriesTheAnalysedText) {
  const SegmentInfo info = AnalyzeSegments("it\xE2\x80\x99s", {.smart_encoding = true});
  EXPECT_TRUE(info.smart_encoded);
  EXPECT_EQ(info.smart_text, "it's");
  EXPECT_EQ(info.encoding, Encoding::kGsm7);
}

TEST(SegmentsTest, CountMatchesAnalyzeOnRandomText) {
  const std::vector<std::string> pool = {
      "a", " ", "{", "\xE2\x82\xAC", "\r\n", "\n", "\xC3\xA9", "e\xCC\x81",
      "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xE2\x80\x99", "\t", "\xFF"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
  std::uniform_int_distribution<int> len(0, 400);
  for (int i = 0; i < 2000; ++i) {
    std::string body;
    const int n = len(rng);
    const bool gsm_only = i % 3 == 0;
    for (int k = 0; k < n; ++k) body += pool[gsm_only ? pick(rng) % 6 : pick(rng)];
    for (bool smart : {false, true}) {
      const SegmentOptions o{.smart_encoding = smart};
      const SegmentInfo info = AnalyzeSegments(body, o);
      ASSERT_EQ(CountSegments(body, o), info.segment_count) << i;
      uint64_t fill = 0;
      size_t byte = 0, utf16 = 0;
      for (const SegmentSpan& s : info.segments) {
        ASSERT_LE(s.fill, s.capacity);
        ASSERT_EQ(s.span.byte_begin, byte);
        ASSERT_EQ(s.span.utf16_begin, utf16);
        byte = s.span.byte_end;
        utf16 = s.span.utf16_end;
        fill += s.fill;
      }
      ASSERT_EQ(byte, info.bytes);
      ASSERT_EQ(utf16, info.utf16_units);
      ASSERT_EQ(fill, info.units);
      ASSERT_EQ(info.segments.size(), info.segment_count);
    }
  }
}

TEST(SegmentsTest, BlockFastPathMatchesPerCharacterAtEveryOffset) {
  // Specials at every offset of a 16-byte block, near segment boundaries.
  for (size_t prefix = 140; prefix < 170; ++prefix) {
    for (const char* special : {"{", "\n", "\r", "`", "\xC3\xA9", "~"}) {
      const std::string body = Repeat("x", prefix) + special + Repeat("y", 20);
      const SegmentInfo info = AnalyzeSegments(body);
      uint64_t septets = prefix + 20;
      const std::string s(special);
      if (s == "{" || s == "~") septets += 2;
      else if (s != "`") septets += 1;
      if (s == "`") {
        EXPECT_EQ(info.encoding, Encoding::kUcs2);
      } else {
        EXPECT_EQ(info.units, septets) << prefix << " " << special;
      }
    }
  }
}

// The calculator's packing for GSM-7 text, written plainly.
std::vector<uint32_t> ReferenceGsmFill(const std::string& text) {
  std::vector<uint32_t> sizes;
  for (char c : text) sizes.push_back(std::string_view("[]{}~^|\\\f").find(c) !=
                                              std::string_view::npos ? 2 : 1);
  uint32_t total = 0;
  for (uint32_t s : sizes) total += s;
  if (total <= 160) return {total};
  std::vector<uint32_t> fill = {0};
  for (uint32_t s : sizes) {
    if (fill.back() + s > 153) fill.push_back(0);
    fill.back() += s;
  }
  return fill;
}

TEST(SegmentsTest, ExtensionHeavyGsmMatchesPlainPacking) {
  std::mt19937 rng(11);
  const std::string alphabet = "aaaa {}[]~^|\\\f\nb";
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> len(100, 700);
  for (int i = 0; i < 3000; ++i) {
    std::string body;
    const int n = len(rng);
    for (int k = 0; k < n; ++k) body.push_back(alphabet[pick(rng)]);
    const SegmentInfo info = AnalyzeSegments(body);
    ASSERT_EQ(info.encoding, Encoding::kGsm7);
    std::vector<uint32_t> fill;
    for (const SegmentSpan& s : info.segments) fill.push_back(s.fill);
    ASSERT_EQ(fill, ReferenceGsmFill(body)) << i;
    ASSERT_EQ(CountSegments(body), info.segment_count);
  }
}

TEST(SegmentsTest, LineBreakStyleNames) {
  EXPECT_EQ(LineBreakStyleName(AnalyzeSegments("a\r\nb").line_break_style), "CRLF");
  EXPECT_EQ(LineBreakStyleName(AnalyzeSegments("a\nb").line_break_style), "LF");
  EXPECT_EQ(LineBreakStyleName(AnalyzeSegments("ab").line_break_style), "");
}

}  // namespace
}  // namespace smslint
