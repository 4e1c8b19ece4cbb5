#include "escape.h"

#include <string>

#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

TEST(EscapeTest, KeepsPrintableTextAsIs) {
  EXPECT_EQ(EscapeControls("It\xE2\x80\x99s a \\ 中 😀"), "It\xE2\x80\x99s a \\ 中 😀");
  EXPECT_FALSE(NeedsEscape("plain, \xC2\xA0nbsp"));
  EXPECT_EQ(EscapeControls(""), "");
}

TEST(EscapeTest, EscapesC0DelC1AndInvalidBytes) {
  EXPECT_EQ(EscapeControls("\x1b]0;pwned\x07"), "\\x1b]0;pwned\\x07");
  EXPECT_EQ(EscapeControls("a\tb\nc\rd"), "a\\tb\\nc\\rd");
  EXPECT_EQ(EscapeControls(std::string("x\0y", 3)), "x\\x00y");
  EXPECT_EQ(EscapeControls("\x7f"), "\\x7f");
  EXPECT_EQ(EscapeControls("\xC2\x9B" "31m"), "\\u{9b}31m");    // C1 CSI
  EXPECT_EQ(EscapeControls("\xC2\x80\xC2\x9F"), "\\u{80}\\u{9f}");
  EXPECT_EQ(EscapeControls("\xFF" "a\xC3"), "\\xffa\\xc3");      // invalid, truncated
  EXPECT_EQ(EscapeControls("\xED\xA0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_TRUE(NeedsEscape("ok\x1b"));
}

}  // namespace
}  // namespace smslint::cli
