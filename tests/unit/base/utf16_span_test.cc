// Byte to UTF-16 offsets (base/utf16_span.h), against ICU's conversion of
// the same prefix (u_strFromUTF8WithSub: one U+FFFD per maximal subpart).
#include "base/utf16_span.h"

#include <unicode/ustring.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "base/utf8.h"

namespace smslint::base {
namespace {

size_t IcuUtf16Length(std::string_view s) {
  int32_t len = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(nullptr, 0, &len, s.data(), static_cast<int32_t>(s.size()),
                       0xFFFD, nullptr, &status);
  EXPECT_TRUE(status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING ||
              U_SUCCESS(status))
      << u_errorName(status);
  return static_cast<size_t>(len);
}

// The code point boundaries of s, by the decoder, and the end.
std::vector<size_t> Boundaries(std::string_view s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); i += DecodeUtf8At(s, i).len) out.push_back(i);
  out.push_back(s.size());
  return out;
}

TEST(Utf16SpanTest, Examples) {
  const std::string s = "a\xC3\xA9\xF0\x9F\x98\x80z";  // a é 😀 z
  EXPECT_EQ(Utf16Offset(s, 0), 0u);
  EXPECT_EQ(Utf16Offset(s, 1), 1u);
  EXPECT_EQ(Utf16Offset(s, 3), 2u);
  EXPECT_EQ(Utf16Offset(s, 7), 4u);  // the emoji is a surrogate pair
  EXPECT_EQ(Utf16Offset(s, 8), 5u);
  EXPECT_EQ(Utf16Offset(s, 99), 5u);  // clamped to the end
  EXPECT_EQ(Utf16Span(s, 3, 7), (Span{3, 7, 2, 4}));
  EXPECT_EQ(WholeSpan(s), (Span{0, 8, 0, 5}));
  EXPECT_EQ(WholeSpan(""), (Span{0, 0, 0, 0}));
  // Inside a code point: the end of that code point.
  EXPECT_EQ(Utf16Offset(s, 5), 4u);
  // Ill-formed: one unit per maximal subpart ("\xE2\x82" is one).
  EXPECT_EQ(WholeSpan("\xE2\x82" "a\x80"), (Span{0, 4, 0, 3}));
}

TEST(Utf16SpanTest, MapperMatchesIcuForwardAndBackward) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {
      "a", "hello world ", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
      "\xED\xA0\x80", "\xE2\x82", "\x80", "\xF4\x90\x80\x80", "\r\n"};
  for (int iter = 0; iter < 3000; ++iter) {
    std::string s;
    const int parts = static_cast<int>(rng() % 30);
    for (int k = 0; k < parts; ++k) {
      if (rng() % 5 == 0) {
        s.push_back(static_cast<char>(rng() % 256));
      } else {
        s += pieces[rng() % pieces.size()];
      }
    }
    const std::vector<size_t> b = Boundaries(s);
    Utf16Mapper forward(s);
    for (const size_t off : b) {
      ASSERT_EQ(forward.ToUtf16(off), IcuUtf16Length(std::string_view(s).substr(0, off)))
          << iter << " @" << off;
    }
    // Random order: going back restarts, and still agrees.
    Utf16Mapper random(s);
    for (int k = 0; k < 10; ++k) {
      const size_t x = b[rng() % b.size()], y = b[rng() % b.size()];
      const size_t lo = std::min(x, y), hi = std::max(x, y);
      const Span span = random.ToSpan(lo, hi);
      ASSERT_EQ(span, Utf16Span(s, lo, hi));
      ASSERT_EQ(span.utf16_begin, IcuUtf16Length(std::string_view(s).substr(0, lo)));
      ASSERT_EQ(span.utf16_end, IcuUtf16Length(std::string_view(s).substr(0, hi)));
    }
  }
}

}  // namespace
}  // namespace smslint::base
