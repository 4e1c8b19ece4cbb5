#include "batch/price.h"

#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

TEST(PriceTest, ParsesDecimals) {
  auto p = ParsePrice("0.0079");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->mantissa, 79u);
  EXPECT_EQ(p->scale, 4);
  p = ParsePrice("12");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->mantissa, 12u);
  EXPECT_EQ(p->scale, 0);
  p = ParsePrice(".5");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->mantissa, 5u);
  EXPECT_EQ(p->scale, 1);
}

TEST(PriceTest, RejectsWhatIsNotAPlainDecimal) {
  for (const char* s : {"", ".", "1.", "-1", "+1", "1e3", "1.2.3", "abc",
                        " 1", "1234567890123456789"}) {
    EXPECT_FALSE(ParsePrice(s)) << s;
  }
  // Leading zeros are not significant digits.
  EXPECT_TRUE(ParsePrice("000000000000000000000.5"));
}

TEST(PriceTest, MultipliesExactly) {
  EXPECT_EQ(Multiply(*ParsePrice("0.0079"), 6), "0.0474");
  EXPECT_EQ(Multiply(*ParsePrice("0.0083"), 1174), "9.7442");
  EXPECT_EQ(Multiply(*ParsePrice("0.50"), 4), "2");
  EXPECT_EQ(Multiply(*ParsePrice("3"), 0), "0");
  EXPECT_EQ(Multiply(*ParsePrice("0.1"), 3), "0.3");  // not 0.30000000000000004
  // Past 64 bits: 999999999999999999 * 10^6.
  EXPECT_EQ(Multiply(*ParsePrice("999999999999999999"), 1000000),
            "999999999999999999000000");
}

}  // namespace
}  // namespace smslint::cli
