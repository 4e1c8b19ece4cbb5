// The one UTF-8 decoder and validator (base/utf8.h), against ICU's U8_NEXT
// (which substitutes maximal subparts too) on every sequence of up to three
// bytes, and the validator against a brute force built from the encodings
// of every scalar value.
#include "base/utf8.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <cstdio>

#include <gtest/gtest.h>

namespace smslint::base {
namespace {

std::string Bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s.push_back(static_cast<char>(c));
  return s;
}

Decoded Decode(const std::string& s) { return DecodeUtf8At(s, 0); }

TEST(Utf8Test, DecodesWellFormed) {
  const Decoded a = Decode("A");
  EXPECT_EQ(a.cp, U'A');
  EXPECT_EQ(a.len, 1u);
  EXPECT_TRUE(a.valid);
  const Decoded e = Decode("\xC3\xA9");
  EXPECT_EQ(e.cp, U'\u00E9');
  EXPECT_EQ(e.len, 2u);
  const Decoded euro = Decode("\xE2\x82\xAC");
  EXPECT_EQ(euro.cp, U'\u20AC');
  EXPECT_EQ(euro.len, 3u);
  const Decoded emoji = Decode("\xF0\x9F\x98\x80");
  EXPECT_EQ(emoji.cp, U'\U0001F600');
  EXPECT_EQ(emoji.len, 4u);
  EXPECT_TRUE(emoji.valid);
  const Decoded max = Decode("\xF4\x8F\xBF\xBF");
  EXPECT_EQ(max.cp, U'\U0010FFFF');
  EXPECT_TRUE(max.valid);
}

struct IllFormed {
  const char* what;
  std::string bytes;
  uint32_t maximal_subpart;
};

TEST(Utf8Test, EveryIllFormedClassIsOneMaximalSubpart) {
  const std::vector<IllFormed> cases = {
      {"overlong 2-byte C0", Bytes({0xC0, 0x80}), 1},
      {"overlong 2-byte C1", Bytes({0xC1, 0xBF}), 1},
      {"overlong 3-byte", Bytes({0xE0, 0x80, 0x80}), 1},
      {"overlong 3-byte edge", Bytes({0xE0, 0x9F, 0xBF}), 1},
      {"overlong 4-byte", Bytes({0xF0, 0x80, 0x80, 0x80}), 1},
      {"overlong 4-byte edge", Bytes({0xF0, 0x8F, 0xBF, 0xBF}), 1},
      {"high surrogate", Bytes({0xED, 0xA0, 0x80}), 1},
      {"low surrogate", Bytes({0xED, 0xBF, 0xBF}), 1},
      {"above U+10FFFF", Bytes({0xF4, 0x90, 0x80, 0x80}), 1},
      {"F5 lead", Bytes({0xF5, 0x80, 0x80, 0x80}), 1},
      {"FF", Bytes({0xFF}), 1},
      {"truncated 2 of 2 at end", Bytes({0xC3}), 1},
      {"truncated 2 of 3 at end", Bytes({0xE2, 0x82}), 2},
      {"truncated 3 of 4 at end", Bytes({0xF0, 0x9F, 0x98}), 3},
      {"truncated 3-byte before ASCII", Bytes({0xE2, 0x82, 'A'}), 2},
      {"truncated 4-byte before ASCII", Bytes({0xF0, 0x9F, 0x98, 'A'}), 3},
      {"truncated 2-byte before lead", Bytes({0xC3, 0xC3, 0xA9}), 1},
      {"lone continuation 80", Bytes({0x80}), 1},
      {"lone continuation BF", Bytes({0xBF, 0xBF}), 1},
  };
  for (const IllFormed& c : cases) {
    const Decoded d = Decode(c.bytes);
    EXPECT_FALSE(d.valid) << c.what;
    EXPECT_EQ(d.cp, kReplacementChar) << c.what;
    EXPECT_EQ(d.len, c.maximal_subpart) << c.what;
    EXPECT_EQ(FirstInvalidUtf8("ok" + c.bytes), 2u) << c.what;
    EXPECT_FALSE(IsValidUtf8(c.bytes)) << c.what;
  }
}

// ICU's U8_NEXT_OR_FFFD on buf[0, n): the code point and its length.
std::pair<char32_t, uint32_t> Icu(const uint8_t* buf, int32_t n) {
  int32_t i = 0;
  UChar32 c;
  U8_NEXT_OR_FFFD(buf, i, n, c);
  return {static_cast<char32_t>(c), static_cast<uint32_t>(i)};
}

void ExpectSameAsIcu(const uint8_t* buf, int32_t n) {
  const Decoded d = DecodeUtf8(buf, buf + n);
  const auto [cp, len] = Icu(buf, n);
  // ICU also yields U+FFFD for a well-formed U+FFFD; `valid` tells them apart.
  ASSERT_EQ(d.cp, cp) << std::hex << int{buf[0]} << " " << int{buf[1]} << " "
                      << int{buf[2]} << " " << int{buf[3]} << " n=" << n;
  ASSERT_EQ(d.len, len) << std::hex << int{buf[0]} << " " << int{buf[1]} << " "
                        << int{buf[2]} << " n=" << n;
  ASSERT_EQ(d.valid, cp != 0xFFFD || (n >= 3 && buf[0] == 0xEF && buf[1] == 0xBF &&
                                      buf[2] == 0xBD));
}

TEST(Utf8Test, DecodeMatchesIcuOnAllSequencesUpToThreeBytes) {
  uint8_t buf[4] = {0, 0, 0, 0};
  for (int b0 = 0; b0 < 256; ++b0) {
    buf[0] = static_cast<uint8_t>(b0);
    ExpectSameAsIcu(buf, 1);
    for (int b1 = 0; b1 < 256; ++b1) {
      buf[1] = static_cast<uint8_t>(b1);
      ExpectSameAsIcu(buf, 2);
      for (int b2 = 0; b2 < 256; ++b2) {
        buf[2] = static_cast<uint8_t>(b2);
        ExpectSameAsIcu(buf, 3);
      }
    }
  }
}

TEST(Utf8Test, DecodeMatchesIcuOnFourByteLeads) {
  // Every lead, second and third byte; the fourth from each class.
  const uint8_t fourth[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xF4, 0xFF};
  uint8_t buf[4];
  for (int b0 = 0xF0; b0 < 256; ++b0) {
    for (int b1 = 0; b1 < 256; ++b1) {
      for (int b2 = 0; b2 < 256; ++b2) {
        for (const uint8_t b3 : fourth) {
          buf[0] = static_cast<uint8_t>(b0);
          buf[1] = static_cast<uint8_t>(b1);
          buf[2] = static_cast<uint8_t>(b2);
          buf[3] = b3;
          ExpectSameAsIcu(buf, 4);
        }
      }
    }
  }
}

// Independent of the decoder: the encodings of every scalar value, by the
// bit layout of Unicode table 3-6.
std::string Encode(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    s.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return s;
}

class BruteForce {
 public:
  BruteForce() {
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      encodings_.push_back(Key(Encode(cp)));
    }
    std::sort(encodings_.begin(), encodings_.end());
  }
  // The offset of the first byte no encoding starts at, or npos. UTF-8 is
  // prefix-free, so reading greedily is the only parse.
  size_t FirstInvalid(std::string_view s) const {
    size_t i = 0;
    while (i < s.size()) {
      size_t k = 1;
      while (k <= 4 && !(i + k <= s.size() && IsEncoding(s.substr(i, k)))) ++k;
      if (k > 4) return i;
      i += k;
    }
    return std::string_view::npos;
  }
  bool IsEncoding(std::string_view s) const {
    return std::binary_search(encodings_.begin(), encodings_.end(), Key(s));
  }

 private:
  // Length and bytes in one integer.
  static uint64_t Key(std::string_view s) {
    uint64_t k = s.size();
    for (const char c : s) k = (k << 8) | static_cast<uint8_t>(c);
    return k;
  }
  std::vector<uint64_t> encodings_;
};

const BruteForce& Reference() {
  static const BruteForce* const r = new BruteForce;
  return *r;
}

TEST(Utf8Test, ValidatorMatchesBruteForceOnAllShortStrings) {
  const BruteForce& ref = Reference();
  std::string s;
  for (int b0 = 0; b0 < 256; ++b0) {
    s.assign(1, static_cast<char>(b0));
    ASSERT_EQ(FirstInvalidUtf8(s), ref.FirstInvalid(s)) << b0;
    for (int b1 = 0; b1 < 256; ++b1) {
      s.assign({static_cast<char>(b0), static_cast<char>(b1)});
      ASSERT_EQ(FirstInvalidUtf8(s), ref.FirstInvalid(s)) << b0 << " " << b1;
    }
  }
  // Every scalar value is valid, alone and after ASCII (the fast path).
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string e = Encode(cp);
    ASSERT_TRUE(IsValidUtf8(e)) << static_cast<uint32_t>(cp);
    ASSERT_TRUE(IsValidUtf8("0123456789" + e + "abcdefgh")) << static_cast<uint32_t>(cp);
  }
  // Surrogates encoded as if they were scalar values are not.
  for (char32_t cp = 0xD800; cp <= 0xDFFF; ++cp) {
    ASSERT_EQ(FirstInvalidUtf8("01234567" + Encode(cp)), 8u) << static_cast<uint32_t>(cp);
    ASSERT_FALSE(ref.IsEncoding(Encode(cp)));
  }
}

TEST(Utf8Test, ValidatorMatchesBruteForceOnRandomStrings) {
  const BruteForce& ref = Reference();
  std::mt19937 rng(20261203);
  const std::vector<std::string> pieces = {
      "a", "Hello, world", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
      "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80", "\x80", "\xE2\x82",
      "\xF0\x9F", "\xFF", "        "};
  for (int iter = 0; iter < 100000; ++iter) {
    std::string s;
    const int parts = static_cast<int>(rng() % 8);
    for (int k = 0; k < parts; ++k) {
      if (rng() % 3 == 0) {
        s.push_back(static_cast<char>(rng() % 256));
      } else {
        s += pieces[rng() % pieces.size()];
      }
    }
    ASSERT_EQ(FirstInvalidUtf8(s), ref.FirstInvalid(s)) << s;
    ASSERT_EQ(IsValidUtf8(s), ref.FirstInvalid(s) == std::string_view::npos);
  }
}

TEST(Utf8Test, SequenceLengthAndContinuation) {
  EXPECT_EQ(Utf8SequenceLength('A'), 1u);
  EXPECT_EQ(Utf8SequenceLength(0x80), 1u);  // stray continuation
  EXPECT_EQ(Utf8SequenceLength(0xC3), 2u);
  EXPECT_EQ(Utf8SequenceLength(0xE2), 3u);
  EXPECT_EQ(Utf8SequenceLength(0xF0), 4u);
  EXPECT_TRUE(IsUtf8Continuation(0x80));
  EXPECT_TRUE(IsUtf8Continuation(0xBF));
  EXPECT_FALSE(IsUtf8Continuation(0xC0));
  EXPECT_FALSE(IsUtf8Continuation('A'));
  EXPECT_EQ(Utf16Length(U'A'), 1u);
  EXPECT_EQ(Utf16Length(U'\uFFFF'), 1u);
  EXPECT_EQ(Utf16Length(U'\U00010000'), 2u);
}

TEST(Utf8Test, AppendUtf8RoundTrips) {
  for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F600', U'\U0010FFFF'}) {
    std::string s;
    AppendUtf8(s, cp);
    EXPECT_EQ(s, Encode(cp));
    const Decoded d = DecodeUtf8At(s, 0);
    EXPECT_EQ(d.cp, cp);
    EXPECT_EQ(d.len, s.size());
  }
}

TEST(Utf8Test, CodePointsLabel) {
  EXPECT_EQ(CodePointsLabel(""), "");
  EXPECT_EQ(CodePointsLabel("A\xC3\xA9"), "U+0041 U+00E9");
  EXPECT_EQ(CodePointsLabel("\xF0\x9F\x98\x80"), "U+1F600");
  EXPECT_EQ(CodePointsLabel("\xE2\x82x"), "U+FFFD U+0078");
}

// Formatted by hand: the same as printf's "U+%04X" for every code point.
TEST(Utf8Test, CodePointLabelEqualsPrintf) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    char want[16];
    std::snprintf(want, sizeof want, "U+%04X", static_cast<unsigned>(cp));
    std::string got;
    AppendCodePointLabel(&got, cp);
    ASSERT_EQ(got, want);
  }
}

}  // namespace
}  // namespace smslint::base
