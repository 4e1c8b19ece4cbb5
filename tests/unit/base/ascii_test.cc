// The ASCII case helpers (base/ascii.h): only A-Z and a-z change, every
// other byte (UTF-8 included) is left alone.
#include "base/ascii.h"

#include <string>

#include <gtest/gtest.h>

namespace smslint::base {
namespace {

TEST(AsciiTest, CaseOfEveryByte) {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const char lower = b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : c;
    const char upper = b >= 'a' && b <= 'z' ? static_cast<char>(b - 32) : c;
    EXPECT_EQ(ToLowerAscii(c), lower) << b;
    EXPECT_EQ(ToUpperAscii(c), upper) << b;
    EXPECT_EQ(IsAsciiDigit(c), b >= '0' && b <= '9') << b;
  }
}

TEST(AsciiTest, CopiesAndInPlace) {
  EXPECT_EQ(LowerAscii("Bit.LY/Ab"), "bit.ly/ab");
  EXPECT_EQ(UpperAscii("us"), "US");
  EXPECT_EQ(LowerAscii(""), "");
  // "ÄB" -> "Äb": the bytes of Ä (C3 84) are not letters here.
  EXPECT_EQ(LowerAscii("\xC3\x84" "B"), "\xC3\x84" "b");
  EXPECT_EQ(UpperAscii("\xC3\xA4" "b"), "\xC3\xA4" "B");
  std::string s = "MiXeD 123";
  LowerAsciiInPlace(s);
  EXPECT_EQ(s, "mixed 123");
  UpperAsciiInPlace(s);
  EXPECT_EQ(s, "MIXED 123");
}

TEST(AsciiTest, Comparisons) {
  EXPECT_TRUE(EqualsIgnoreAsciiCase("HTTPS", "https"));
  EXPECT_TRUE(EqualsIgnoreAsciiCase("", ""));
  EXPECT_FALSE(EqualsIgnoreAsciiCase("http", "https"));
  EXPECT_FALSE(EqualsIgnoreAsciiCase("\xC3\x84", "\xC3\xA4"));  // Ä, ä
  EXPECT_FALSE(EqualsIgnoreAsciiCase("@", "`"));  // 0x40, 0x60: not letters
  EXPECT_TRUE(StartsWithIgnoreAsciiCase("HTTP://x", "http"));
  EXPECT_FALSE(StartsWithIgnoreAsciiCase("ht", "http"));
  EXPECT_EQ(FindIgnoreAsciiCase("Welcome to ACME Dental", "acme"), 11u);
  EXPECT_EQ(FindIgnoreAsciiCase("acme", "Acme Dental"), std::string_view::npos);
  EXPECT_EQ(FindIgnoreAsciiCase("abc", ""), 0u);
  EXPECT_EQ(FindIgnoreAsciiCase("aaAB", "ab"), 2u);
  EXPECT_EQ(FindIgnoreAsciiCase("x", "y"), std::string_view::npos);
}

TEST(AsciiTest, IsAscii) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii(std::string("a\0\x7F", 3)));
  EXPECT_FALSE(IsAscii("caf\xC3\xA9"));
  EXPECT_FALSE(IsAscii("\x80"));
}

}  // namespace
}  // namespace smslint::base
