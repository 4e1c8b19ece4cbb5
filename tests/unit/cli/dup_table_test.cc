#include "batch/dup_table.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace smslint::cli {
namespace {

TEST(DupTableTest, SecondSightingNamesTheFirst) {
  DupTable t;
  EXPECT_FALSE(t.Check(14155550132, 1, 2).duplicate);
  EXPECT_FALSE(t.Check(14155550133, 2, 3).duplicate);
  const DupTable::Hit hit = t.Check(14155550132, 5, 9);
  EXPECT_TRUE(hit.duplicate);
  EXPECT_EQ(hit.first_row, 1u);
  EXPECT_EQ(hit.first_line, 2u);
  // The third sighting still names the first, not the second.
  EXPECT_EQ(t.Check(14155550132, 7, 12).first_row, 1u);
  EXPECT_FALSE(t.capped());
}

TEST(DupTableTest, KeyZeroIsNeverADuplicate) {
  DupTable t;
  EXPECT_FALSE(t.Check(0, 1, 1).duplicate);
  EXPECT_FALSE(t.Check(0, 2, 2).duplicate);
  EXPECT_FALSE(t.Check(DupKey{}, 3, 3).duplicate);
}

// The old table stopped remembering new recipients at 786,432; a list of
// 1.2 million distinct numbers with 300,000 repeats must count exactly
// 300,000, each naming its first row and line.
TEST(DupTableTest, ExactBeyondTheOldCap) {
  DupTable t;
  std::mt19937_64 rng(7);
  constexpr uint64_t kDistinct = 1'200'000, kRepeats = 300'000;
  std::vector<uint64_t> keys(kDistinct);
  uint64_t row = 0, dups = 0;
  for (uint64_t i = 0; i < kDistinct; ++i) {
    // Distinct by construction: a bijective mix of i into 11-digit numbers.
    keys[i] = 10'000'000'000u + (i * 2'654'435'761u) % 90'000'000'000u;
    ++row;
    if (t.Check(keys[i], row, row + 1).duplicate) ++dups;
  }
  EXPECT_EQ(dups, 0u);
  EXPECT_EQ(t.size(), kDistinct);
  for (uint64_t j = 0; j < kRepeats; ++j) {
    const uint64_t i = rng() % kDistinct;
    ++row;
    const DupTable::Hit hit = t.Check(keys[i], row, row + 1);
    ASSERT_TRUE(hit.duplicate) << i;
    EXPECT_EQ(hit.first_row, i + 1);
    EXPECT_EQ(hit.first_line, i + 2);
    ++dups;
  }
  EXPECT_EQ(dups, kRepeats);
  EXPECT_EQ(t.size(), kDistinct);
  EXPECT_FALSE(t.capped());
  // 12-byte slots at 7/12..7/8 load: at most ~21 bytes a number.
  EXPECT_LE(t.table_bytes(), kDistinct * 21);
}

TEST(DupTableTest, UnusualPositionsAreKeptExactly) {
  DupTable t;
  const uint64_t far_row = uint64_t{1} << 33;
  EXPECT_FALSE(t.Check(447700900123, far_row, far_row + 5).duplicate);
  EXPECT_FALSE(t.Check(447700900124, 10, 100'000).duplicate);  // big offset
  EXPECT_FALSE(t.Check(447700900125, 10, 3).duplicate);        // line < row
  DupTable::Hit hit = t.Check(447700900123, 1, 1);
  EXPECT_EQ(hit.first_row, far_row);
  EXPECT_EQ(hit.first_line, far_row + 5);
  hit = t.Check(447700900124, 1, 1);
  EXPECT_EQ(hit.first_line, 100'000u);
  hit = t.Check(447700900125, 1, 1);
  EXPECT_EQ(hit.first_row, 10u);
  EXPECT_EQ(hit.first_line, 3u);
}

TEST(DupTableTest, UnparseableTextsCompareByTextNotHash) {
  DupTable t;
  // Two different texts forced onto the same 64-bit value stay distinct.
  const DupKey a{(uint64_t{1} << 63) | 99, "n/a"};
  const DupKey b{(uint64_t{1} << 63) | 99, "unknown"};
  EXPECT_FALSE(t.Check(a, 1, 2).duplicate);
  EXPECT_FALSE(t.Check(b, 2, 3).duplicate);
  const DupTable::Hit hit = t.Check(DupKey{a.value, "n/a"}, 3, 4);
  EXPECT_TRUE(hit.duplicate);
  EXPECT_EQ(hit.first_row, 1u);
  EXPECT_TRUE(t.Check(b, 4, 5).duplicate);
  // A bare 64-bit key above the E.164 range is exact on its value.
  EXPECT_FALSE(t.Check(uint64_t{1} << 62, 5, 6).duplicate);
  EXPECT_EQ(t.Check(uint64_t{1} << 62, 6, 7).first_row, 5u);
}

TEST(DupTableTest, RecipientKeyUsesE164ThenTrimmedText) {
  Report parsed;
  parsed.to_number = NumberInfo{};
  parsed.to_number->e164 = "+14155550132";
  const DupKey p = RecipientKey(parsed, "(415) 555-0132");
  EXPECT_EQ(p.value, 14155550132u);
  EXPECT_TRUE(p.text.empty());
  const Report unparsed;
  EXPECT_EQ(RecipientKey(unparsed, "").value, 0u);
  EXPECT_EQ(RecipientKey(unparsed, " \t").value, 0u);
  const DupKey a = RecipientKey(unparsed, "n/a");
  EXPECT_NE(a.value & (uint64_t{1} << 63), 0u);  // never an E.164 key
  EXPECT_EQ(a.text, "n/a");
  EXPECT_EQ(RecipientKey(unparsed, "  n/a\t").value, a.value);
  EXPECT_EQ(RecipientKey(unparsed, "  n/a\t").text, "n/a");
  EXPECT_NE(RecipientKey(unparsed, "n/b").value, a.value);
}

}  // namespace
}  // namespace smslint::cli
